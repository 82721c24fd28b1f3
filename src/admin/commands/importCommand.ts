import type { Db } from '../../db/createDb';
import { importOrganisation } from '../importOrganisation';
import { ImportFileError } from '../readImportFile';
import type { Output } from './output';

const SECTION_NAMES: Record<string, string> = {
  instansi: 'instansi', perangkatDaerah: 'perangkat daerah', unitOrganisasi: 'unit organisasi', pegawai: 'pegawai',
  peran: 'peran', delegasi: 'delegasi', timKerja: 'tim kerja',
};

/** `import <berkas> [--instansi <kode>]`: exit 0 when imported, 1 when any row was refused. */
export async function importCommand(db: Db, file: string, instansiCode: string | undefined, now: Date, out: Output): Promise<number> {
  try {
    const report = await importOrganisation(db, file, { instansiCode, now });
    if (!report.ok) {
      out.error(`Impor ditolak: ${report.errors.length} kesalahan. Tidak ada data yang diubah.`);
      for (const e of report.errors) out.error(`  baris ${e.line}, ${SECTION_NAMES[e.section] ?? e.section}, kolom ${e.field}: ${e.reason}`);
      return 1;
    }
    out.line(report.changed ? `Impor berhasil untuk instansi ${report.instansiCode}.` : `Tidak ada perubahan: data instansi ${report.instansiCode} sudah sama dengan berkas.`);
    for (const [section, count] of Object.entries(report.summary)) {
      const removed = count.removed > 0 ? `, ${count.removed} dinonaktifkan/dicabut` : '';
      out.line(`  ${SECTION_NAMES[section] ?? section}: ${count.created} baru, ${count.updated} diperbarui, ${count.unchanged} tetap${removed}`);
    }
    if (report.warnings.length > 0) {
      out.line(`Peringatan kedudukan (${report.warnings.length}); bukan penolakan, keputusan ada pada Pejabat Pembina Kepegawaian:`);
      for (const w of report.warnings) out.line(`  ${w.nama} (NIP ${w.nip}): ${w.message} [${w.citation}]`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      out.error(`Impor ditolak: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
