import { expect } from 'vitest';
import type { PdfTextItem } from './pdfText';

/** Rejoins wrapped lines: pdfkit breaks after a space, a hyphen or a slash ("Undang-|Undang", "dan/|atau"). */
export const joinWrapped = (parts: string[]) => parts.reduce((text, part) => (text === '' ? part : /[-/]$/.test(text) ? text + part : `${text} ${part}`), '');

/**
 * Cells of a bordered table between its header row and the first item starting with `stopBelow`:
 * a body item belongs to the first column whose header text ends right of it.
 */
export function tableRows(items: PdfTextItem[], columns: string[], stopBelow: string): string[][] {
  const headers = columns.map((column) => items.find((item) => item.str === column));
  expect(headers.every(Boolean), 'every header cell on one line').toBe(true);
  const bottom = items.find((item) => item.str.startsWith(stopBelow))?.y ?? 0;
  const body = items.filter((item) => item.y < headers[0]!.y - 2 && item.y > bottom + 2).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: string[][][] = [];
  for (const item of body) {
    const column = headers.findIndex((header) => header!.x + header!.width >= item.x);
    if (column === 0) rows.push(columns.map(() => []));
    rows.at(-1)![column]!.push(item.str);
  }
  return rows.map((row) => row.map(joinWrapped));
}
