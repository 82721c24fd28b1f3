import type { AnyFlow } from '../src/core/engine/defineFlow';
import { angkaKredit } from './angkaKredit';
import { batalkanPenugasan } from './batalkanPenugasan';
import { bukti } from './bukti';
import { daftarKendala } from './daftarKendala';
import { ekspor } from './ekspor';
import { evaluasi } from './evaluasi';
import { grupTim } from './grupTim';
import { kendala } from './kendala';
import { keputusanTim } from './keputusanTim';
import { laporanKemajuan } from './laporanKemajuan';
import { laporanDiminta } from './laporanDiminta';
import { laporanKinerjaAnggota } from './laporanKinerjaAnggota';
import { laporanTim } from './laporanTim';
import { pengajuanSukarela } from './pengajuanSukarela';
import { pengunduranDiri } from './pengunduranDiri';
import { pengingat } from './pengingat';
import { cuti } from './cuti';
import { surat } from './surat';
import { pengajuanku } from './pengajuanku';
import { penunjukan } from './penunjukan';
import { permohonanPelibatan } from './permohonanPelibatan';
import { tugasSaya } from './tugasSaya';
import { tugasIndividu } from './tugasIndividu';
import { tunjukKetua } from './tunjukKetua';
import { umpanBalik } from './umpanBalik';

/** Every conversation the bot offers, handed to createCore by src/main.ts. */
export const flows: AnyFlow[] = [tugasSaya, pengajuanSukarela, laporanKemajuan, umpanBalik, laporanTim, laporanDiminta, kendala, daftarKendala, evaluasi, ekspor, angkaKredit, pengunduranDiri, tunjukKetua, laporanKinerjaAnggota, grupTim, pengingat, cuti, surat, pengajuanku, penunjukan, permohonanPelibatan, tugasIndividu, batalkanPenugasan, keputusanTim, bukti];
