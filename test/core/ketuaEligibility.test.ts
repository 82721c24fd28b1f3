import { describe, expect, it } from 'vitest';
import { ketuaShortfalls } from '../../src/core/domain/tim/ketuaEligibility';

const TBB = { minPendidikan: 'D3', minGolongan: 'III/b' };

describe('ketua tim replacement criteria (TBB Lamp. D.f)', () => {
  it.each([
    [{ pendidikan: 'S1', golongan: 'III/b' }, []],
    [{ pendidikan: 'D3', golongan: 'IV/a' }, []],
    [{ pendidikan: 'SMA', golongan: 'III/c' }, ['PENDIDIKAN']],
    [{ pendidikan: 'S2', golongan: 'III/a' }, ['GOLONGAN']],
    [{ pendidikan: 'D1', golongan: 'II/d' }, ['PENDIDIKAN', 'GOLONGAN']],
    [{ pendidikan: 'S1', golongan: 'IX' }, ['GOLONGAN']],
    [{ pendidikan: null, golongan: null }, ['PENDIDIKAN', 'GOLONGAN']],
  ])('checks %o', (candidate, missing) => {
    expect(ketuaShortfalls(candidate, TBB).map((m) => m.criterion)).toEqual(missing);
  });

  it('sets no bar where the profile has none', () => {
    expect(ketuaShortfalls({ pendidikan: 'SMA', golongan: 'II/a' }, { minPendidikan: null, minGolongan: null })).toEqual([]);
  });
});
