import { en } from './en';
import { id } from './id';

export type CatalogKey = keyof typeof id;
export type Locale = 'id' | 'en';

/** A parameter is plain text, a number, or another catalogue text rendered in the reader's language. */
export type Param = string | number | { key: CatalogKey; params?: Params };
export type Params = Record<string, Param>;

/** Looks a key up in the reader's language (falling back to Bahasa Indonesia) and fills `{params}`. */
export function t(locale: Locale | string, key: CatalogKey, params: Params = {}): string {
  const template = (locale === 'en' ? en[key] : undefined) ?? id[key];
  let text = '';
  let rest = template;
  for (let match = PLACEHOLDER.exec(rest); match; match = PLACEHOLDER.exec(rest)) {
    const value = params[match[1]!];
    const filled = value === undefined ? match[0] : typeof value === 'object' ? t(locale, value.key, value.params) : String(value);
    const before = rest.slice(0, match.index);
    text += (match[1] === 'tim' ? withoutRepeatedTeamWord(before, filled) : before) + filled;
    rest = rest.slice(match.index + match[0].length);
  }
  // "kepada {nama}." with a name ending in a degree ("…, M.AP.") ends with one full stop, not two.
  return (text + rest).replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

const PLACEHOLDER = /\{(\w+)\}/;

// Team names carry their own word: "tim {tim}" with "Tim Satu Data" reads "Tim Satu Data".
function withoutRepeatedTeamWord(before: string, team: string): string {
  return /^tim /i.test(team) ? before.replace(/(^|[\s(])(tim|team) $/i, '$1') : before;
}

/** A catalogue text as a parameter of another, localized when the message is rendered. */
export const nested = (key: CatalogKey, params?: Params): Param => ({ key, ...(params ? { params } : {}) });

/** Several parameters as one, each pair joined by a two-placeholder text ({a}, {b}): a line break, or "; ". Needs at least one. */
export const joinParams = (items: Param[], by: 'ringkasan.gabung' | 'pelibatan.isianGabung' = 'ringkasan.gabung'): Param =>
  items.reduce((a, b) => nested(by, { a, b }));

export function isCatalogKey(key: string): key is CatalogKey {
  return key in id;
}
