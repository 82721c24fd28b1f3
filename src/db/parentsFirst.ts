import type { Row } from './modelDelegate';
import type { ForeignKey } from './schemaModels';

export interface RowLayer {
  rows: Row[];
  /** Rows in a loop of keys to each other, or to a row that is not there: written without those keys. */
  cut: boolean;
}

const keyOf = (row: Row, fields: string[]): string => JSON.stringify(fields.map((field) => row[field]));

/**
 * Orders the rows of a self-referencing table so that every row comes after the row it points at:
 * first the roots, then their children, and so on (a unit tree is a handful of layers deep).
 */
export function parentsFirst(rows: Row[], parentKeys: ForeignKey[]): RowLayer[] {
  const written = parentKeys.map(() => new Set<string>());
  // SQL checks a key only when none of its fields is null.
  const parentWritten = (row: Row) => parentKeys.every((key, i) => key.fields.some((field) => row[field] == null) || written[i]!.has(keyOf(row, key.fields)));
  const layers: RowLayer[] = [];
  let waiting = rows;
  while (waiting.length > 0) {
    const ready = waiting.filter(parentWritten);
    if (ready.length === 0) {
      layers.push({ rows: waiting, cut: true });
      break;
    }
    layers.push({ rows: ready, cut: false });
    for (const row of ready) parentKeys.forEach((key, i) => written[i]!.add(keyOf(row, key.references)));
    const done = new Set(ready);
    waiting = waiting.filter((row) => !done.has(row));
  }
  return layers;
}
