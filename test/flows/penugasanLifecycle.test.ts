import { afterEach, describe, expect, it } from 'vitest';
import { messageText, type TestBot } from '../helpers/botHarness';
import { recommendAsKetua, requestToJoinSatuData } from '../helpers/volunteer';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function approvedRequest() {
  const started = await requestToJoinSatuData();
  bot = started.bot;
  const { applicant, targetHead, ownPenilai, ketua } = started;
  await recommendAsKetua(bot, ketua);
  await bot.as(targetHead).press('Setujui');
  await bot.as(ownPenilai).press('Setujui');
  return { applicant, targetHead, ownPenilai, ketua };
}

describe('penugasan lifecycle (issue 6 item 10)', () => {
  it('makes the membership active only when the applicant accepts, and tells the ketua and the owner unit head', async () => {
    const { applicant, targetHead, ketua } = await approvedRequest();
    const tim = await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-DATA' } });
    expect(await bot.db.membership.findFirst({ where: { timId: tim.id, pegawaiId: applicant.pegawaiId } })).toBeNull();
    expect((await bot.as(applicant).command('lapor')).status).toBe('refused');

    await bot.as(applicant).press('Terima penugasan');
    expect(bot.lastText(applicant)).toBe('Penugasan diterima. Bapak/Ibu kini anggota Tim Satu Data; laporan kemajuan dapat diisi dengan /lapor.');
    expect(await bot.db.membership.findFirstOrThrow({ where: { timId: tim.id, pegawaiId: applicant.pegawaiId } })).toMatchObject({ role: 'ANGGOTA', status: 'ACTIVE' });
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
    const news = /^Statistisi Pertama Uji \(Jabatan Statistisi Pertama Uji\) menerima penugasan nomor 1 dan kini anggota Tim Satu Data\.$/;
    expect(bot.inbox(ketua).map(messageText)).toContainEqual(expect.stringMatching(news));
    expect(bot.inbox(targetHead).map(messageText)).toContainEqual(expect.stringMatching(news));
    expect((await bot.as(applicant).command('lapor')).status).toBe('processed');

    await bot.as(applicant).command('batal');
    await bot.as(applicant).press('Ajukan keberatan');
    expect(bot.lastText(applicant)).toBe('Penugasan ini sudah dijawab sebelumnya.');
  });

  it('routes a keberatan to the official who decided last, and the assignment does not start', async () => {
    const { applicant, ownPenilai } = await approvedRequest();
    await bot.as(applicant).press('Ajukan keberatan');
    await bot.as(applicant).say('Jadwal dinas luar bertabrakan sampai akhir bulan');
    expect(bot.lastText(ownPenilai)).toBe('Keberatan atas penugasan nomor 1 (Tim Satu Data) dari Statistisi Pertama Uji: Jadwal dinas luar bertabrakan sampai akhir bulan');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('OBJECTED');
    expect(await bot.db.membership.count({ where: { pegawaiId: applicant.pegawaiId, role: 'ANGGOTA' } })).toBe(0);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'penugasan.keberatan' } })).toMatchObject({ outcome: 'OK', rule: 'S4' });
  });

  it('shows the applicant where a request stands and lets them withdraw it before the last decision', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { applicant, targetHead, ketua } = started;
    await bot.as(applicant).command('pengajuanku');
    expect(bot.lastText(applicant)).toBe('Pengajuan Bapak/Ibu:\n- Nomor 1, Tim Satu Data: menunggu Ketua tim yang dituju (Pranata Muda Uji) sejak 23 November 2026');
    await recommendAsKetua(bot, ketua);
    await bot.as(applicant).command('pengajuanku');
    expect(bot.lastText(applicant)).toBe('Pengajuan Bapak/Ibu:\n- Nomor 1, Tim Satu Data: menunggu Pimpinan Unit Organisasi yang dituju (Kabid Aptika Uji) sejak 23 November 2026');
    const approve = bot.findButton(targetHead, 'Setujui');
    await bot.as(applicant).press('Tarik pengajuan nomor 1');
    expect(bot.lastText(applicant)).toBe('Pengajuan nomor 1 ditarik. Pejabat yang sedang memutuskan sudah diberi tahu.');
    expect(bot.lastText(targetHead)).toBe('Pengajuan nomor 1 dari Statistisi Pertama Uji untuk Tim Satu Data ditarik oleh pemohon. Tidak perlu diputuskan lagi.');
    const card = bot.inbox(targetHead).find((m) => messageText(m).includes('DITARIK oleh pemohon'));
    expect(card?.kind).toBe('text'); // the request card lost its buttons
    await bot.as(targetHead).pressToken(approve);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('WITHDRAWN');
    expect((await bot.db.surat.findMany()).map((l) => l.kind).sort()).toEqual(['PERMOHONAN_INDIVIDU', 'REKOMENDASI']); // no decision letter
    await bot.as(applicant).command('pengajuanku');
    expect(bot.lastText(applicant)).toBe('Pengajuan Bapak/Ibu:\n- Nomor 1, Tim Satu Data: ditarik');
  });
});
