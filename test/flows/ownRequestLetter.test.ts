import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { pdfText } from '../helpers/pdfText';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const lettersOfKind = async (kind: string) => bot.db.surat.findMany({ where: { kind } });

describe('the applicant\'s own request letter (format 1)', () => {
  it('Tulang Bawang Barat: is written once the Penilai acknowledged it, with their Mengetahui block, for the target head', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('TBB'));
    const applicant = await org.link(NIP.pfPertama);
    const penilai = await org.link(NIP.kabidB);
    const targetHead = await org.link(NIP.kabidA);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    expect(await lettersOfKind('PERMOHONAN_INDIVIDU')).toEqual([]);

    await bot.as(penilai).press('Mengetahui');
    const [letter] = await lettersOfKind('PERMOHONAN_INDIVIDU');
    expect(letter).toMatchObject({ nomor: '-', urutan: null });
    const received = bot.inbox(targetHead).find((m) => m.kind === 'document');
    expect(received && received.kind === 'document' && received.caption).toBe('Surat permohonan pelibatan dalam Tim Kerja (dari pemohon) (tanpa nomor agenda). Salinan dapat diunduh lagi (PDF atau DOCX) dengan /surat.');
    const text = (await pdfText(Buffer.from(received && received.kind === 'document' ? received.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Yth. Jabatan Kabid Aptika Uji (Kabid Aptika Uji)');
    expect(text).toContain('Berdasarkan Peraturan Bupati Tulang Bawang Barat Nomor 46 Tahun 2024');
    expect(text).toMatch(/Mengetahui,.*Kabid Statistik Uji/);
    expect(text).toMatch(/NIP\.? ?197803032003121003/);
    // An unnumbered letter takes no number from the agenda: the next numbered letter is still 0001.
    await bot.as(targetHead).press('Setujui');
    expect((await lettersOfKind('PERSETUJUAN'))[0]).toMatchObject({ nomor: '0001/DISKOMINFO/2026', urutan: 1 });
  });

  it('Samarinda: with the CV sent before Kirim, addressed to the target head with tembusan the own Penilai, own unit head and the Kepala Bagian Organisasi Setda (AC-31)', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('SMD');
    organisation.peran.push({ peran: 'KEPALA_BAGIAN_ORGANISASI', nip: NIP.admin });
    const org = await loadOrganisation(bot, organisation);
    const applicant = await org.link(NIP.pelaksana);
    const targetHead = await org.link(NIP.kabidA);
    const kabagOrganisasi = await org.link(NIP.admin);
    await bot.as(applicant).command('ajukan');
    await bot.as(applicant).press(/^Tim Statistik Sektoral/);
    // Within the unit the request is oral: no CV is asked for.
    await bot.as(applicant).say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun');
    expect(bot.lastText(applicant)).not.toContain('Lampiran');
    await bot.as(applicant).sendFile('BQACAgUAAxkBcv', 'cv.pdf', 'application/pdf');
    expect(bot.lastText(applicant)).toMatch(/^Berkas belum diperlukan/);
    await bot.as(applicant).command('batal');

    // The Analis Madya's Penilai (the Kepala Dinas) is not the head of their unit: three tembusan.
    const statistisi = await org.link(NIP.pfMadya);
    const ownHead = targetHead;
    const kabidStatistik = await org.link(NIP.kabidB);
    await bot.as(statistisi).command('ajukan');
    await bot.as(statistisi).press(/^Tim Statistik Sektoral/);
    await bot.as(statistisi).say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun');
    expect(bot.lastText(statistisi)).toContain('Lampiran (CV dan dokumen pendukung, format 1): -.');
    await bot.as(statistisi).sendFile('BQACAgUAAxkBcv', 'cv-statistisi.pdf', 'application/pdf');
    await bot.as(statistisi).sendFile('BQACAgUAAxkBsk', 'sertifikat.pdf', 'application/pdf');
    expect(bot.lastText(statistisi)).toContain('Lampiran (CV dan dokumen pendukung, format 1): cv-statistisi.pdf, sertifikat.pdf.');
    await bot.as(statistisi).press('Kirim');

    const received = bot.inbox(kabidStatistik);
    const letter = received.find((m) => m.kind === 'document');
    const text = (await pdfText(Buffer.from(letter && letter.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Lampiran : 2 (dua) berkas');
    expect(text).toContain('bersama ini saya lampirkan Curriculum Vitae (CV) dan dokumen pendukung lainnya');
    expect(text).toContain('Yth. Jabatan Kabid Statistik Uji (Kabid Statistik Uji)');
    expect(text).toMatch(/Tembusan : 1\. Jabatan Kepala Dinas Uji \(Kepala Dinas Uji\) 2\. Jabatan Kabid Aptika Uji \(Kabid Aptika Uji\) 3\. Jabatan Admin Uji \(Admin Uji\)/);
    expect(bot.inbox(ownHead).some((m) => m.kind === 'document')).toBe(true);
    // The files themselves go with it, by their file id; the Kepala Bagian Organisasi gets the letter.
    expect(received.filter((m) => m.kind === 'attachment').map((m) => m.kind === 'attachment' && m.fileId)).toEqual(['BQACAgUAAxkBcv', 'BQACAgUAAxkBsk']);
    expect(bot.inbox(kabagOrganisasi).filter((m) => m.kind === 'document').map((m) => m.kind === 'document' && m.fileName)).toEqual(['permohonan-individu-2026-11-23.pdf']);
  });

  it('Lamandau: goes to the target head only after the home approval ("atas persetujuan" of the own Penilai)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('LMD'));
    const applicant = await org.link(NIP.pfPertama);
    const penilai = await org.link(NIP.kabidB);
    const targetHead = await org.link(NIP.kabidA);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    expect(await lettersOfKind('PERMOHONAN_INDIVIDU')).toEqual([]);
    expect(bot.inbox(targetHead).filter((m) => m.kind === 'document')).toEqual([]);
    await bot.as(penilai).press('Setujui');
    expect(bot.inbox(targetHead).filter((m) => m.kind === 'document').map((m) => m.kind === 'document' && m.fileName)).toEqual(['permohonan-individu-2026-11-23.pdf']);
  });

  it('is not written for a request within the unit, which the regulations treat as oral (item 15)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const applicant = await org.link(NIP.pelaksana);
    const head = await org.link(NIP.kabidB);
    await volunteer(bot, applicant, /^Tim Statistik Sektoral/);
    await bot.as(head).press('Setujui');
    expect((await bot.db.surat.findMany()).map((s) => s.kind)).toEqual(['SURAT_TUGAS']);
  });
});
