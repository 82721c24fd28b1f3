export type ChangeKind = 'created' | 'updated' | 'removed';

export interface SectionCount {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows the file no longer lists: pegawai deactivated, delegations revoked, roles removed. */
  removed: number;
}

/** Counts, per section, which keys an import created or updated; the rest were unchanged. */
export class ChangeTracker {
  private readonly changes = new Map<string, Map<string, ChangeKind>>();
  private readonly totals = new Map<string, number>();

  seen(section: string, total: number): void {
    this.totals.set(section, total);
  }

  mark(section: string, key: string, kind: ChangeKind): void {
    const bySection = this.changes.get(section) ?? new Map<string, ChangeKind>();
    if (bySection.get(key) !== 'created') bySection.set(key, kind);
    this.changes.set(section, bySection);
  }

  summary(): Record<string, SectionCount> {
    const result: Record<string, SectionCount> = {};
    for (const [section, total] of this.totals) {
      const kinds = [...(this.changes.get(section)?.values() ?? [])];
      const created = kinds.filter((k) => k === 'created').length;
      const updated = kinds.filter((k) => k === 'updated').length;
      const removed = kinds.filter((k) => k === 'removed').length;
      result[section] = { created, updated, unchanged: Math.max(0, total - created - updated), removed };
    }
    return result;
  }

  get changed(): boolean {
    return [...this.changes.values()].some((m) => m.size > 0);
  }
}

/** The fields of `wanted` whose values differ from `current` (dates compared by time). */
export function differingFields<T extends Record<string, unknown>>(current: Record<string, unknown>, wanted: T): Partial<T> {
  const diff: Partial<T> = {};
  for (const [key, value] of Object.entries(wanted)) {
    const old = current[key];
    const same = value instanceof Date && old instanceof Date ? value.getTime() === old.getTime() : (old ?? null) === (value ?? null);
    if (!same) (diff as Record<string, unknown>)[key] = value;
  }
  return diff;
}
