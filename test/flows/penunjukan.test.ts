import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { pdfText } from '../helpers/pdfText';
import { designatePelaksana } from '../helpers/designation';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function designate(profile: string) {
  const designated = await designatePelaksana(profile, async (started, head) => {
    await started.as(head).say('Singkat');
    expect(started.lastText(head)).toBe('Ekspektasi terlalu singkat. Mohon tuliskan minimal 10 karakter.');
  });
  bot = designated.bot;
  return designated;
}

describe('penunjukan within the unit (WF-1)', () => {
  it('lets the Samarinda unit head designate a pelaksana with a Surat Tugas; the membership starts when accepted', async () => {
    const { head, pelaksana, ketua } = await designate('SMD');
    expect(bot.lastText(head)).toMatch(/^Penunjukan nomor 1: Pelaksana Uji ditunjuk sebagai anggota Tim Statistik Sektoral\./);
    const inbox = bot.inbox(pelaksana);
    const letter = inbox.find((m) => m.kind === 'document');
    expect(letter && letter.kind === 'document' && letter.fileName).toBe('surat-tugas-0001-DISKOMINFO-2026.pdf');
    const pdf = (await pdfText(Buffer.from(letter && letter.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join('\n');
    expect(pdf).toContain('SURAT TUGAS');
    expect(pdf).toMatch(/Pelaksana Uji, NIP 199207072019031007/);
    expect(inbox.map(messageText)).toContainEqual(expect.stringMatching(/^Penunjukan nomor 1 dari Kabid Statistik Uji: .*\nEkspektasi: Menyusun 12 tabel statistik sektoral per triwulan\nDasar: 000-SMD Lamp\. BAB II\.B\.10\.a\.i; Ps 9\(5\), 9\(7\)/));
    const inStat = { pegawaiId: pelaksana.pegawaiId, tim: { code: 'TIM-STAT' } };
    expect(await bot.db.membership.count({ where: inStat })).toBe(0);
    await bot.as(pelaksana).press('Terima penugasan');
    expect(await bot.db.membership.findFirstOrThrow({ where: inStat })).toMatchObject({ role: 'ANGGOTA', status: 'ACTIVE' });
    expect(bot.inbox(ketua).map(messageText)).toContainEqual(expect.stringMatching(/^Pelaksana Uji \(Jabatan Pelaksana Uji\) menerima penugasan nomor 1/));
    expect(await bot.db.auditLog.findFirst({ where: { action: 'penunjukan.terbit' } })).toMatchObject({ rule: '000-SMD Lamp. BAB II.B.10.a.i; Ps 9(5), 9(7)' });
  });

  it('produces the profile\'s document (Tulang Bawang Barat: surat penugasan by the Penilai), and an objection returns to the issuer', async () => {
    const { head, pelaksana } = await designate('TBB');
    const letter = bot.inbox(pelaksana).find((m) => m.kind === 'document');
    const pdf = (await pdfText(Buffer.from(letter && letter.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join('\n');
    expect(pdf).toContain('SURAT PENUGASAN');
    await bot.as(pelaksana).press('Ajukan keberatan');
    await bot.as(pelaksana).say('Sedang menyelesaikan tugas lain sampai bulan depan');
    expect(bot.lastText(head)).toBe('Keberatan atas penugasan nomor 1 (Tim Statistik Sektoral) dari Pelaksana Uji: Sedang menyelesaikan tugas lain sampai bulan depan');
  });

  it('offers a Pengawas of the unit for designation only where the profile allows it (Karanganyar Ps 10(6)), never elsewhere (C1)', async () => {
    const withPengawas = (profile: string) => {
      const organisation = smallOrganisation(profile);
      const model = organisation.pegawai.find((p) => p.nip === NIP.pelaksana)!;
      organisation.pegawai.push({ ...model, nip: '198811112012121011', nama: 'Kasubbid Uji', jabatan: 'Kepala Subbidang Statistik', jenisJabatan: 'PENGAWAS', email: 'kasubbid@contoh.go.id' });
      return organisation;
    };
    const people = async (profile: string) => {
      bot = await TestBot.start();
      const org = await loadOrganisation(bot, withPengawas(profile));
      const head = await org.link(NIP.kabidB);
      await bot.as(head).command('tunjuk');
      await bot.as(head).press('Tim Statistik Sektoral');
      const last = bot.inbox(head).at(-1);
      return { org, head, names: last?.kind === 'choice' ? last.rows.flat().map((b) => b.label) : [] };
    };
    const smd = await people('SMD');
    expect(smd.names).toContain('Pelaksana Uji');
    expect(smd.names).not.toContain('Kasubbid Uji');
    await bot.stop();

    const { org, head, names } = await people('KRA');
    expect(names).toContain('Kasubbid Uji');
    await bot.as(head).press('Kasubbid Uji');
    await bot.as(head).say('Mengoordinasikan penyusunan 12 tabel statistik sektoral');
    await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
    await bot.as(head).press('Terbitkan');
    expect(bot.lastText(head)).toMatch(/^Penunjukan nomor 1: Kasubbid Uji ditunjuk sebagai anggota Tim Statistik Sektoral\./);
    // AC-11: designated, yes; volunteering, no (004-KRA Ps 10(6)(7)).
    const kasubbid = await org.link('198811112012121011');
    expect((await bot.as(kasubbid).command('ajukan')).status).toBe('refused');
    expect(bot.lastText(kasubbid)).toMatch(/^Pengajuan sukarela hanya dapat dilakukan oleh Pejabat Fungsional dan Pelaksana/);
  });

  it('an offer to a team the official has meanwhile joined otherwise is refused when accepted: one seat per team', async () => {
    const { pelaksana } = await designate('SMD');
    const organisation = smallOrganisation('SMD');
    organisation.timKerja[1]!.anggota.push({ nip: NIP.pelaksana, peran: 'ANGGOTA' });
    await loadOrganisation(bot, organisation);
    expect((await bot.as(pelaksana).press('Terima penugasan')).status).toBe('refused');
    expect(bot.lastText(pelaksana)).toBe('Bapak/Ibu sudah menjadi anggota Tim Statistik Sektoral (Bidang Statistik), sehingga penugasan nomor 1 tidak dapat diterima. Tekan "Ajukan keberatan" pada pesan penugasan itu untuk menjawabnya, dengan alasan.');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ISSUED');
    expect(await bot.db.membership.count({ where: { pegawaiId: pelaksana.pegawaiId, tim: { code: 'TIM-STAT' } } })).toBe(1);
  });

  it.each(['SMD', 'KRA', 'LMD'])('%s: a second assignment overlapping one the official already has is issued, and both stay active (AC-10)', async (profile) => {
    const { pelaksana } = await designate(profile);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ISSUED');
    await bot.as(pelaksana).press('Terima penugasan');
    const seats = await bot.db.membership.findMany({ where: { pegawaiId: pelaksana.pegawaiId, status: 'ACTIVE' }, include: { tim: true } });
    expect(seats.map((s) => s.tim.code).sort()).toEqual(['TIM-DATA', 'TIM-STAT']);
  });

  it('is not offered to an official who neither heads the unit nor appraises anyone, and is refused if tried', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const pelaksana = await org.link(NIP.pelaksana);
    expect((await bot.as(pelaksana).command('tunjuk')).status).toBe('refused');
    expect(await bot.db.penugasan.count()).toBe(0);
  });
});
