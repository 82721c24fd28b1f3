import { describe, expect, it } from 'vitest';
import { weeklyPeriod } from '../../src/core/domain/laporan/reportPeriod';

describe('weekly report period', () => {
  it('runs Monday to Monday in the instansi zone with the due time on the team’s day', () => {
    // Wednesday 25 November 2026, 10:00 WITA
    const period = weeklyPeriod(new Date('2026-11-25T02:00:00Z'), 'Asia/Makassar', { irama: 'MINGGUAN', hari: 'JUMAT', jam: '15:00' });
    expect(period.periodStart.toISOString()).toBe('2026-11-22T16:00:00.000Z'); // Monday 23 Nov 00:00 WITA
    expect(period.periodEnd.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(period.dueAt.toISOString()).toBe('2026-11-27T07:00:00.000Z'); // Friday 15:00 WITA
  });

  it('puts Sunday night in Jakarta in the week that began the Monday before', () => {
    const period = weeklyPeriod(new Date('2026-11-29T16:30:00Z'), 'Asia/Jakarta', { irama: 'MINGGUAN', hari: 'SENIN', jam: '09:00' });
    expect(period.periodStart.toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(period.dueAt.toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });
});
