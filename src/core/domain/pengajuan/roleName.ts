import { isCatalogKey, t } from '../../catalog/t';

/** The Indonesian name of a profile role, e.g. HOME_PENILAI → "Pejabat Penilai Kinerja pemohon". */
export function roleName(performer: string, locale = 'id'): string {
  const key = `peran.${performer}`;
  return isCatalogKey(key) ? t(locale, key) : performer;
}
