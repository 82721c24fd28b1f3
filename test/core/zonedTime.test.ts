import { describe, expect, it } from 'vitest';
import { startOfZonedDay, zonedDate, zonedMidnight } from '../../src/core/domain/zonedTime';

describe('instansi calendar dates', () => {
  it('starts a day at local midnight in WIB, WITA and WIT', () => {
    expect(zonedMidnight('2026-11-01', 'Asia/Jakarta').toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(zonedMidnight('2026-11-01', 'Asia/Makassar').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(zonedMidnight('2026-11-01', 'Asia/Jayapura').toISOString()).toBe('2026-10-31T15:00:00.000Z');
  });

  it('puts 23:30 UTC on the next calendar day in Samarinda', () => {
    const at = new Date('2026-11-25T23:30:00Z');
    expect(zonedDate(at, 'Asia/Makassar')).toBe('2026-11-26');
    expect(startOfZonedDay(at, 'Asia/Makassar').toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });
});
