import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { pdfText } from '../helpers/pdfText';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const TASK = 'Menyusun kajian arsitektur SPBE Kota Uji untuk tahun 2027';

async function assignTask(profile: string) {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  const head = await org.link(NIP.kabidA);
  const official = await org.link(NIP.pfMadya);
  const penilai = await org.link(NIP.kadis);
  await bot.as(head).command('tugaskan');
  await bot.as(head).press(/^Analis Madya Uji/);
  await bot.as(head).say('Kajian');
  expect(bot.lastText(head)).toBe('Uraian tugas terlalu singkat. Tuliskan minimal 10 karakter.');
  await bot.as(head).say(TASK);
  await bot.as(head).say('dua dokumen');
  expect(bot.lastText(head)).toMatch(/^Tuliskan target sebagai angka lalu satuan/);
  await bot.as(head).say('2 dokumen');
  await bot.as(head).say('2025-01-01');
  expect(bot.lastText(head)).toMatch(/^Tanggal harus berformat TTTT-BB-HH, setelah hari ini/);
  await bot.as(head).say('2026-12-31');
  expect(bot.lastText(head)).toBe(`Terbitkan tugas individu untuk Analis Madya Uji?\nTugas: ${TASK}\nTarget: 2 dokumen\nBerlaku sampai: 31 Desember 2026`);
  await bot.as(head).press('Terbitkan');
  return { head, official, penilai };
}

async function letterOf(user: TestUser): Promise<string> {
  const letter = bot.inbox(user).find((m) => m.kind === 'document');
  return (await pdfText(Buffer.from(letter && letter.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join('\n');
}

describe('individual tasks (WF-1 without a team, R2)', () => {
  it('lets the unit head give an individual task with its letter; it starts when accepted, reporting to the profile’s recipients', async () => {
    const { head, official } = await assignTask('SMD');
    expect(bot.lastText(head)).toBe('Tugas individu nomor 1 untuk Analis Madya Uji diterbitkan. Surat dikirim; tugas berlaku setelah yang bersangkutan menerimanya.');
    const pdf = (await letterOf(official)).replace(/\s+/g, ' ');
    expect(pdf).toContain('SURAT TUGAS');
    expect(pdf).toContain(`Melaksanakan tugas secara individu pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika: ${TASK}, dengan target kinerja 2 dokumen`);
    // Samarinda: the head of the owner unit (Ps 13(1)) and the Penilai (Lamp. tanggung jawab e.3).
    expect(pdf).toMatch(/Melaporkan pelaksanaan tugas secara langsung kepada .*\(Kabid Aptika Uji\) dan .*\(Kepala Dinas Uji\)/);
    expect(bot.inbox(official).map(messageText)).toContainEqual(expect.stringMatching(/^Tugas individu nomor 1 dari Kabid Aptika Uji:\nMenyusun kajian/));
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ role: 'INDIVIDU', status: 'ISSUED', timId: null });

    await bot.as(official).press('Terima penugasan');
    expect(bot.lastText(official)).toBe('Tugas individu diterima. Laporan kemajuannya diisi dengan /lapor dan langsung sampai kepada Kabid Aptika Uji, Kepala Dinas Uji.');
    expect(bot.lastText(head)).toBe(`Analis Madya Uji menerima tugas individu nomor 1: ${TASK}.`);
    expect(await bot.db.penugasan.findFirstOrThrow({ include: { targets: true } })).toMatchObject({ status: 'ACTIVE', targets: [{ indikator: TASK, target: 2, satuan: 'dokumen' }] });
    expect(await bot.db.membership.count({ where: { pegawaiId: official.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-DATA' } } })).toBe(1);
  });

  it('follows the profile: in Magelang the Penilai gives the task, only to those they appraise', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('MGL'));
    const kabid = await org.link(NIP.kabidA);
    await bot.as(kabid).command('tugaskan');
    const offered = bot.inbox(kabid).at(-1)!;
    const names = offered.kind === 'choice' ? offered.rows.flat().map((b) => b.label) : [];
    expect(names).toEqual(['Pranata Muda Uji (Bidang Aplikasi Informatika)', 'Batal']);
  });

  it('is refused to someone who may not give tasks, and changes nothing', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const official = await org.link(NIP.pelaksana);
    expect((await bot.as(official).command('tugaskan')).status).toBe('refused');
    expect(await bot.db.penugasan.count()).toBe(0);
  });
});
