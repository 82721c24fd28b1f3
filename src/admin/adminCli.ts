// `npm run admin -- <perintah>`: organisation import, link codes, unlink, the audit trail, the move to PostgreSQL.
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../config';
import { createDb, type Db } from '../db/createDb';
import { auditCommand } from './commands/auditCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { linkCodeCommand } from './commands/linkCodeCommand';
import { consoleOutput, type Output } from './commands/output';
import { unlinkCommand } from './commands/unlinkCommand';
import { resendCommand } from './commands/resendCommand';
import { holidayCommand } from './commands/holidayCommand';
import { pauseCommand } from './commands/pauseCommand';
import { scheduleCommand } from './commands/scheduleCommand';
import { moveToPostgresCommand } from './commands/moveToPostgresCommand';
import { isPostgresUrl } from '../db/postgresDatabase';

const USAGE = `Pemakaian: npm run admin -- <perintah> [pilihan]
  import <berkas.json|berkas.csv> [--instansi <kode>]   impor data organisasi (CSV: wajib --instansi)
  link-code <nip> [--instansi <kode>]                    terbitkan kode penghubung untuk satu pegawai
  link-codes --csv <berkas> [--instansi <kode>]          terbitkan kode untuk semua pegawai aktif ke CSV
  unlink <nip> [--instansi <kode>]                       lepas akun chat seorang pegawai
  audit [--batas <n>] [--instansi <kode>]                tampilkan log audit terbaru (bawaan 50)
  export --dari TTTT-BB-HH --sampai TTTT-BB-HH --keluaran <berkas.xlsx|berkas.csv> [--nip <nip> | --tim <kode> | --unit <kode>]
                                                         ekspor laporan untuk e-Kinerja dan Inspektorat
  kirim-ulang <telegram|slack>                           kirim ulang pesan yang gagal karena token bot dicabut
  jadwal                                                 pengingat dan ringkasan berikutnya, serta yang terakhir dikirim
  jeda [--tim <kode>] | lanjutkan [--tim <kode>]          hentikan atau jalankan lagi pengingat (satu tim atau seluruh instansi)
  libur tambah <TTTT-BB-HH> <nama> [--jenis CUTI_BERSAMA|LIBUR_INSTANSI] | libur hapus <TTTT-BB-HH> | libur daftar [--tahun TTTT]
  pindah-ke-postgresql [postgresql://…]                  salin seluruh basis data SQLite ke PostgreSQL yang kosong (bawaan: DATABASE_URL)
--instansi boleh dihilangkan bila basis data hanya berisi satu instansi.`;

export async function runAdmin(argv: string[], db: Db, env: NodeJS.ProcessEnv, out: Output, now = new Date()): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      instansi: { type: 'string' }, csv: { type: 'string' }, batas: { type: 'string' }, dari: { type: 'string' }, sampai: { type: 'string' },
      keluaran: { type: 'string' }, nip: { type: 'string' }, tim: { type: 'string' }, unit: { type: 'string' },
      jenis: { type: 'string' }, tahun: { type: 'string' },
    },
  });
  const [command, target, ...rest] = positionals;
  const config = loadConfig(env);
  const instansiCode = values.instansi ?? (await onlyInstansi(db));
  switch (command) {
    case 'import':
    case 'impor':
      if (!target) break;
      return importCommand(db, target, values.instansi, now, out);
    case 'link-code':
    case 'link-codes':
      if (!instansiCode || (command === 'link-code' && !target) || (command === 'link-codes' && !values.csv)) break;
      return linkCodeCommand(db, {
        instansiCode, nip: command === 'link-code' ? target : undefined, csvFile: values.csv,
        ttlMs: config.LINK_CODE_TTL_DAYS * 24 * 3600_000, telegramBotUsername: config.TELEGRAM_BOT_USERNAME, now,
      }, out);
    case 'unlink':
      if (!instansiCode || !target) break;
      return unlinkCommand(db, instansiCode, target, now, out);
    case 'jadwal':
      if (!instansiCode) break;
      return scheduleCommand(db, instansiCode, now, out);
    case 'jeda':
    case 'lanjutkan':
      if (!instansiCode) break;
      return pauseCommand(db, { instansiCode, timCode: values.tim, pause: command === 'jeda', now }, out);
    case 'libur':
      if (!instansiCode || !target) break;
      return holidayCommand(db, { instansiCode, action: target, date: rest[0], name: rest.slice(1).join(' '), kind: values.jenis, year: values.tahun, now }, out);
    case 'kirim-ulang':
      if (!target) break;
      return resendCommand(db, target, now, out);
    case 'pindah-ke-postgresql': {
      const url = target ?? config.DATABASE_URL;
      if (!url || !isPostgresUrl(url)) break;
      return moveToPostgresCommand(db, url, out);
    }
    case 'audit':
      if (!instansiCode) break;
      return auditCommand(db, instansiCode, Number(values.batas ?? 50), out);
    case 'export':
      if (!instansiCode || !values.dari || !values.sampai || !values.keluaran) break;
      return exportCommand(db, {
        instansiCode, from: values.dari, to: values.sampai, out: values.keluaran, nip: values.nip, timCode: values.tim, unitCode: values.unit, now,
        telegramBot: env.TELEGRAM_BOT_USERNAME,
      }, out);
  }
  out.error(USAGE);
  return 2;
}

async function onlyInstansi(db: Db): Promise<string | undefined> {
  const all = await db.instansi.findMany({ select: { code: true }, take: 2 });
  return all.length === 1 ? all[0]!.code : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const config = loadConfig(process.env);
    // The bot's own database, except for the move, which reads the SQLite file to copy it.
    const moving = process.argv[2] === 'pindah-ke-postgresql';
    const db = await createDb(moving ? config.DATABASE_PATH : config.DATABASE_URL ?? config.DATABASE_PATH);
    process.exitCode = await runAdmin(process.argv.slice(2), db, process.env, consoleOutput);
    await db.$disconnect();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`${(error as Error).message}\n${USAGE}`);
    else throw error;
    process.exitCode = 2;
  }
}
