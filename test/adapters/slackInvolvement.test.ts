import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { pdfText } from '../helpers/pdfText';
import { EKSPEKTASI, KOMPETENSI, MAKSUD } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: SlackHarness;
afterEach(async () => { await h?.stop(); });

describe('Slack adapter: a cross-unit penunjukan (WF-2) through bolt', () => {
  it('runs the Samarinda chain with the unit head\'s recommendation and ends with the surat penugasan uploaded as a PDF whose text is right', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const requester = h.user('U0KABIDB', 'kabid.statistik');
    const kadis = h.user('U0KADIS', 'kadis');
    const kabidAptika = h.user('U0KABIDA', 'kabid.aptika');
    const official = h.user('U0ANALIS', 'analis');
    for (const [user, nip] of [[requester, NIP.kabidB], [kadis, NIP.kadis], [kabidAptika, NIP.kabidA], [official, NIP.pfMadya]] as const) await h.link(user, nip);

    await h.send(requester.slash('mintapegawai'));
    await h.press(requester, 'Tim Statistik Sektoral');
    await h.send(requester.say('aplikasi'));
    await h.press(requester, /^Bidang Aplikasi Informatika/);
    await h.press(requester, /^Analis Madya Uji/);
    await h.send(requester.say(MAKSUD));
    await h.send(requester.say(KOMPETENSI));
    await h.send(requester.say('pendek'));
    expect(h.lastText(requester)).toMatch(/^Jawaban terlalu singkat\. Isian ini wajib/);
    await h.send(requester.say(EKSPEKTASI));
    await h.press(requester, 'Sampai akhir masa tim (31 Desember 2026)');
    await h.press(requester, 'Kirim');
    expect(h.lastText(requester)).toMatch(/^Permohonan nomor 1 untuk melibatkan Analis Madya Uji telah dikirim kepada Kepala Dinas Uji/);

    // Analis Madya's Penilai is the Kepala Dinas, not the head of the Bidang: approve, recommend, then issue.
    const { message: card } = h.findButton(kadis, 'Setujui');
    expect(card.text).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.a.ii angka 1-2');
    await h.press(kadis, 'Setujui');
    const updated = h.fake.messagesIn(kadis.dmChannel).find((m) => m.ts === card.ts)!;
    expect(updated.text).toMatch(/DISETUJUI oleh Kepala Dinas Uji/);
    expect(updated.blocks!.some((b) => b.type === 'actions')).toBe(false);
    expect(h.findButton(kabidAptika, 'Setujui').message.text).toContain('Langkah: rekomendasi sebagai Pimpinan Unit Organisasi pegawai yang diminta');
    await h.press(kabidAptika, 'Setujui');
    await h.press(kadis, 'Terbitkan surat penugasan');

    const files = h.fake.uploadedFiles(official.dmChannel);
    expect(files.map((f) => f.filename)).toEqual(['surat-penugasan-0002-DISKOMINFO-2026.pdf']);
    const text = (await pdfText(files[0]!.content)).join('\n');
    expect(text).toContain('SURAT PENUGASAN');
    expect(text).toMatch(/Analis Madya Uji, NIP 198004042005012004/);
    expect(text).toMatch(/NIP\.? ?197001012000031001/); // the Penilai dituju signs
    expect(text.replace(/\s+/g, ' ')).toContain('Tembusan : 1. Jabatan Kabid Aptika Uji (Kabid Aptika Uji)');
    const requestLetter = h.fake.uploadedFiles(kadis.dmChannel).find((f) => f.filename.startsWith('permohonan-pelibatan'))!;
    expect((await pdfText(requestLetter.content)).join(' ').replace(/\s+/g, ' ')).toContain(`Ekspektasi/target kinerja: ${EKSPEKTASI}`);

    await h.press(official, 'Terima penugasan');
    expect((await h.bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
  });

  it('asks a unit for two officials: its head refuses with a typed reason, the card loses its buttons and the requester gets the written answer', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const requester = h.user('U0KABIDB', 'kabid.statistik');
    const kabidAptika = h.user('U0KABIDA', 'kabid.aptika');
    for (const [user, nip] of [[requester, NIP.kabidB], [kabidAptika, NIP.kabidA]] as const) await h.link(user, nip);

    await h.send(requester.slash('mintapegawai'));
    await h.press(requester, 'Tim Statistik Sektoral');
    await h.send(requester.say('aplikasi'));
    await h.press(requester, /^Bidang Aplikasi Informatika/);
    await h.press(requester, 'Minta sejumlah pegawai, unit yang menunjuk');
    await h.send(requester.say('2'));
    for (const item of [MAKSUD, KOMPETENSI, EKSPEKTASI]) await h.send(requester.say(item));
    await h.press(requester, 'Sampai akhir masa tim (31 Desember 2026)');
    await h.press(requester, 'Kirim');
    expect(h.lastText(requester)).toMatch(/^Permintaan pegawai nomor 1 \(2 orang\) telah dikirim kepada Kabid Aptika Uji/);

    const { message: card } = h.findButton(kabidAptika, 'Tolak');
    expect(card.text).toContain('Diminta: 2 orang pejabat fungsional atau pelaksana Bidang Aplikasi Informatika');
    await h.press(kabidAptika, 'Tolak');
    await h.send(kabidAptika.say('Seluruh pegawai sedang menyelesaikan migrasi pusat data'));
    const updated = h.fake.messagesIn(kabidAptika.dmChannel).find((m) => m.ts === card.ts)!;
    expect(updated.text).toMatch(/DITOLAK oleh Kabid Aptika Uji/);
    expect(updated.blocks!.some((b) => b.type === 'actions')).toBe(false);
    const answer = h.fake.uploadedFiles(requester.dmChannel).find((f) => f.filename.startsWith('jawaban-pelibatan'))!;
    const text = (await pdfText(answer.content)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('tidak dapat menyetujui pelibatan 2 (dua) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika');
    expect(text).toContain('Alasan: Seluruh pegawai sedang menyelesaikan migrasi pusat data');
  });
});
