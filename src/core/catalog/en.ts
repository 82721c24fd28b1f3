import type { CatalogKey } from './t';
import { core } from './en/core';
import { laporan } from './en/laporan';
import { penugasan } from './en/penugasan';
import { pelibatan } from './en/pelibatan';
import { tindakLanjut } from './en/tindakLanjut';
import { jadwal } from './en/jadwal';
import { lintasInstansi } from './en/lintasInstansi';
import { permintaan } from './en/permintaan';

// English, second language: any missing key falls back to Bahasa Indonesia.
// Civil-service terms with no good English equivalent (Penilai, ketua tim, anggota, bukti dukung, ...) are kept in
// Indonesian, with a short English gloss the first time they appear in a message.
export const en: Partial<Record<CatalogKey, string>> = { ...core, ...penugasan, ...pelibatan, ...laporan, ...tindakLanjut, ...jadwal, ...lintasInstansi, ...permintaan };
