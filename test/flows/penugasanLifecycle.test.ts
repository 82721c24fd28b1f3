import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function approvedRequest() {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation('SMD'));
  const applicant = await org.link(NIP.pfPertama);
  const targetHead = await org.link(NIP.kabidA);
  const ownPenilai = await org.link(NIP.kabidB);
  const ketua = await org.link(NIP.pfMuda);
  await volunteer(bot, applicant, /^Tim Satu Data/);
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
    expect(bot.lastText(applicant)).toBe('Penugasan diterima. Bapak/Ibu kini anggota tim Tim Satu Data; laporan kemajuan dapat diisi dengan /lapor.');
    expect(await bot.db.membership.findFirstOrThrow({ where: { timId: tim.id, pegawaiId: applicant.pegawaiId } })).toMatchObject({ role: 'ANGGOTA', status: 'ACTIVE' });
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
    const news = /^Statistisi Pertama Uji \(Jabatan Statistisi Pertama Uji\) menerima penugasan nomor 1 dan kini anggota tim Tim Satu Data\.$/;
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
    expect(bot.lastText(ownPenilai)).toBe('Keberatan atas penugasan nomor 1 (tim Tim Satu Data) dari Statistisi Pertama Uji: Jadwal dinas luar bertabrakan sampai akhir bulan');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('OBJECTED');
    expect(await bot.db.membership.count({ where: { pegawaiId: applicant.pegawaiId, role: 'ANGGOTA' } })).toBe(0);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'penugasan.keberatan' } })).toMatchObject({ outcome: 'OK', rule: 'S4' });
  });
});
