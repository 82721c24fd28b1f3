import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { pdfText } from '../helpers/pdfText';
import { EKSPEKTASI, KOMPETENSI, MAKSUD } from '../helpers/involvement';
import { DAFTAR, organisationWithPyb, TARGET } from '../helpers/lintasInstansi';
import { NIP } from '../fixtures/smallOrganisation';

let h: SlackHarness;
afterEach(async () => { await h?.stop(); });

describe('Slack adapter: a penunjukan across governments (WF-3) through bolt', () => {
  it('goes to the PyB, who forwards it by letter; the admin shares the other government\'s answer as a Slack file, which reaches the requester as a link', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, organisationWithPyb('SMD'));
    const requester = h.user('U0KABIDB', 'kabid.statistik');
    const pyb = h.user('U0SEKDA', 'sekda');
    const admin = h.user('U0ADMIN', 'admin');
    for (const [user, nip] of [[requester, NIP.kabidB], [pyb, NIP.sekda], [admin, NIP.admin]] as const) await h.link(user, nip);

    await h.send(requester.slash('mintainstansi'));
    await h.press(requester, 'Tim Statistik Sektoral');
    await h.send(requester.say(TARGET));
    await h.send(requester.say('dua'));
    expect(h.lastText(requester)).toBe('Jumlah orang harus berupa angka 1 sampai 20.');
    await h.send(requester.say('2'));
    for (const answer of [MAKSUD, KOMPETENSI, EKSPEKTASI]) await h.send(requester.say(answer));
    await h.press(requester, 'Sampai akhir masa tim (31 Desember 2026)');
    await h.press(requester, 'Kirim');
    expect(h.lastText(requester)).toMatch(/^Permohonan lintas instansi nomor 1 telah dikirim kepada Pejabat yang Berwenang/);

    const { message: card } = h.findButton(pyb, 'Setujui dan teruskan');
    expect(card.text).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.a.iii angka 1-2');
    await h.press(pyb, 'Setujui dan teruskan');
    const outbound = h.fake.uploadedFiles(pyb.dmChannel).find((f) => f.filename.startsWith('permohonan-antar-instansi'))!;
    const letter = (await pdfText(outbound.content)).join(' ').replace(/\s+/g, ' ');
    expect(letter).toContain(`Pejabat yang Berwenang pada ${TARGET}`);
    expect(letter).toContain(`Ekspektasi/target kinerja: ${EKSPEKTASI}`);

    await h.send(admin.slash('catatsurat'));
    await h.press(admin, /^Nomor 1:/);
    await h.press(admin, 'Surat jawaban: pegawai tersedia, dengan daftarnya');
    await h.send(admin.sendFile({ id: 'F0JAWABAN', name: 'jawaban-kukar.pdf', mimetype: 'application/pdf' }));
    await h.send(admin.say(DAFTAR));
    await h.press(admin, 'Simpan');
    expect(await h.bot.db.peristiwaLintasInstansi.findFirstOrThrow({ where: { kind: 'JAWABAN_TERSEDIA' } })).toMatchObject({ platform: 'slack', fileId: 'F0JAWABAN' });
    // Slack shares the file itself as its permalink, never re-uploaded.
    const link = JSON.stringify(h.messages(requester).at(-1)!.blocks);
    expect(link).toMatch(/<https?:\/\/[^|]+F0JAWABAN[^|]*\|jawaban-kukar\.pdf>/);
    expect(h.messages(requester).map((m) => m.text)).toContainEqual(expect.stringContaining('1. Rudi Hartono, S.Kom., NIP 198701012010011001'));
    expect(h.fake.calls.filter((call) => call.error)).toEqual([]);
  });
});
