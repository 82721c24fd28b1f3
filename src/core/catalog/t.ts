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
    text += tidyBefore(rest.slice(0, match.index), filled) + filled;
    rest = tidyAfter(rest.slice(match.index + match[0].length), filled);
  }
  return text + rest;
}

const PLACEHOLDER = /\{(\w+)\}/;

// Names carry their own words and stops: "tim {tim}" with "Tim Satu Data" reads "Tim Satu Data",
// and "kepada {nama}." with "…, M.AP." ends with one full stop, not two.
function tidyBefore(before: string, value: string): string {
  return /^tim /i.test(value) && /(^|[\s(])tim $/i.test(before) ? before.slice(0, -4) : before;
}
function tidyAfter(after: string, value: string): string {
  return value.endsWith('.') && after.startsWith('.') && !after.startsWith('..') ? after.slice(1) : after;
}

/** A catalogue text as a parameter of another, localized when the message is rendered. */
export const nested = (key: CatalogKey, params?: Params): Param => ({ key, ...(params ? { params } : {}) });

export function isCatalogKey(key: string): key is CatalogKey {
  return key in id;
}
