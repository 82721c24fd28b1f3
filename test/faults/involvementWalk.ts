// WF-2 through the real bot: the head of Bidang Aplikasi Informatika asks Bidang Statistik for a
// named official with /mintapegawai (every step of the profile's chain is probed), then for a
// number of its officials (the unit head's card is probed: nominating opens the numbered list).
import { PENGAJUAN_FLOW_ID } from '../../src/core/domain/pengajuan/notifyStep';
import { PERMINTAAN_FLOW_ID } from '../../src/core/domain/permintaan/unitRequestDetails';
import { probeStep, type ProbeContext, type StepReport } from './approvalProbe';
import type { StoredMessage } from '../fakes/fakeTelegram';
import { TEAMS, type Person } from './wrongPeopleOrganisation';

const ITEMS = ['Membangun layanan data statistik terpadu', 'Pengolahan dan analisis data statistik', 'Dua dasbor statistik layanan terbit'];

/** /mintapegawai up to the choice of an official on Bidang Statistik's list. */
async function askStatistik(ctx: ProbeContext, head: Person): Promise<StoredMessage[]> {
  const { driver } = ctx;
  let messages = await driver.say(head, '/mintapegawai');
  messages = await driver.pressLabel(head, TEAMS.LINTAS_UO, messages);
  messages = await driver.say(head, 'statistik');
  return driver.pressLabel(head, /^Bidang Statistik/, messages);
}

async function writeItems(ctx: ProbeContext, head: Person): Promise<void> {
  let messages: StoredMessage[] = [];
  for (const item of ITEMS) messages = await ctx.driver.say(head, item);
  messages = await ctx.driver.pressLabel(head, /^Sampai akhir masa tim/, messages);
  await ctx.driver.pressLabel(head, 'Kirim', messages);
}

function personOf(ctx: ProbeContext, pegawaiId: string): Person {
  const person = Object.values(ctx.instansi.people).find((p) => p.pegawaiId === pegawaiId);
  if (!person) throw new Error(`pegawai ${pegawaiId} is not in the cast`);
  return person;
}

/** A named official: each step of the chain, decided by its holder after the wrong presses. */
export async function walkPelibatan(ctx: ProbeContext): Promise<StepReport[]> {
  const { driver, instansi } = ctx;
  const head = instansi.people.kabidAptika;
  const official = instansi.people.pelaksanaStatistik;
  const messages = await askStatistik(ctx, head);
  await driver.pressLabel(head, new RegExp(`^${official.name} \\(`), messages);
  await writeItems(ctx, head);
  const request = await driver.db.penugasan.findFirstOrThrow({ where: { pegawaiId: official.pegawaiId, workflow: 'WF-2' }, include: { steps: { orderBy: { position: 'asc' } } } });
  const reports: StepReport[] = [];
  for (const step of request.steps) {
    const report = await probeStep(ctx, {
      label: `pelibatan ${step.position + 1}/${request.steps.length} ${step.performer} ${step.kind}`,
      addressee: personOf(ctx, step.assigneeId), counterpart: head, controlAction: 'setujui',
      card: (token) => token.flowId === PENGAJUAN_FLOW_ID && token.args.stepId === step.id,
      advanced: async () => (await driver.db.approvalStep.findUniqueOrThrow({ where: { id: step.id } })).status === 'APPROVED',
    });
    reports.push(report);
    if (!report.controlOk) break;
  }
  return reports;
}

/** A number of officials: the unit head's "Tunjuk pegawai" / "Tolak" card. */
export async function walkPermintaan(ctx: ProbeContext): Promise<StepReport[]> {
  const { driver, instansi } = ctx;
  const head = instansi.people.kabidAptika;
  const messages = await askStatistik(ctx, head);
  const asked = await driver.pressLabel(head, 'Minta sejumlah pegawai, unit yang menunjuk', messages);
  if (asked.length === 0) throw new Error('no question after "Minta sejumlah pegawai"');
  await driver.say(head, '1');
  await writeItems(ctx, head);
  const request = await driver.db.permintaanPegawai.findFirstOrThrow({ where: { requesterId: head.pegawaiId } });
  const answerer = personOf(ctx, request.deciderId);
  return [await probeStep(ctx, {
    label: `permintaan ${request.performer} nominates`, addressee: answerer, counterpart: head, controlAction: 'tunjuk',
    card: (token) => token.flowId === PERMINTAAN_FLOW_ID && token.args.permintaanId === request.id,
    // The press opens the numbered list: the answerer's conversation waits for the numbers.
    advanced: async () => (await driver.db.conversation.findUnique({ where: { pegawaiId: answerer.pegawaiId } }))?.step === 'ASK_OFFICIALS',
  })];
}
