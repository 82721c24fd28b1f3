// Issue 6 item 10: a team assignment ends by itself at the end of its period (S8), and only its
// issuer may cancel it while it is active, with a reason (S3); the ketua and the owner unit's head
// are told of either change (S12).
import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { tickAt } from '../scheduler/schedulerHarness';
import { designatePelaksana } from '../helpers/designation';
import { pdfText } from '../helpers/pdfText';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

/** Kabid Statistik (also the owner unit's head) designates Pelaksana Uji into Tim Statistik Sektoral, who accepts. */
async function activeAssignment() {
  const designated = await designatePelaksana('SMD');
  bot = designated.bot;
  await bot.as(designated.pelaksana).press('Terima penugasan');
  return designated;
}

const texts = (user: TestUser, fragment: string) => bot.inbox(user).map(messageText).filter((m) => m.includes(fragment));
const membership = (pelaksana: TestUser) => bot.db.membership.findFirstOrThrow({ where: { pegawaiId: pelaksana.pegawaiId, tim: { code: 'TIM-STAT' } } });

describe('the lifecycle of a team assignment', () => {
  it('ends the assignment and its membership a day after the period, telling the official, the ketua and the issuer once (S8, S12)', async () => {
    const { head, pelaksana, ketua } = await activeAssignment();
    await tickAt(bot, '2026-12-31T12:00:00Z'); // the team's last day (WITA): still running
    expect((await membership(pelaksana)).status).toBe('ACTIVE');
    await tickAt(bot, '2027-01-01T16:00:30Z');
    await tickAt(bot, '2027-01-01T16:01:30Z');

    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ status: 'ENDED' });
    expect((await membership(pelaksana)).status).toBe('ENDED');
    expect(texts(pelaksana, 'berakhir pada')).toEqual([
      'Penugasan nomor 1 di Tim Statistik Sektoral berakhir pada 31 Desember 2026 sesuai masa penugasannya. Keanggotaan Anda di tim itu kini selesai; laporan kemajuan berikutnya tidak diperlukan. Terima kasih atas kontribusinya.',
    ]);
    const notice = 'Penugasan nomor 1: Pelaksana Uji selesai sebagai anggota Tim Statistik Sektoral pada 31 Desember 2026, akhir masa penugasannya.';
    expect(texts(ketua, 'akhir masa penugasannya')).toEqual([notice]);
    expect(texts(head, 'akhir masa penugasannya')).toEqual([notice]);
  });

  it('runs a designation for the period the issuer gives, within the team\'s, shown in the letter, and ends it then (C2)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidB);
    const pelaksana = await org.link(NIP.pelaksana);
    await bot.as(head).command('tunjuk');
    await bot.as(head).press('Tim Statistik Sektoral');
    await bot.as(head).press('Pelaksana Uji');
    await bot.as(head).say('Menyusun 12 tabel statistik sektoral per triwulan');
    expect(bot.lastText(head)).toBe('Sampai tanggal berapa penugasan di Tim Statistik Sektoral berlaku? Tuliskan hari terakhirnya (TTTT-BB-HH), paling lambat 31 Desember 2026, atau pilih di bawah.');
    for (const wrong of ['2027-01-15', '2026-11-23', '15 Desember']) {
      await bot.as(head).say(wrong);
      expect(bot.lastText(head)).toBe('Tanggal harus berformat TTTT-BB-HH, setelah hari ini, dan paling lambat 31 Desember 2026 (akhir masa tim).');
    }
    await bot.as(head).say('2026-12-15');
    expect(bot.lastText(head)).toMatch(/^Tunjuk Pelaksana Uji sebagai anggota Tim Statistik Sektoral sampai 15 Desember 2026\?/);
    await bot.as(head).press('Terbitkan');
    expect(bot.inbox(pelaksana).map(messageText)).toContainEqual(expect.stringMatching(/ditunjuk sebagai anggota Tim Statistik Sektoral sampai 15 Desember 2026\./));
    const letter = bot.inbox(pelaksana).find((m) => m.kind === 'document');
    const pdf = (await pdfText(Buffer.from(letter?.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join(' ');
    expect(pdf).toContain('23 November 2026 s.d. 15 Desember 2026');
    await bot.as(pelaksana).press('Terima penugasan');
    expect((await membership(pelaksana)).endsOn).toEqual(new Date('2026-12-14T16:00:00Z')); // 15 Desember, 00:00 WITA

    await tickAt(bot, '2026-12-16T12:00:00Z'); // the day after the last day: reports may still come in
    expect((await membership(pelaksana)).status).toBe('ACTIVE');
    await tickAt(bot, '2026-12-16T16:00:30Z');
    expect((await membership(pelaksana)).status).toBe('ENDED');
    expect(texts(pelaksana, 'berakhir pada')).toEqual([expect.stringMatching(/^Penugasan nomor 1 di Tim Statistik Sektoral berakhir pada 15 Desember 2026 /)]);
  });

  it('lets the issuer cancel an active assignment with a reason: the membership ends, and the official, the ketua and the audit trail have the reason (S3)', async () => {
    const { head, pelaksana, ketua } = await activeAssignment();
    await bot.as(head).command('batalkantugas');
    expect(bot.lastText(head)).toBe('Penugasan aktif yang Bapak/Ibu terbitkan. Pilih yang akan dibatalkan:');
    await bot.as(head).press('Nomor 1: Pelaksana Uji');
    expect(bot.lastText(head)).toMatch(/^Penugasan nomor 1 \(Pelaksana Uji, Tim Statistik Sektoral\)\. Tuliskan alasan pembatalan/);
    await bot.as(head).say('Pindah');
    expect(bot.lastText(head)).toBe('Alasan terlalu singkat. Mohon tuliskan minimal 10 karakter.');
    await bot.as(head).say('Pelaksana Uji dimutasi ke Bagian Umum mulai Desember');
    expect(bot.lastText(head)).toBe('Batalkan penugasan nomor 1 untuk Pelaksana Uji?\nAlasan: Pelaksana Uji dimutasi ke Bagian Umum mulai Desember\nKeanggotaannya berakhir hari ini.');
    await bot.as(head).press('Batalkan penugasan');

    expect(bot.lastText(head)).toMatch(/^Penugasan nomor 1 untuk Pelaksana Uji dibatalkan dan tercatat\./);
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ status: 'CANCELLED' });
    expect((await membership(pelaksana)).status).toBe('ENDED');
    expect(bot.lastText(pelaksana)).toBe('Penugasan nomor 1 (Tim Statistik Sektoral) dibatalkan oleh Kabid Statistik Uji.\nAlasan: Pelaksana Uji dimutasi ke Bagian Umum mulai Desember\nLaporan kemajuan berikutnya untuk penugasan ini tidak diperlukan.');
    expect(bot.lastText(ketua)).toBe('Penugasan nomor 1 untuk Pelaksana Uji (Tim Statistik Sektoral) dibatalkan oleh Kabid Statistik Uji.\nAlasan: Pelaksana Uji dimutasi ke Bagian Umum mulai Desember');
    expect(await bot.db.auditLog.findFirst({ where: { action: 'penugasan.batal' } })).toMatchObject({
      actorId: head.pegawaiId, outcome: 'OK', rule: 'S3', details: JSON.stringify({ alasan: 'Pelaksana Uji dimutasi ke Bagian Umum mulai Desember' }),
    });
    // Nothing is left to end at the period's end.
    await tickAt(bot, '2027-01-01T16:00:30Z');
    expect(texts(pelaksana, 'berakhir pada')).toEqual([]);
  });

  it('refuses cancelling to anyone but the issuer, and changes nothing', async () => {
    const { pelaksana, ketua } = await activeAssignment();
    for (const user of [ketua, pelaksana]) {
      expect((await bot.as(user).command('batalkantugas')).status).toBe('refused');
    }
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ status: 'ACTIVE' });
    expect((await membership(pelaksana)).status).toBe('ACTIVE');
    expect(await bot.db.auditLog.count({ where: { action: { contains: 'batalkantugas' }, outcome: 'REFUSED' } })).toBe(2);
  });
});
