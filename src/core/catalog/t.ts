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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? t(locale, value.key, value.params) : String(value);
  });
}

/** A catalogue text as a parameter of another, localized when the message is rendered. */
export const nested = (key: CatalogKey, params?: Params): Param => ({ key, ...(params ? { params } : {}) });

export function isCatalogKey(key: string): key is CatalogKey {
  return key in id;
}
