import { en } from './en';
import { id } from './id';

export type CatalogKey = keyof typeof id;
export type Locale = 'id' | 'en';

/** Looks a key up in the user's language (falling back to Bahasa Indonesia) and fills `{params}`. */
export function t(locale: Locale | string, key: CatalogKey, params: Record<string, string | number> = {}): string {
  const template = (locale === 'en' ? en[key] : undefined) ?? id[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isCatalogKey(key: string): key is CatalogKey {
  return key in id;
}
