import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { pdfText } from '../helpers/pdfText';
import { EKSPEKTASI, KOMPETENSI, MAKSUD } from '../helpers/involvement';
import { DAFTAR, organisationWithPyb, TARGET } from '../helpers/lintasInstansi';
import { NIP } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const requester = tgUser(7001, 'KabidStatistik');
const pyb = tgUser(7002, 'Sekda');
const admin = tgUser(7003, 'Admin');
const ketua = tgUser(7004, 'KetuaStatistik');

const documentsTo = (chatId: number) => h.tg.calls.filter((c) => c.method === 'sendDocument' && String(c.params.chat_id) === String(chatId) && !c.error);
const say = (user: typeof requester, text: string) => h.send(h.tg.sendText(user, dm(user), text));

describe('Telegram adapter: a penunjukan across governments (WF-3) through the real telegraf bot', () => {
  it('goes to the PyB, who forwards it by letter; the other government\'s answer is uploaded as a document and reaches the requester', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, organisationWithPyb('SMD'));
    for (const [user, nip] of [[requester, NIP.kabidB], [pyb, NIP.sekda], [admin, NIP.admin], [ketua, NIP.pfPertama]] as const) await h.link(user, nip);

    await say(requester, '/mintainstansi');
    await h.press(requester, 'Tim Statistik Sektoral');
    await say(requester, TARGET);
    await say(requester, '2');
    for (const answer of [MAKSUD, KOMPETENSI, EKSPEKTASI, '2026-12-15']) await say(requester, answer);
    expect(h.lastText(requester)).toContain('Diputuskan pertama oleh: Pejabat yang Berwenang instansi ini');
    await h.press(requester, 'Kirim');

    // The head's letter reaches the PyB with the decision card; no letter is addressed outside yet.
    expect(documentsTo(pyb.id).map((c) => c.files.document!.name)).toEqual(['permohonan-lintas-instansi-0001-DISKOMINFO-2026.pdf']);
    await h.press(requester, 'Setujui dan teruskan', dm(pyb));
    expect(h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!.params.text).toMatch(/^Mohon maaf, langkah ini hanya dapat diputuskan oleh Pejabat yang Berwenang/);
    await h.press(pyb, 'Setujui dan teruskan');
    const outbound = documentsTo(pyb.id).at(-1)!.files.document!;
    expect(outbound.name).toBe('permohonan-antar-instansi-0002-SETDA-2026.pdf');
    const letter = (await pdfText(outbound.content)).join(' ').replace(/\s+/g, ' ');
    expect(letter).toContain(`Pejabat yang Berwenang pada ${TARGET}`);
    expect(letter).toContain('2 (dua) orang');
    expect(letter).toContain(`Maksud dan tujuan: ${MAKSUD}`);
    expect(letter).toMatch(/Durasi pelibatan: \d+ November 2026 s\.d\. 15 Desember 2026/);
    expect(letter).toContain('0001/DISKOMINFO/2026');

    // The answer came by post: the admin uploads it as a Telegram document, with the officials it names.
    await say(admin, '/catatsurat');
    await h.press(admin, /^Nomor 1:/);
    await h.press(admin, 'Surat jawaban: pegawai tersedia, dengan daftarnya');
    await h.send(h.tg.sendDocument(admin, dm(admin), { file_id: 'BQACAgUAAxkBAAIJawab', file_name: 'jawaban-kukar.pdf', mime_type: 'application/pdf' }, undefined, Buffer.from('%PDF-1.4 jawaban')));
    await say(admin, DAFTAR);
    await h.press(admin, 'Simpan');
    expect((await h.bot.db.pelibatanLintasInstansi.findFirstOrThrow()).status).toBe('ANSWER_RECEIVED_BY_OWN_PYB');
    const event = await h.bot.db.peristiwaLintasInstansi.findFirstOrThrow({ where: { kind: 'JAWABAN_TERSEDIA' } });
    expect(event).toMatchObject({ platform: 'telegram', fileId: 'BQACAgUAAxkBAAIJawab', fileName: 'jawaban-kukar.pdf' });
    // The requester gets the other government's letter itself, sent again by its Telegram file id.
    const forwarded = documentsTo(requester.id).at(-1)!;
    expect(forwarded.params.document).toBe('BQACAgUAAxkBAAIJawab');
    expect(forwarded.params.caption).toBe(`Surat dari ${TARGET} atas permohonan lintas instansi nomor 1`);
    expect(h.tg.messagesTo(requester.id).map((m) => m.text ?? '')).toContainEqual(expect.stringContaining('1. Rudi Hartono, S.Kom., NIP 198701012010011001'));

    await say(pyb, '/catatsurat');
    await h.press(pyb, /^Nomor 1:/);
    await h.press(pyb, 'Tembusan surat penugasan bagi pegawai yang ditugaskan');
    await h.send(h.tg.sendPhoto(pyb, dm(pyb), 'AgACAgUAAxkBAAIPenugasan'));
    await h.press(pyb, 'Simpan');
    expect((await h.bot.db.pelibatanLintasInstansi.findFirstOrThrow()).status).toBe('ASSIGNMENT_ISSUED');
    expect(h.lastText(ketua)).toMatch(/^Pegawai dari Pemerintah Kabupaten Kutai Kartanegara ditugaskan dalam Tim Statistik Sektoral \(permohonan lintas instansi nomor 1\):\n1\. Rudi Hartono/);
  });
});
