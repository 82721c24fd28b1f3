import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { recommendAsKetua, requestToJoinSatuData, volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { pdfText } from '../helpers/pdfText';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const texts = (user: TestUser) => bot.inbox(user).map(messageText);

describe('pengajuan sukarela (WF-4, WF-5)', () => {
  it('runs a Samarinda cross-unit request through the ketua tim\'s recommendation, the target head and the own Penilai, who rejects with a prescribed alternative', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ownPenilai, ketua } = started;
    expect(bot.lastText(applicant)).toBe('Pengajuan nomor 1 telah dikirim kepada Pranata Muda Uji (Ketua tim yang dituju). Bapak/Ibu akan diberi tahu setiap ada keputusan.');
    expect(bot.lastText(ketua)).toMatch(/Langkah: rekomendasi sebagai Ketua tim yang dituju\nDasar: 000-SMD Lamp\. BAB III format 4b dan 5/);
    // AC-32: the target head has nothing to decide before the ketua tim's recommendation.
    expect(() => bot.findButton(targetHead, 'Setujui')).toThrow(/no button/);
    await recommendAsKetua(bot, ketua);
    expect(bot.lastText(targetHead)).toMatch(/\nRekomendasi ketua tim \(Pranata Muda Uji\): direkomendasikan\nLangkah: persetujuan/);
    expect(texts(applicant)).toContainEqual(expect.stringMatching(/^Pengajuan nomor 1: DIREKOMENDASIKAN oleh ketua tim Pranata Muda Uji/));
    await bot.as(targetHead).press('Setujui');
    expect(texts(targetHead)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1[\s\S]*DISETUJUI oleh Kabid Aptika Uji pada /));
    expect(bot.lastText(applicant)).toMatch(/disetujui oleh Kabid Aptika Uji .*Langkah berikutnya: Pejabat Penilai Kinerja pemohon/);

    await bot.as(ownPenilai).press('Tolak');
    expect(bot.lastText(ownPenilai)).toContain('000-SMD Lamp. BAB II.B.10.b.ii langkah 3');
    // AC-34: a reason of one's own is not one of the two alternatives: nothing is decided.
    await bot.as(ownPenilai).say('Saya kira belum perlu');
    expect(bot.lastText(ownPenilai)).toBe('Permohonan nomor 1: alasannya dipilih dari yang ditetapkan (000-SMD Lamp. BAB II.B.10.b.ii langkah 3). Tekan tombol alasan pada pesan di atas, atau ketik /batal.');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('FORWARDED_TO_HOME');
    await bot.as(ownPenilai).press(/jumlah anggota tim sudah mencukupi/);

    const request = await bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
    expect(request.status).toBe('HOME_REJECTED');
    expect(request.steps.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'REJECTED']);
    expect(texts(applicant)).toContain('Pengajuan nomor 1 ditolak oleh Kabid Statistik Uji (Pejabat Penilai Kinerja pemohon). Alasan: Kualifikasi sesuai, tetapi jumlah anggota tim sudah mencukupi');
    // The target unit answered by letter; the home Penilai's refusal (T6) produces none.
    // Unnumbered (the applicant's own letter) first, then by number; the databases sort NULL differently.
    const letters = await bot.db.surat.findMany();
    expect(letters.sort((a, b) => (a.urutan ?? 0) - (b.urutan ?? 0)).map((l) => l.kind)).toEqual(['PERMOHONAN_INDIVIDU', 'REKOMENDASI', 'PERSETUJUAN']);
    expect(texts(ownPenilai)).toContainEqual(expect.stringMatching(/DITOLAK oleh Kabid Statistik Uji .*Alasan: Kualifikasi sesuai/));
  });

  it('refuses an alternative-reason button pressed by anyone but the approver who opened it, and audits it', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const applicant = await org.link(NIP.pelaksana);
    const head = await org.link(NIP.kabidB);
    await volunteer(bot, applicant, /^Tim Statistik Sektoral/);
    await bot.as(head).press('Tolak');
    const reasonButton = bot.findButton(head, /Kualifikasi tidak sesuai/);

    const result = await bot.as(applicant).pressToken(reasonButton);

    expect(result).toMatchObject({ status: 'refused', notice: 'Mohon maaf, tombol ini bukan untuk Bapak/Ibu. Percobaan ini telah dicatat.' });
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED');
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED' } })).toMatchObject({ actorId: applicant.pegawaiId, rule: 'C7', platform: 'fake' });
  });

  it('asks for a written reason where the profile allows free text, and keeps the half-written rejection across a restart', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('LMD'));
    const applicant = await org.link(NIP.pfPertama);
    const ownPenilai = await org.link(NIP.kabidB);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    await bot.as(ownPenilai).press('Tolak');
    expect(bot.lastText(ownPenilai)).toMatch(/^Tuliskan alasan penolakan permohonan nomor 1/);
    await bot.as(ownPenilai).say('tidak');
    expect(bot.lastText(ownPenilai)).toMatch(/^Alasan terlalu singkat/);

    bot = await bot.restart();
    await bot.as(ownPenilai).say('Beban kerja bidang sedang tinggi sampai akhir tahun');

    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('HOME_PRE_REJECTED');
    expect(texts(applicant)).toContainEqual(expect.stringContaining('Alasan: Beban kerja bidang sedang tinggi sampai akhir tahun'));
  });

  it('answers a second press on a decided request without deciding again', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('LMD'));
    const applicant = await org.link(NIP.pfPertama);
    const ownPenilai = await org.link(NIP.kabidB);
    const targetHead = await org.link(NIP.kabidA);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    const approve = bot.findButton(ownPenilai, 'Setujui');
    await bot.as(ownPenilai).pressToken(approve);
    await bot.as(ownPenilai).pressToken(approve);
    expect(bot.lastText(ownPenilai)).toBe('Langkah ini sudah diputuskan sebelumnya.');

    await bot.as(targetHead).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('TARGET_APPROVED');
    expect(texts(applicant)).toContainEqual(expect.stringMatching(/telah disetujui seluruhnya/));
    expect(await bot.db.auditLog.count({ where: { action: 'pengajuan.setujui' } })).toBe(2);
  });

  it('offers /ajukan only to pejabat fungsional and pelaksana, and /kinerjaanggota only to a ketua tim', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    const kadis = await org.link(NIP.kadis);
    await bot.as(ketua).command('bantuan');
    expect(bot.lastText(ketua)).toMatch(/\/ajukan: [\s\S]*\/kinerjaanggota: /);
    await bot.as(kadis).command('bantuan');
    expect(bot.lastText(kadis)).not.toMatch(/\/ajukan|\/kinerjaanggota/);
    const refused = await bot.as(kadis).command('ajukan');
    expect(refused.status).toBe('refused');
    // C1: a structural official is refused with the rule, and the refusal is audited.
    expect(bot.lastText(kadis)).toBe('Pengajuan sukarela hanya dapat dilakukan oleh Pejabat Fungsional dan Pelaksana (PermenPANRB 7/2022; aturan C1). Pejabat struktural tidak mengajukan diri ke tim kerja.');
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED', actorId: kadis.pegawaiId } })).toMatchObject({ rule: 'C1' });
  });
});

