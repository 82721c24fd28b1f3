// Voluntary requests to a team of another Perangkat Daerah: the Admin Uji (a pelaksana of the
// Sekretariat Daerah, appraised by the Sekda) asks to join Tim Satu Data of the Dinas Kominfo.
import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { documentsOf } from '../helpers/involvement';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function start(profile: string) {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  const people = { applicant: await org.link(NIP.admin), sekda: await org.link(NIP.sekda), kadis: await org.link(NIP.kadis) };
  await volunteer(bot, people.applicant, /^Tim Satu Data/);
  return people;
}

const request = () => bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
const linkedOnly = (texts: string[]) => texts.filter((t) => !t.startsWith('Akun berhasil terhubung'));

describe('a voluntary request to another Perangkat Daerah', () => {
  it('Lamandau: goes first to the applicant\'s own superior only; refused there, the target never hears of it (AC-37)', async () => {
    const { applicant, sekda, kadis } = await start('LMD');
    expect(await request()).toMatchObject({ scope: 'LINTAS_PD', status: 'AWAITING_HOME_PRE_APPROVAL' });
    expect(bot.lastText(sekda)).toContain('Dasar: 002-LMD Ps 19(7)');
    expect(linkedOnly(bot.inbox(kadis).map(messageText))).toEqual([]);
    await bot.as(sekda).press('Tolak');
    await bot.as(sekda).say('Tugas kesekretariatan sedang padat sampai akhir tahun');
    const ended = await request();
    expect(ended.status).toBe('HOME_PRE_REJECTED');
    expect(ended.steps.map((s) => [s.performer, s.status])).toEqual([['HOME_PENILAI', 'REJECTED'], ['TARGET_KEPALA_PD', 'SKIPPED']]);
    expect(linkedOnly(bot.inbox(kadis).map(messageText))).toEqual([]);
    expect(bot.lastText(applicant)).toMatch(/^Pengajuan nomor 1 ditolak oleh Sekretaris Daerah Uji/);
  });

  it('Lamandau: once the own superior agrees, the target Kepala Perangkat Daerah decides', async () => {
    const { sekda, kadis } = await start('LMD');
    await bot.as(sekda).press('Setujui');
    expect((await request()).steps.map((s) => [s.performer, s.status])).toEqual([['HOME_PENILAI', 'APPROVED'], ['TARGET_KEPALA_PD', 'PENDING']]);
    expect(bot.lastText(kadis)).toMatch(/^Permohonan nomor 1: pengajuan sukarela/);
  });

  it('Magelang: the own Penilai acknowledges first, and the applicant\'s letter carries their Mengetahui block, for the target Kepala PD (AC-38)', async () => {
    const { sekda, kadis } = await start('MGL');
    const first = (await request()).steps[0]!;
    expect(first).toMatchObject({ performer: 'HOME_PENILAI', kind: 'ACKNOWLEDGE', status: 'PENDING', assigneeId: sekda.pegawaiId });
    expect(linkedOnly(bot.inbox(kadis).map(messageText))).toEqual([]);
    await bot.as(sekda).press('Mengetahui');
    const [letter] = await documentsOf(bot, kadis);
    const text = letter!.text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Mengetahui,.*Sekretaris Daerah Uji/);
    expect(text).toContain('Yth. Jabatan Kepala Dinas Uji (Kepala Dinas Uji)');
    expect((await request()).steps.find((s) => s.performer === 'TARGET_KEPALA_PD')).toMatchObject({ status: 'PENDING', assigneeId: kadis.pegawaiId });
  });
});
