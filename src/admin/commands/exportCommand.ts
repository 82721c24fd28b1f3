import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/createDb';
import { appendAudit } from '../../core/auth/audit';
import { exportRows } from '../../core/domain/ekspor/exportRows';
import { toCsv, toXlsx } from '../../core/domain/ekspor/exportFiles';
import { zonedMidnight } from '../../core/domain/zonedTime';
import type { Output } from './output';

export interface ExportOptions {
  instansiCode: string;
  from: string;
  to: string;
  out: string;
  nip?: string;
  timCode?: string;
  unitCode?: string;
  now: Date;
  /** For t.me links to the bukti dukung (TELEGRAM_BOT_USERNAME). */
  telegramBot?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `export --dari … --sampai … [--nip|--tim|--unit] --keluaran berkas.xlsx|.csv` for e-Kinerja and the Inspektorat. */
export async function exportCommand(db: Db, options: ExportOptions, out: Output): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: options.instansiCode } });
  if (!instansi) return fail(out, `Instansi ${options.instansiCode} tidak ditemukan.`);
  if (!DATE.test(options.from) || !DATE.test(options.to) || options.from > options.to) return fail(out, 'Tanggal --dari dan --sampai harus berformat TTTT-BB-HH, dan --dari tidak boleh setelah --sampai.');
  const format = options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : options.out.toLowerCase().endsWith('.csv') ? 'csv' : null;
  if (!format) return fail(out, 'Berkas --keluaran harus berakhiran .xlsx atau .csv.');
  const pegawai = options.nip ? await db.pegawai.findMany({ where: { instansiId: instansi.id, nip: options.nip } }) : null;
  const unit = options.unitCode ? await db.unitOrganisasi.findFirst({ where: { instansiId: instansi.id, code: options.unitCode } }) : undefined;
  const tim = options.timCode ? await db.timKerja.findMany({ where: { instansiId: instansi.id, code: options.timCode } }) : null;
  if ((pegawai && pegawai.length === 0) || unit === null || (tim && tim.length === 0)) return fail(out, 'Pegawai, unit atau tim yang diminta tidak ditemukan.');
  const end = new Date(zonedMidnight(options.to, instansi.timeZone).getTime() + 86_400_000);
  const rows = await db.$transaction((tx) => exportRows(tx, {
    instansiId: instansi.id, from: zonedMidnight(options.from, instansi.timeZone), to: end,
    ...(pegawai ? { pegawaiIds: pegawai.map((p) => p.id) } : {}), ...(unit ? { homeUnitId: unit.id } : {}), ...(tim ? { timIds: tim.map((t) => t.id) } : {}),
  }, instansi.timeZone, options.telegramBot));
  writeFileSync(options.out, format === 'xlsx' ? await toXlsx(rows) : toCsv(rows), { mode: 0o600 });
  await db.$transaction((tx) => appendAudit(tx, [{ instansiId: instansi.id, at: options.now, actorId: null, platform: 'admin', action: 'admin.ekspor', outcome: 'OK', details: { rows: rows.length, format } }]));
  out.line(`${rows.length} baris diekspor ke ${options.out}.`);
  return 0;
}

function fail(out: Output, message: string): number {
  out.error(message);
  return 1;
}
