import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../src/admin/importOrganisation';
import { loadConfig, sandboxWanted } from '../../src/config';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';
import { nextScheduledMoment } from '../../src/core/scheduler/upcoming';
import type { Db } from '../../src/db/createDb';
import { listPersonas, SANDBOX_ID_BASE, sandboxUserId } from '../../src/sandbox/personas';
import { forgetSandbox, realAccounts } from '../../src/sandbox/sandboxTraces';
import { SandboxClock } from '../../src/sandbox/sandboxClock';
import { smallOrganisation, toImportJson } from '../fixtures/smallOrganisation';
import { openTestDb } from '../helpers/testDb';

let db: Db;
beforeEach(async () => {
  ({ db } = await openTestDb());
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-sandbox-org-')), 'org.json');
  writeFileSync(file, toImportJson(smallOrganisation('SMD')));
  expect((await importOrganisation(db, file, { now: new Date('2026-11-20T00:00:00Z') })).ok).toBe(true);
});
afterEach(async () => { await db.$disconnect(); });

describe('sandbox parts', () => {
  it('runs only when no platform token is set, and never beside one', () => {
    expect(sandboxWanted(loadConfig({}))).toBe(true);
    expect(sandboxWanted(loadConfig({ SANDBOX: 'off' }))).toBe(false);
    expect(sandboxWanted(loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc' }))).toBe(false);
    expect(sandboxWanted(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(false);
  });

  it('jumps to the earliest reminder rung or digest, skipping paused teams and looking into next week', async () => {
    // Wednesday 25 November 2026, 10:00 WITA. Tim Statistik Sektoral is due Thursday 14:00, so its
    // first rung (a day before) is Wednesday 14:00; Tim Satu Data's is Thursday 15:00.
    const now = new Date('2026-11-25T02:00:00Z');
    expect(await nextScheduledMoment(db, await loadInstansiSchedules(db), now))
      .toEqual({ at: new Date('2026-11-25T06:00:00Z'), kind: 'pengingat', tim: 'Tim Statistik Sektoral' });

    await db.timKerja.updateMany({ where: { code: 'TIM-STAT' }, data: { remindersPausedAt: now } });
    expect(await nextScheduledMoment(db, await loadInstansiSchedules(db), now))
      .toEqual({ at: new Date('2026-11-26T07:00:00Z'), kind: 'pengingat', tim: 'Tim Satu Data' });

    // Saturday: this week's rungs are past; next Thursday's comes before next Friday's digest.
    const saturday = new Date('2026-11-28T02:00:00Z');
    const next = await nextScheduledMoment(db, await loadInstansiSchedules(db), saturday);
    expect(next).toEqual({ at: new Date('2026-12-03T07:00:00Z'), kind: 'pengingat', tim: 'Tim Satu Data' });
  });

  it('keeps the clock offset in a file, so a restart does not send the clock back', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-clock-')), 'sandbox-clock.json');
    const clock = new SandboxClock(file);
    const target = new Date(Date.now() + 3 * 86_400_000);
    clock.advanceTo(target);
    clock.advanceTo(new Date(Date.now() - 86_400_000)); // never backwards

    const restarted = new SandboxClock(file);
    expect(Math.abs(restarted.now().getTime() - target.getTime())).toBeLessThan(2_000);
    writeFileSync(file, '{"offsetMs":');  // a damaged file is no offset, not a failed start
    expect(Math.abs(new SandboxClock(file).now().getTime() - Date.now())).toBeLessThan(2_000);
  });

  it('casts the demo story from the data; a real start forgets its accounts and its future scheduler records', async () => {
    const personas = await listPersonas(db);
    const cast = personas.filter((p) => p.featured).map((p) => [p.label, p.name]);
    expect(cast).toEqual([
      ['Anggota', 'Statistisi Pertama Uji'], ['Ketua tim (Tim Satu Data)', 'Pranata Muda Uji'], ['Kepala unit', 'Kabid Aptika Uji'],
      ['Penilai', 'Kabid Statistik Uji'], ['Admin', expect.any(String)],
    ]);
    expect(new Set(personas.map((p) => p.userId)).size).toBe(personas.length);
    const pegawai = await db.pegawai.findFirstOrThrow();
    const identity = (accountId: string) => ({ pegawaiId: pegawai.id, platform: 'telegram', workspace: '', accountId, chatId: accountId });
    await db.platformIdentity.create({ data: identity(String(sandboxUserId(pegawai.id))) });
    expect(await realAccounts(db)).toBe(0);
    await db.platformIdentity.create({ data: identity('987654321') });
    expect(await realAccounts(db)).toBe(1); // the sandbox will not start on this database

    const now = new Date();
    const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-clock-')), 'sandbox-clock.json');
    new SandboxClock(clockFile).advanceTo(new Date(now.getTime() + 7 * 86_400_000));
    await db.scheduledRun.create({ data: { jobKey: 'pengingat-laporan:x', dueAt: new Date(now.getTime() + 5 * 86_400_000), status: 'DONE' } });
    await db.scheduledRun.create({ data: { jobKey: 'pengingat-laporan:y', dueAt: new Date(now.getTime() - 86_400_000), status: 'DONE' } });

    expect(await forgetSandbox(db, clockFile, now)).toEqual({ accounts: 1, schedulerRecords: 1 });
    expect((await db.platformIdentity.findMany()).map((i) => i.accountId)).toEqual(['987654321']);
    expect((await db.scheduledRun.findMany()).map((r) => r.jobKey)).toEqual(['pengingat-laporan:y']);
    expect(existsSync(clockFile)).toBe(false);
    expect(sandboxUserId(pegawai.id)).toBeGreaterThanOrEqual(SANDBOX_ID_BASE);
    expect(Number.isSafeInteger(sandboxUserId(pegawai.id, 3))).toBe(true);
  });
});
