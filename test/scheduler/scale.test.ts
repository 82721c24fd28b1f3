import { afterEach, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { smallOrganisation } from '../fixtures/smallOrganisation';
import { findPendingReports } from '../../src/core/scheduler/pendingReports';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

// Found by `npm run bench`: one IN list per tick exceeded SQLite's parameter limit at ~1,000 anggota.
it('finds the pending reports of a team of 1,500 anggota without exceeding SQLite\'s parameter limit', async () => {
  bot = await TestBot.start();
  await loadOrganisation(bot, smallOrganisation('SMD'));
  const model = await bot.db.pegawai.findFirstOrThrow({ where: { nip: '199207072019031007' } });
  const tim = await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-DATA' } });
  const { createdAt: _created, updatedAt: _updated, ...base } = model;
  const people = Array.from({ length: 1500 }, (_, i) => ({ ...base, id: `anggota-${i}`, nip: `3${String(i).padStart(17, '0')}`, email: null }));
  await bot.db.pegawai.createMany({ data: people });
  await bot.db.membership.createMany({ data: people.map((p) => ({ timId: tim.id, pegawaiId: p.id, role: 'ANGGOTA', startsOn: tim.startsOn, endsOn: tim.endsOn, status: 'ACTIVE' })) });
  const pending = await findPendingReports(bot.db, new Date('2026-11-27T01:00:00Z'), await loadInstansiSchedules(bot.db));
  expect(pending.size).toBe(1502); // the 1,500 plus the fixture's two anggota
}, 60_000);
