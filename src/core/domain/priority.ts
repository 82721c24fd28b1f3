import { nested, t, type Param } from '../catalog/t';
import type { PolicyProfile } from '../policy/policyProfile';

/**
 * Rule P (domain-spec §3.13): work for a unit other than one's own comes second. Samarinda calls it
 * "prioritas rendah" (Ps 11(2)), Karanganyar "tugas tambahan" (Ps 12(2)); elsewhere no label.
 */
export function priorityLabel(profile: PolicyProfile, homeUnitId: string, ownerUnitId: string, locale = 'id'): string {
  const label = profile.prioritas.label;
  if (!label || homeUnitId === ownerUnitId) return '';
  return t(locale, label === 'PRIORITAS_RENDAH' ? 'prioritas.rendah' : 'prioritas.tambahan', { citation: profile.prioritas.citation });
}

/** The same label as a message parameter, rendered in the reader's language. */
export function priorityPhrase(profile: PolicyProfile, homeUnitId: string, ownerUnitId: string): Param {
  const label = profile.prioritas.label;
  if (!label || homeUnitId === ownerUnitId) return '';
  return nested(label === 'PRIORITAS_RENDAH' ? 'prioritas.rendah' : 'prioritas.tambahan', { citation: profile.prioritas.citation });
}

/** Own-unit work first, then the rest, each group in its given order. */
export function ownUnitFirst<T extends { ownerUnitId: string }>(items: T[], homeUnitId: string): T[] {
  return [...items.filter((i) => i.ownerUnitId === homeUnitId), ...items.filter((i) => i.ownerUnitId !== homeUnitId)];
}
