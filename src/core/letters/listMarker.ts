import type { LetterBlock } from './letterDocument';

/** "a.", "b.", … "z.", then "aa.", as typed in the regulation's formats; or "1.", "2.". */
export function listMarker(style: 'alpha' | 'number', index: number): string {
  if (style === 'number') return `${index + 1}.`;
  let label = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) label = String.fromCharCode(97 + (n % 26)) + label;
  return `${label}.`;
}

/** A labelled list of one item ("Kepada : Para Pejabat …") is printed without "1.", as in format 6. */
export function isMarked(list: Extract<LetterBlock, { kind: 'list' }>): boolean {
  return list.label === undefined || list.items.length > 1;
}