describe('Samarinda: the ketua tim recommends before the target head decides (formats 4b and 5)', () => {
  it('the Rekomendasi\'s Menimbang lists the planning documents the instansi configured for the team\'s Perangkat Daerah', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('SMD');
    const menimbangRekomendasi = ['Rencana Strategis {perangkatDaerah} Kota Uji Tahun 2025-2029', 'Peta Proses Bisnis {perangkatDaerah} Kota Uji'];
    const org = await loadOrganisation(bot, { ...organisation, instansi: { ...organisation.instansi, pengaturan: { menimbangRekomendasi } } } as typeof organisation);
    const applicant = await org.link(NIP.pfPertama);
    const ketua = await org.link(NIP.pfMuda);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    await recommendAsKetua(bot, ketua);
    const rekomendasi = bot.inbox(applicant).find((m) => m.kind === 'document' && m.fileName.startsWith('rekomendasi'));
    const letter = (await pdfText(Buffer.from(rekomendasi && rekomendasi.kind === 'document' ? rekomendasi.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(letter).toContain('Menimbang : a. Rencana Strategis Dinas Komunikasi dan Informatika Kota Uji Tahun 2025-2029; b. Peta Proses Bisnis Dinas Komunikasi dan Informatika Kota Uji; c. Surat permohonan pelibatan dalam Tim Kerja tanggal 23 November 2026 atas nama Statistisi Pertama Uji.');
  });

  it('records a recommendation against as advice, shows it to the head, and the refusal letter rests on it', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ketua } = started;
    // Only the ketua of that team recommends.
    expect((await bot.as(targetHead).press('Rekomendasikan', ketua)).status).toBe('refused');
    await recommendAsKetua(bot, ketua, /Kualifikasi tidak sesuai/);
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
    expect(request.status).toBe('SUBMITTED_TO_TARGET');
    expect(request.steps.map((s) => [s.performer, s.status, s.reason])).toEqual([
      ['TARGET_KETUA_TIM', 'ADVISED_AGAINST', 'Kualifikasi tidak sesuai dengan kebutuhan tim'], ['TARGET_PIMPINAN_UO', 'PENDING', null], ['HOME_PENILAI', 'WAITING', null],
    ]);
    const rekomendasi = bot.inbox(applicant).find((m) => m.kind === 'document' && m.fileName.startsWith('rekomendasi'));
    const letter = (await pdfText(Buffer.from(rekomendasi && rekomendasi.kind === 'document' ? rekomendasi.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(letter).toContain('REKOMENDASI PELIBATAN DALAM TIM KERJA');
    expect(letter).toContain('Tidak menyetujui pelibatan dalam Tim Kerja');
    expect(letter).toContain('KETUA TIM,');

    await bot.as(targetHead).press('Tolak');
    await bot.as(targetHead).press(/Kualifikasi tidak sesuai/);
    const refusal = bot.inbox(applicant).filter((m) => m.kind === 'document').at(-1);
    const refusalText = (await pdfText(Buffer.from(refusal && refusal.kind === 'document' ? refusal.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(refusalText).toContain('Setelah dilakukan verifikasi oleh Ketua Tim Kerja,');
    expect(refusalText).toContain('Atas rekomendasi dari Ketua Tim Kerja tersebut, kami tidak menyetujui');
    expect(await bot.db.auditLog.findFirst({ where: { action: 'pengajuan.rekomendasi' } })).toMatchObject({ outcome: 'OK', rule: expect.stringMatching(/^000-SMD Lamp\. BAB III format 4b/) });
  });

  it('sends a waiting request to an approver who links their chat account only after it arrived', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const applicant = await org.link(NIP.pfPertama);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    const ketua = await org.link(NIP.pfMuda);
    expect(texts(ketua).at(-2)).toMatch(/^Permohonan nomor 1: pengajuan sukarela\nPemohon: Statistisi Pertama Uji/);
    expect(bot.lastText(ketua)).toBe('Ada 1 permohonan yang menunggu keputusan Bapak/Ibu; pesannya dikirim ulang di atas.');
    await recommendAsKetua(bot, ketua);
    expect(texts(ketua)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1[\s\S]*DIREKOMENDASIKAN oleh ketua tim Pranata Muda Uji/));
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED_TO_TARGET');
    // Linking again (a new account) sends no copies of cards the first account already had.
    const again = await bot.link(ketua.pegawaiId, 'akun-baru-pranata');
    expect(bot.inbox(again).map(messageText).filter((t) => t.startsWith('Permohonan nomor'))).toEqual([]);
  });

  it('leaves the recommendation out for a team without a ketua ("dapat dipimpin oleh Ketua Tim")', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('SMD');
    organisation.timKerja[0]!.anggota = organisation.timKerja[0]!.anggota.filter((a) => a.peran !== 'KETUA');
    const org = await loadOrganisation(bot, organisation);
    const applicant = await org.link(NIP.pfPertama);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    expect(bot.lastText(applicant)).toMatch(/^Pengajuan nomor 1 telah dikirim kepada Kabid Aptika Uji \(Pimpinan Unit Organisasi yang dituju\)/);
    expect((await bot.db.approvalStep.findMany({ orderBy: { position: 'asc' } })).map((s) => s.performer)).toEqual(['TARGET_PIMPINAN_UO', 'HOME_PENILAI']);
  });
});

describe('pengajuan sukarela for an English-speaking approver', () => {
  it('renders the request card, the role names and the decision stamp in the approver’s language', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const applicant = await org.link(NIP.pfPertama);
    const targetHead = await org.link(NIP.kabidA);
    await bot.db.pegawai.update({ where: { id: targetHead.pegawaiId }, data: { locale: 'en' } });
    const ketua = await org.link(NIP.pfMuda);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    await recommendAsKetua(bot, ketua, /jumlah anggota/);
    expect(bot.lastText(targetHead)).toMatch(/^Request number 1: pengajuan sukarela \(voluntary request\)[\s\S]*\nRecommendation of the ketua tim \(Pranata Muda Uji\): NOT recommended, Kualifikasi sesuai, tetapi jumlah anggota tim sudah mencukupi\nStep: approval as Pimpinan Unit Organisasi of the receiving unit/);
    await bot.as(targetHead).press('Approve');
    // Against the ketua's recommendation: the approval letter does not claim the verification found the applicant suitable.
    const approval = await bot.db.surat.findFirstOrThrow({ where: { kind: 'PERSETUJUAN' } });
    expect(approval.document).not.toContain('verifikasi oleh Ketua Tim');
    expect(approval.document).not.toContain('Atas rekomendasi');
    expect(bot.inbox(targetHead).some((m) => m.kind === 'text' && /APPROVED by Kabid Aptika Uji on/.test(m.text))).toBe(true);
    expect(bot.lastText(applicant)).toMatch(/^Pengajuan nomor 1 disetujui oleh Kabid Aptika Uji \(Pimpinan Unit Organisasi yang dituju\)/);
  });
});
