// Bahasa Indonesia, formal register: the catalogue every other language falls back to.
import { core } from './id/core';
import { laporan } from './id/laporan';
import { penugasan } from './id/penugasan';
import { pelibatan } from './id/pelibatan';
import { tindakLanjut } from './id/tindakLanjut';
import { jadwal } from './id/jadwal';
import { lintasInstansi } from './id/lintasInstansi';
import { permintaan } from './id/permintaan';

export const id = { ...core, ...penugasan, ...pelibatan, ...laporan, ...tindakLanjut, ...jadwal, ...lintasInstansi, ...permintaan } as const;
