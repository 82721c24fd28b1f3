// The profile's other decisions that wait for one person's button, each brought there through the
// real bot: the designee's acceptance of a penunjukan (WF-1 has no approval step of its own), the
// review chain of a result (WF-9), credit-point requests (WF-12) and resignations (WF-10).
import { PENGAJUAN_FLOW_ID } from '../../src/core/domain/pengajuan/notifyStep';
import { EVALUATION_FLOW_ID } from '../../src/core/domain/evaluasi/evaluation';
import { CREDIT_FLOW_ID } from '../../src/core/domain/angkaKredit/creditActivities';
import { RESIGNATION_FLOW_ID } from '../../src/core/domain/tim/resignation';
import type { PolicyProfile } from '../../src/core/policy/policyProfile';
import { probeStep, type ProbeContext, type StepReport } from './approvalProbe';
import { TEAMS, type Person } from './wrongPeopleOrganisation';

function personOf(ctx: ProbeContext, pegawaiId: string): Person {
  const person = Object.values(ctx.instansi.people).find((p) => p.pegawaiId === pegawaiId);
  if (!person) throw new Error(`pegawai ${pegawaiId} is not in the cast`);
  return person;
}

/** WF-1: the profile's issuer (the Kabid, as head or as Penilai) designates; the designee's answer is probed. */
export async function walkPenunjukan(ctx: ProbeContext, profile: PolicyProfile): Promise<StepReport[]> {
  const { driver } = ctx;
  const { kabidStatistik: issuer, pelaksanaStatistik: designee } = ctx.instansi.people;
  let messages = await driver.say(issuer, '/tunjuk');
  messages = await driver.pressLabel(issuer, TEAMS.DALAM_UO, messages);
  messages = await driver.pressLabel(issuer, designee.name, messages);
  messages = await driver.say(issuer, 'Menyusun tabel statistik sektoral bulanan.');
  messages = await driver.pressLabel(issuer, /^Sampai akhir masa tim/, messages);
  await driver.pressLabel(issuer, 'Terbitkan', messages);
  const request = await driver.db.penugasan.findFirstOrThrow({ where: { pegawaiId: designee.pegawaiId, mode: 'PENUNJUKAN' }, include: { steps: true } });
  const report = await probeStep(ctx, {
    label: `penunjukan (${profile.penunjukan.DALAM_UO.issuer}) acceptance (C4)`, addressee: designee, counterpart: issuer, controlAction: 'terimaPenugasan',
    card: (token) => token.flowId === PENGAJUAN_FLOW_ID && token.args.penugasanId === request.id,
    advanced: async () => (await driver.db.penugasan.findUniqueOrThrow({ where: { id: request.id } })).status === 'ACTIVE',
  });
  if (request.steps.length > 0) report.problems.push(`${profile.id} penunjukan has ${request.steps.length} approval steps this case does not probe`);
  return [report];
}

/** WF-9: the ketua submits a result with /hasil; each reviewer of the profile's chain is probed in turn. */
export async function walkEvaluasi(ctx: ProbeContext): Promise<StepReport[]> {
  const { driver } = ctx;
  const ketua = ctx.instansi.people.ketuaAptika;
  await driver.say(ketua, '/hasil');
  await driver.say(ketua, 'Aplikasi layanan perizinan selesai diuji dan dipasang di server.');
  const evaluasi = await driver.db.evaluasi.findFirstOrThrow({ where: { submitterId: ketua.pegawaiId } });
  const chain = JSON.parse(evaluasi.chain) as string[];
  const reports: StepReport[] = [];
  for (const [position, reviewerId] of chain.entries()) {
    const last = position === chain.length - 1;
    const report = await probeStep(ctx, {
      label: `evaluasi ${position + 1}/${chain.length} ${last ? 'terima' : 'teruskan'}`, addressee: personOf(ctx, reviewerId), counterpart: ketua,
      controlAction: last ? 'terima' : 'teruskan',
      card: (token) => token.flowId === EVALUATION_FLOW_ID && token.args.evaluasiId === evaluasi.id,
      advanced: async () => {
        const now = await driver.db.evaluasi.findUniqueOrThrow({ where: { id: evaluasi.id } });
        return last ? now.status === 'ACCEPTED' : now.position === position + 1;
      },
    });
    reports.push(report);
    if (!report.controlOk) break;
  }
  return reports;
}

/** WF-12 (where the profile enables it): a PF asks with /angkakredit; the Kepala UO's card is probed. */
export async function walkAngkaKredit(ctx: ProbeContext): Promise<StepReport[]> {
  const { driver } = ctx;
  const applicant = ctx.instansi.people.applicant;
  await driver.say(applicant, '/angkakredit');
  await driver.say(applicant, 'Menyusun publikasi ilmiah statistik sektoral, perkiraan dua bulan.');
  const request = await driver.db.permohonanAngkaKredit.findFirstOrThrow({ where: { pegawaiId: applicant.pegawaiId } });
  return [await probeStep(ctx, {
    label: 'angkaKredit decision', addressee: personOf(ctx, request.deciderId), counterpart: applicant, controlAction: 'setujui',
    card: (token) => token.flowId === CREDIT_FLOW_ID && token.args.id === request.id,
    advanced: async () => (await driver.db.permohonanAngkaKredit.findUniqueOrThrow({ where: { id: request.id } })).status === 'APPROVED',
  })];
}

/** WF-10 (where the profile enables it): an anggota resigns with /mundur; the ketua's and the Penilai's cards are probed. */
export async function walkPengunduranDiri(ctx: ProbeContext): Promise<StepReport[]> {
  const { driver, instansi } = ctx;
  const member = instansi.people.anggotaAptika;
  let messages = await driver.say(member, '/mundur');
  messages = await driver.pressLabel(member, TEAMS.LINTAS_UO, messages);
  messages = await driver.pressLabel(member, 'Mutasi', messages);
  await driver.pressLabel(member, 'Ya, saya menyatakan', messages);
  const load = () => driver.db.pengunduranDiri.findFirstOrThrow({ where: { pegawaiId: member.pegawaiId } });
  const steps = [{ label: 'pengunduranDiri ketua forwards', action: 'teruskan', done: 'FORWARDED_TO_PENILAI' }, { label: 'pengunduranDiri Penilai decides', action: 'terima', done: 'ACCEPTED' }];
  const reports: StepReport[] = [];
  for (const step of steps) {
    const request = await load();
    const report = await probeStep(ctx, {
      label: step.label, addressee: personOf(ctx, request.holderId), counterpart: member, controlAction: step.action,
      card: (token) => token.flowId === RESIGNATION_FLOW_ID && token.args.id === request.id,
      advanced: async () => (await load()).status === step.done,
    });
    reports.push(report);
    if (!report.controlOk) break;
  }
  return reports;
}
