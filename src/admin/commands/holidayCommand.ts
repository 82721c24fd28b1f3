import type { Db } from '../../db/createDb';
import { appendAudit } from '../../core/auth/audit';
import { NATIONAL_DAYS_OFF } from '../../core/calendar/nationalDaysOff';
import { zonedDate } from '../../core/domain/zonedTime';
import type { Output } from './output';

const KINDS = ['CUTI_BERSAMA', 'LIBUR_INSTANSI'];

/**
 * `libur tambah <tanggal> <nama> [--jenis CUTI_BERSAMA|LIBUR_INSTANSI]`, `libur hapus <tanggal>`,
 * `libur daftar [--tahun TTTT]`: the instansi's own days off beside the national calendar.
 */
export async function holidayCommand(
  db: Db, input: { instansiCode: string; action: string; date?: string; name?: string; kind?: string; year?: string; now: Date }, out: Output,
): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: input.instansiCode } });
  if (!instansi) {
    out.error(`Instansi ${input.instansiCode} tidak ditemukan.`);
    return 1;
  }
  if (input.action === 'daftar') {
    const year = input.year ?? zonedDate(input.now, instansi.timeZone).slice(0, 4);
    const own = await db.hariLibur.findMany({ where: { instansiId: instansi.id, date: { startsWith: `${year}-` } } });
    const rows = [
      ...NATIONAL_DAYS_OFF.filter((d) => d.date.startsWith(`${year}-`)).map((d) => `${d.date}  ${d.kind.padEnd(14)} ${d.name}${d.perkiraan ? ' (perkiraan)' : ''}`),
      ...own.map((d) => `${d.date}  ${d.kind.padEnd(14)} ${d.name} (instansi)`),
    ].sort();
    for (const row of rows) out.line(row);
    if (rows.length === 0) out.line(`Belum ada hari libur tahun ${year}.`);
    return 0;
  }
  // The date must survive a round trip: 2026-02-30 is refused, not stored as a day that never comes.
  if (!input.date || !/^\d{4}-\d{2}-\d{2}$/.test(input.date) || new Date(Date.parse(`${input.date}T00:00:00Z`) || 0).toISOString().slice(0, 10) !== input.date) {
    out.error('Tanggal ditulis TTTT-BB-HH, misalnya 2026-12-24.');
    return 2;
  }
  if (input.action === 'hapus') {
    const { count } = await db.hariLibur.deleteMany({ where: { instansiId: instansi.id, date: input.date } });
    out.line(count ? `Hari libur ${input.date} dihapus.` : `Tidak ada hari libur instansi pada ${input.date}.`);
    return 0;
  }
  const kind = input.kind ?? 'CUTI_BERSAMA';
  if (input.action !== 'tambah' || !input.name || !KINDS.includes(kind)) {
    out.error('Pemakaian: libur tambah <TTTT-BB-HH> <nama> [--jenis CUTI_BERSAMA|LIBUR_INSTANSI]');
    return 2;
  }
  await db.hariLibur.upsert({
    where: { instansiId_date: { instansiId: instansi.id, date: input.date } },
    create: { instansiId: instansi.id, date: input.date, kind, name: input.name },
    update: { kind, name: input.name },
  });
  await appendAudit(db, [{ instansiId: instansi.id, at: input.now, actorId: null, platform: 'admin', action: 'admin.liburTambah', outcome: 'OK', details: { date: input.date, kind } }]);
  out.line(`Hari libur ${input.date} (${kind}) tercatat: ${input.name}. Pengingat pada hari itu pindah ke hari kerja berikutnya.`);
  return 0;
}
