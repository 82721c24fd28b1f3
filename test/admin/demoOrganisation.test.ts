import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOrganisation } from '../../src/admin/importOrganisation';
import { loadDemoOrganisation } from '../../src/admin/loadDemoOrganisation';
import { openTestDb } from '../helpers/testDb';

const DEMO = path.join('prisma', 'demo', 'organisasi-demo.json');

describe('the demo organisation', () => {
  it('imports without errors: about 60 people in several teams, one of them across units', async () => {
    const { db } = await openTestDb();
    const report = await importOrganisation(db, DEMO, { now: new Date('2026-11-25T00:00:00Z') });
    expect(report.errors).toEqual([]);
    expect(report.summary.pegawai!.created).toBeGreaterThanOrEqual(55);
    expect(report.summary.pegawai!.created).toBeLessThanOrEqual(65);
    const teams = await db.timKerja.findMany({ include: { memberships: { include: { pegawai: true } } } });
    expect(teams.length).toBeGreaterThanOrEqual(3);
    const crossUnit = teams.filter((t) => new Set(t.memberships.map((m) => m.pegawai.homeUnitId)).size > 1);
    expect(crossUnit.length).toBeGreaterThanOrEqual(1);
    expect(await db.roleHolder.count({ where: { role: 'ADMIN' } })).toBe(1);
    await db.$disconnect();
  });

  it('moves the demo dates to the year the bot is started in, so its teams are running', async () => {
    const { db } = await openTestDb();
    const report = await loadDemoOrganisation(db, new Date('2029-03-10T00:00:00Z'));
    expect(report.errors).toEqual([]);
    const teams = await db.timKerja.findMany();
    expect(teams.every((t) => t.startsOn.getUTCFullYear() >= 2028 && t.endsOn.getUTCFullYear() >= 2029)).toBe(true);
    expect(teams.some((t) => t.startsOn <= new Date('2029-03-10') && t.endsOn >= new Date('2029-03-10'))).toBe(true);
    await db.$disconnect();
  });
});
