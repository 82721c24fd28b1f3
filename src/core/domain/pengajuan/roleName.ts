import { isCatalogKey, nested, t, type Param } from '../../catalog/t';

/** The Indonesian name of a profile role, e.g. HOME_PENILAI → "Pejabat Penilai Kinerja pemohon". */
export function roleName(performer: string, locale = 'id'): string {
  const key = `peran.${performer}`;
  return isCatalogKey(key) ? t(locale, key) : performer;
}

/** The role's name as a message parameter, rendered in the reader's language. */
export function rolePhrase(performer: string): Param {
  const key = `peran.${performer}`;
  return isCatalogKey(key) ? nested(key) : performer;
}
