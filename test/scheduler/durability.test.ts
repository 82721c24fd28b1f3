import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { loadDemoOrganisation } from '../../src/admin/loadDemoOrganisation';
import { remindersOf, tickAt } from './schedulerHarness';

const run = promisify(execFile);
let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const reminderRows = () => bot.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'pengingat-laporan:' } } });

describe('scheduler: durable and exactly once', () => {
  it('after a six-hour outage sends one reminder per person, not one per missed minute, and the missed digest marked late', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    const ketua = await org.link(NIP.pfMuda);
    expect((await tickAt(bot, '2026-11-26T06:00:00Z')).laporan).toBe(0);
    // Down from 06:00 to 12:00 UTC: the 07:00 rung (Thursday 15:00 WITA) was missed. At 20:00
    // WITA it is not sent (quiet hours); the next working morning it goes out once.
    expect((await tickAt(bot, '2026-11-26T12:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-11-27T00:00:00Z')).laporan).toBe(2);
    for (let minute = 1; minute <= 10; minute++) await tickAt(bot, `2026-11-27T00:${String(minute).padStart(2, '0')}:00Z`);
    expect(remindersOf(bot, madya)).toHaveLength(1);

    // The Friday 16:00 WITA digest (08:00Z), missed until 14:00Z.
    expect((await tickAt(bot, '2026-11-27T14:00:00Z')).ringkasan).toBeGreaterThan(0);
    const digest = bot.inbox(ketua).find((m) => (m.kind === 'text' || m.kind === 'choice') && m.text.startsWith('Ringkasan mingguan Tim Satu Data'));
    expect(digest && 'text' in digest ? digest.text.split('\n')[0] : '').toBe(
      'Ringkasan mingguan Tim Satu Data, periode 23 November 2026 s.d. 29 November 2026 (terlambat dikirim karena bot sempat tidak berjalan)',
    );
    expect((await tickAt(bot, '2026-11-27T14:01:00Z')).ringkasan).toBe(0);
  });

  it('resumes a fan-out that crashed half-way without sending anyone a second reminder', async () => {
    bot = await TestBot.start();
    await loadOrganisation(bot, smallOrganisation('SMD'));
    const crash = { afterEach: (sent: number) => { if (sent === 1) throw new Error('process killed'); } };
    await tickAt(bot, '2026-11-26T07:00:00Z', crash);
    expect(await reminderRows()).toHaveLength(1);
    expect(bot.logger.records.some((e) => e.msg === 'scheduler job failed')).toBe(true);
    await tickAt(bot, '2026-11-26T07:01:00Z');
    await tickAt(bot, '2026-11-26T07:02:00Z');
    const rows = await reminderRows();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.pegawaiId)).size).toBe(2);
  });

  it('lets three scheduler processes tick on one database and still sends each reminder once', async () => {
    bot = await TestBot.start();
    const report = await loadDemoOrganisation(bot.db, new Date('2026-11-23T00:00:00Z'));
    expect(report.ok).toBe(true);
    const script = path.join(import.meta.dirname, 'tickProcess.ts');
    const at = '2026-11-27T07:50:00Z'; // Friday 15:50 WITA, in office hours: a rung of every team has passed
    const tickInProcess = () => run(process.execPath, ['--import', 'tsx', script, bot.file, at], { cwd: process.cwd() });
    // Two rounds, as two minutes of ticks: whatever gave way under contention in the first goes in the second.
    const counts: number[] = [];
    for (let round = 0; round < 2; round++) {
      const outputs = await Promise.all([tickInProcess(), tickInProcess(), tickInProcess()]);
      counts.push(...outputs.map((o) => (JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { laporan: number }).laporan));
    }
    const rows = await reminderRows();
    const anggota = await bot.db.membership.findMany({ where: { role: 'ANGGOTA', status: 'ACTIVE' }, distinct: ['pegawaiId'] });
    expect(anggota.length).toBeGreaterThan(10);
    // Everyone pending got exactly one reminder, and each was written by one process only.
    expect(rows.map((r) => r.pegawaiId).sort()).toEqual(anggota.map((m) => m.pegawaiId).sort());
    // A process whose job gave way to the other under contention reports fewer; none reports more.
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(rows.length);
  }, 60_000);
});
