import type { AnyFlow } from '../src/core/engine/defineFlow';
import { grupTim } from './grupTim';
import { laporanKinerjaAnggota } from './laporanKinerjaAnggota';
import { pengajuanSukarela } from './pengajuanSukarela';

/** Every conversation the bot offers, handed to createCore by src/main.ts. */
export const flows: AnyFlow[] = [pengajuanSukarela, laporanKinerjaAnggota, grupTim];
