import { afterEach, describe, expect, it } from 'vitest';
import { messageText, type TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { recommendAsKetua, requestToJoinSatuData } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const KABID_BARU = '198909092014011010';
const texts = (user: TestUser) => bot.inbox(user).map(messageText);
const pendingStep = () => bot.db.approvalStep.findFirstOrThrow({ where: { status: 'PENDING' }, include: { assignee: true } });

/** Samarinda's organisation with a second Administrator; `head` heads the Bidang Aplikasi Informatika and appraises its officials. */
function aptikaHeadedBy(head: string) {
  const organisation = smallOrganisation('SMD');
  const old = organisation.pegawai.find((p) => p.nip === NIP.kabidA)!;
  organisation.pegawai.push({ ...old, nip: KABID_BARU, nama: 'Kabid Aptika Baru', email: 'kabid.baru@contoh.go.id', kodeUnit: 'SETDA', nipPenilai: NIP.sekda });
  organisation.unitOrganisasi.find((u) => u.kode === 'DISKOMINFO.APTIKA')!.nipPimpinan = head;
  for (const p of organisation.pegawai) if (p.nipPenilai === NIP.kabidA && p.nip !== KABID_BARU) p.nipPenilai = head;
  const other = head === NIP.kabidA ? KABID_BARU : NIP.kabidA;
  Object.assign(organisation.pegawai.find((p) => p.nip === head)!, { kodeUnit: 'DISKOMINFO.APTIKA', nipPenilai: NIP.kadis });
  Object.assign(organisation.pegawai.find((p) => p.nip === other)!, { kodeUnit: 'SETDA', nipPenilai: NIP.sekda });
  return organisation;
}

/** The new Kabid heads the Bidang Aplikasi Informatika; the former one still serves, elsewhere. */
const withNewKabidAptika = () => aptikaHeadedBy(KABID_BARU);

describe('an import that changes who holds a role moves the steps waiting for the old holder', () => {
  it('a new unit head gets the waiting card and decides; the applicant and the former head are told; the former head\'s button does nothing', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ketua } = started;
    await recommendAsKetua(bot, ketua);
    const oldButton = bot.findButton(targetHead, 'Setujui');
    expect((await pendingStep()).assignee.name).toBe('Kabid Aptika Uji');

    // Mutasi: the former Kabid moves to the Sekretariat Daerah, still in service.
    const organisation = withNewKabidAptika();
    const org = await loadOrganisation(bot, organisation);
    const newHead = await org.link(KABID_BARU);
    await bot.core.drainOutbox();

    const step = await pendingStep();
    expect(step).toMatchObject({ assigneeId: newHead.pegawaiId, pendingSince: bot.clock.now() });
    expect(texts(newHead)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1: pengajuan sukarela/));
    expect(texts(applicant)).toContain('Permohonan nomor 1 (Tim Satu Data) kini menunggu Kabid Aptika Baru sebagai Pimpinan Unit Organisasi yang dituju (sesuai data organisasi terbaru; sebelumnya Kabid Aptika Uji).');
    // The former head's card is replaced: its buttons are gone.
    expect(texts(targetHead)).toContain('Permohonan nomor 1 (Tim Satu Data) tidak lagi menunggu keputusan Bapak/Ibu: Pimpinan Unit Organisasi yang dituju kini Kabid Aptika Baru (sesuai data organisasi terbaru).');
    expect(() => bot.findButton(targetHead, 'Setujui')).toThrow(/no button/);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'persetujuan.dialihkan' } })).toMatchObject({ outcome: 'OK', subject: `penugasan:${step.penugasanId}` });

    // The applicant's letter (format 1) is the new head's to read too.
    const permohonan = await bot.db.surat.findFirstOrThrow({ where: { kind: 'PERMOHONAN_INDIVIDU' } });
    expect(JSON.parse(permohonan.recipients)).toContain(newHead.pegawaiId);
    expect((await bot.as(targetHead).pressToken(oldButton)).status).toBe('refused');
    await bot.as(newHead).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('FORWARDED_TO_HOME');

    // The same file again moves nothing and tells nobody.
    const before = await bot.db.outboxMessage.count();
    await loadOrganisation(bot, organisation);
    expect(await bot.db.outboxMessage.count()).toBe(before);
  });

  it('the applicant\'s Penilai who left the instansi: the step they would decide later goes to the Penilai the file now names', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ketua, ownPenilai } = started;

    // The Kabid Statistik is no longer listed; the Kepala Dinas appraises the Statistisi for now.
    const organisation = smallOrganisation('SMD');
    organisation.pegawai = organisation.pegawai.filter((p) => p.nip !== NIP.kabidB);
    for (const p of organisation.pegawai) if (p.nipPenilai === NIP.kabidB) p.nipPenilai = NIP.kadis;
    delete (organisation.unitOrganisasi.find((u) => u.kode === 'DISKOMINFO.STATISTIK') as { nipPimpinan?: string }).nipPimpinan;
    organisation.delegasi = [];
    const org = await loadOrganisation(bot, organisation);
    const kadis = await org.link(NIP.kadis);
    await bot.core.drainOutbox();

    // Not open yet: nobody is told; the step opens for the new Penilai in its turn.
    const lastStep = await bot.db.approvalStep.findFirstOrThrow({ where: { performer: 'HOME_PENILAI' } });
    expect(lastStep).toMatchObject({ status: 'WAITING', assigneeId: kadis.pegawaiId });
    expect(texts(applicant).some((t) => t.includes('kini menunggu'))).toBe(false);
    await recommendAsKetua(bot, ketua);
    await bot.as(targetHead).press('Setujui');
    expect((await pendingStep()).assigneeId).toBe(kadis.pegawaiId);
    expect(bot.lastText(kadis)).toMatch(/^Permohonan nomor 1: pengajuan sukarela/);
    // Nobody writes to an official who is gone.
    expect(texts(ownPenilai).filter((t) => /tidak lagi menunggu|^Permohonan nomor 1: pengajuan/.test(t))).toEqual([]);
    await bot.as(kadis).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('HOME_APPROVED');
  });

  it('a new ketua tim owes the recommendation the former ketua had not given yet (Samarinda formats 4b and 5)', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ketua } = started;
    const analis = await started.org.link(NIP.pfMadya);
    await bot.as(targetHead).command('tunjukketua');
    await bot.as(targetHead).press('Tim Satu Data');
    await bot.as(targetHead).press(/^Analis Madya Uji/);

    expect((await pendingStep()).assigneeId).toBe(analis.pegawaiId);
    expect(texts(ketua)).toContain('Permohonan nomor 1 (Tim Satu Data) tidak lagi menunggu keputusan Bapak/Ibu: Ketua tim yang dituju kini Analis Madya Uji (karena ketua tim berganti).');
    expect(() => bot.findButton(ketua, 'Rekomendasikan')).toThrow(/no button/);
    expect(texts(applicant)).toContain('Permohonan nomor 1 (Tim Satu Data) kini menunggu Analis Madya Uji sebagai Ketua tim yang dituju (karena ketua tim berganti; sebelumnya Pranata Muda Uji).');
    await recommendAsKetua(bot, analis);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED_TO_TARGET');
  });

  it('a step that moves back and forth between two heads over three imports ends with a working card for the last', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    await recommendAsKetua(bot, started.ketua);
    const org = await loadOrganisation(bot, withNewKabidAptika());
    const newHead = await org.link(KABID_BARU);
    await loadOrganisation(bot, aptikaHeadedBy(NIP.kabidA));
    expect((await pendingStep()).assigneeId).toBe(started.targetHead.pegawaiId);
    bot.clock.advance(60_000);
    await loadOrganisation(bot, withNewKabidAptika());
    await bot.core.drainOutbox();
    const step = await pendingStep();
    expect(step.assigneeId).toBe(newHead.pegawaiId);
    const stored = await bot.db.outboxMessage.count({ where: { id: { in: JSON.parse(step.messageIds ?? '[]') as string[] } } });
    expect(stored).toBe(1);
    await bot.as(newHead).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('FORWARDED_TO_HOME');
  });
});

