import { continueSequences } from '../../db/continueSequences';
import { copyOrder } from '../../db/copyOrder';
import { copyTables } from '../../db/copyTables';
import { countRows } from '../../db/countRows';
import { createDb, type Db } from '../../db/createDb';
import { loadSchemaModels, type SchemaModel } from '../../db/schemaModels';
import type { Output } from './output';

// One transaction: a copy that fails half-way leaves the target as empty as it was, ready for
// another try. Hours, not Prisma's default 5 s: 500,000 reports are minutes of inserts.
const COPY_TRANSACTION = { maxWait: 60_000, timeout: 6 * 3600_000 };

/**
 * `pindah-ke-postgresql <url>`: copies the whole SQLite database into an empty PostgreSQL database,
 * then compares the row count of every table. Refuses a target that holds any row, so the data of
 * two instansi is never mixed. The URL may carry a password: it is never printed.
 */
export async function moveToPostgresCommand(source: Db, url: string, out: Output): Promise<number> {
  const started = performance.now();
  const models = loadSchemaModels();
  let target: Db;
  try {
    target = await createDb(url);
  } catch (error) {
    out.error(`Basis data PostgreSQL tidak dapat dibuka: ${withoutSecrets(error, url)}`);
    return 1;
  }
  try {
    let filled: Array<[string, number]>;
    try {
      filled = await target.$transaction(async (tx) => {
        const present = [...(await countRows(tx, models))].filter(([, rows]) => rows > 0);
        if (present.length > 0) return present;
        await copyTables(source, tx, copyOrder(models), (model, rows) => out.line(`  ${model}: ${rows} baris disalin`));
        await continueSequences(tx, models);
        return [];
      }, COPY_TRANSACTION);
    } catch (error) {
      out.error(`Pemindahan gagal dan dibatalkan; basis data PostgreSQL tetap kosong. ${withoutSecrets(error, url)}`);
      return 1;
    }
    if (filled.length > 0) {
      out.error(`Pemindahan ditolak: basis data PostgreSQL tujuan sudah berisi data (${filled.map(([model, rows]) => `${model}: ${rows} baris`).join(', ')}). `
        + 'Tidak ada yang diubah. Pakai basis data PostgreSQL yang baru dan kosong, agar data dua instansi tidak tercampur.');
      return 1;
    }
    return await compareCounts(source, target, models, started, out);
  } finally {
    await target.$disconnect();
  }
}

async function compareCounts(source: Db, target: Db, models: SchemaModel[], started: number, out: Output): Promise<number> {
  const [before, after] = await Promise.all([countRows(source, models), countRows(target, models)]);
  const width = Math.max(5, ...models.map((m) => m.name.length));
  out.line(`${'tabel'.padEnd(width)}  ${'SQLite'.padStart(10)}  ${'PostgreSQL'.padStart(10)}  ok`);
  const differ: string[] = [];
  for (const { name } of models) {
    const same = before.get(name) === after.get(name);
    if (!same) differ.push(name);
    out.line(`${name.padEnd(width)}  ${String(before.get(name)).padStart(10)}  ${String(after.get(name)).padStart(10)}  ${same ? 'ya' : 'TIDAK'}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
  if (differ.length > 0) {
    out.error(`Jumlah baris berbeda pada ${differ.join(', ')} (${seconds} detik). Apakah bot masih berjalan pada berkas SQLite? `
      + 'Hentikan bot, buat ulang basis data PostgreSQL yang kosong, lalu ulangi.');
    return 1;
  }
  out.line(`Selesai dalam ${seconds} detik: semua ${models.length} tabel sama jumlah barisnya. Jalankan bot dengan DATABASE_URL berisi URL tadi.`);
  return 0;
}

/** An error's message with the URL and its password taken out. */
function withoutSecrets(error: unknown, url: string): string {
  let message = error instanceof Error ? error.message : String(error);
  const password = URL.canParse(url) ? new URL(url).password : '';
  const decoded = (() => { try { return decodeURIComponent(password); } catch { return password; } })();
  for (const secret of [url, password, decoded]) if (secret) message = message.replaceAll(secret, '…');
  return message;
}
