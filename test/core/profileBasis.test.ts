// Issue 6 item 13: every step and rule of a profile carries its basis, a citation where a regulation
// says it or "kebijakan instansi" where it is silent: never a product choice dressed as law.
import { describe, expect, it } from 'vitest';
import { loadPolicyProfiles } from '../../src/core/policy/policyProfile';

/** Every "citation" string anywhere in a profile, with where it sits. */
function citations(value: unknown, at = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => citations(item, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'citation' && typeof item === 'string' ? [[`${at}.${key}`, item] as [string, string]] : citations(item, `${at}.${key}`)));
}

// The regulation codes of domain-spec §0 (000-SMD … 004-KRA), and the national rule the baseline cites.
const REGULATION = /^(00[0-4]-(SMD|TBB|LMD|MGL|KRA)|PermenPANRB 7\/2022)\b/;

describe('policy profiles: the basis of each rule', () => {
  it('cites a regulation or says "kebijakan instansi", and never shows an internal tag', () => {
    const profiles = loadPolicyProfiles();
    expect([...profiles.keys()].sort()).toEqual(['BASELINE', 'KRA', 'LMD', 'MGL', 'SMD', 'TBB']);
    for (const [id, profile] of profiles) {
      const found = citations(profile);
      expect(found.length, id).toBeGreaterThan(10);
      for (const [where, citation] of found) {
        expect(citation, `${id}${where}`).not.toMatch(/\[[A-Z]+\]/);
        expect(REGULATION.test(citation) || citation.startsWith('kebijakan instansi'), `${id}${where}: ${citation}`).toBe(true);
      }
    }
    expect(profiles.get('BASELINE')!.regulation).toBeNull();
  });
});
