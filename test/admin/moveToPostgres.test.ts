import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { runAdmin } from '../../src/admin/adminCli';
import { loadDemoOrganisation } from '../../src/admin/loadDemoOrganisation';
import { appendAudit } from '../../src/core/auth/audit';
import { countRows } from '../../src/db/countRows';
import { createDb, type Db } from '../../src/db/createDb';
import { modelDelegate } from '../../src/db/modelDelegate';
import { loadSchemaModels } from '../../src/db/schemaModels';
import { MutableClock, TestBot, type TestUser } from '../helpers/botHarness';
import { demoWithActivity, sqliteFile } from './demoWithActivity';

// No flow of the demo instansi writes these: angka kredit is Karanganyar's (WF-12), SendPace
// is written only by bot processes on PostgreSQL.
const EMPTY_IN_SOURCE = ['PermohonanAngkaKredit', 'SendPace'];

let server: ThrowawayPostgres;
let source: { file: string; clock: MutableClock; people: Record<'ketua' | 'halfway', TestUser>; forwardResignation: string };
const open: Db[] = [];
const openDb = async (location: string) => { const db = await createDb(location); open.push(db); return db; };
const collect = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: { line: (t: string) => lines.push(t), error: (t: string) => errors.push(t) } };
};

beforeAll(async () => {
  server = await startThrowawayPostgres();
  const { bot, people } = await demoWithActivity();
  source = { file: bot.file, clock: bot.clock, people, forwardResignation: bot.findButton(people.ketua, 'Teruskan ke Penilai') };
  await bot.stop();
}, 120_000);
afterEach(async () => { await Promise.all(open.splice(0).map((db) => db.$disconnect())); });
afterAll(() => server?.stop());

describe('npm run admin -- pindah-ke-postgresql', () => {
  it('moves the demo organisation after a week of work with every row and count equal, and never prints the URL', async () => {
    const models = loadSchemaModels();
    const sourceCounts = await countRows(await openDb(source.file), models);
    expect(models.filter((m) => sourceCounts.get(m.name) === 0 && !EMPTY_IN_SOURCE.includes(m.name))).toEqual([]);
    // Trust authentication ignores the password: it stands for a real one that must not be printed.
    const url = server.createDatabase('pindah').replace('postgres@', 'postgres:RahasiaSandi123@');

    const run = spawnSync('npm', ['run', '--silent', 'admin', '--', 'pindah-ke-postgresql'], {
      env: { ...process.env, DATABASE_PATH: source.file, DATABASE_URL: url }, encoding: 'utf8', timeout: 120_000,
    });

    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^tabel +SQLite +PostgreSQL +ok$/));
    const table = new Map(lines.flatMap((line) => {
      const row = /^(\w+) +(\d+) +(\d+) +(ya|TIDAK)$/.exec(line);
      return row ? [[row[1], [Number(row[2]), Number(row[3]), row[4]]] as const] : [];
    }));
    expect(table).toEqual(new Map(models.map((m) => [m.name, [sourceCounts.get(m.name), sourceCounts.get(m.name), 'ya']])));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Selesai dalam \\d+,\\d detik: semua ${models.length} tabel sama jumlah barisnya\\.`)));
    expect(run.stdout + run.stderr).not.toContain('RahasiaSandi123');

    const [from, to] = [await openDb(source.file), await openDb(url)];
    for (const model of models) {
      const rowsOf = (db: Db) => modelDelegate(db, model.name).findMany({ orderBy: { [model.idField]: 'asc' } });
      expect(await rowsOf(to), model.name).toEqual(await rowsOf(from));
    }
    // Keys written after their rows (a unit's head, a Perangkat Daerah's kepala) kept their @updatedAt.
    const unit = await from.unitOrganisasi.findFirstOrThrow({ where: { code: 'DISKOMINFO.STATSANDI' }, include: { head: true, parent: true } });
    expect(unit.head?.nip).toBe('197908082005011002');
    expect(await to.unitOrganisasi.findFirstOrThrow({ where: { code: 'DISKOMINFO.STATSANDI' }, include: { head: true, parent: true } })).toEqual(unit);
    const report = await from.laporan.findFirstOrThrow({ where: { status: 'REVISION_REQUESTED' }, include: { attachments: true, addressees: true, feedback: true } });
    expect(report.submittedAt).toBeInstanceOf(Date);
    expect(await to.laporan.findUniqueOrThrow({ where: { id: report.id }, include: { attachments: true, addressees: true, feedback: true } })).toEqual(report);
    const lastAudit = await from.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(await to.auditLog.findUniqueOrThrow({ where: { id: lastAudit.id } })).toEqual(lastAudit);

    // Afterwards the other admin commands work on DATABASE_URL, not on the SQLite file.
    const ownDays = await to.hariLibur.findMany();
    await to.hariLibur.deleteMany({});
    const holidays = spawnSync('npm', ['run', '--silent', 'admin', '--', 'libur', 'daftar'], {
      env: { ...process.env, DATABASE_PATH: source.file, DATABASE_URL: url }, encoding: 'utf8', timeout: 60_000,
    });
    expect(holidays.status, holidays.stderr).toBe(0);
    expect(ownDays.map((d) => d.date.slice(0, 4))).toContain(source.clock.now().toISOString().slice(0, 4));
    expect(holidays.stdout).toContain('LIBUR_NASIONAL');
    expect(holidays.stdout).not.toContain('(instansi)');
  }, 120_000);

  it('refuses a target that already holds rows, names the tables and leaves it unchanged', async () => {
    const models = loadSchemaModels();
    const from = await openDb(source.file);
    // Another instansi's organisation, and a database whose only row is one inbound update.
    const otherInstansiUrl = server.createDatabase('instansi_lain');
    await loadDemoOrganisation(await openDb(otherInstansiUrl), new Date('2026-11-23T00:00:00Z'));
    const oneRowUrl = server.createDatabase('satu_baris');
    await (await openDb(oneRowUrl)).inboundEvent.create({ data: { eventKey: 'telegram:1' } });
    const cases = [
      { url: otherInstansiUrl, refusal: /^Pemindahan ditolak: basis data PostgreSQL tujuan sudah berisi data \(Instansi: 1 baris, PerangkatDaerah: 5 baris, UnitOrganisasi: 17 baris, Pegawai: 60 baris, / },
      { url: oneRowUrl, refusal: /^Pemindahan ditolak: basis data PostgreSQL tujuan sudah berisi data \(InboundEvent: 1 baris\)\. Tidak ada yang diubah\./ },
    ];

    for (const { url, refusal } of cases) {
      const target = await openDb(url);
      const before = await countRows(target, models);
      const { lines, errors, out } = collect();
      expect(await runAdmin(['pindah-ke-postgresql', url], from, {}, out)).toBe(1);
      expect(errors).toEqual([expect.stringMatching(refusal)]);
      expect(lines).toEqual([]);
      expect(await countRows(target, models)).toEqual(before);
    }
  });

  it('undoes a copy that fails half-way, so the target stays empty for another try', async () => {
    const models = loadSchemaModels();
    const from = await openDb(sqliteFile());
    await loadDemoOrganisation(from, new Date('2026-11-23T00:00:00Z'));
    const instansi = await from.instansi.findFirstOrThrow();
    // SQLite keeps a NUL character in text; PostgreSQL refuses it.
    const holiday = await from.hariLibur.create({ data: { instansiId: instansi.id, date: '2026-12-24', kind: 'CUTI_BERSAMA', name: 'Cuti bersama\u0000Natal' } });
    const url = server.createDatabase('gagal');
    const { errors, out } = collect();

    expect(await runAdmin(['pindah-ke-postgresql', url], from, {}, out)).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^Pemindahan gagal dan dibatalkan; basis data PostgreSQL tetap kosong\. Tabel HariLibur: /)]);
    expect([...(await countRows(await openDb(url), models)).values()].every((rows) => rows === 0)).toBe(true);

    await from.hariLibur.update({ where: { id: holiday.id }, data: { name: 'Cuti bersama Natal' } });
    expect(await runAdmin(['pindah-ke-postgresql', url], from, {}, collect().out)).toBe(0);
  });

  it('exits 1 and names the table when the SQLite file changed during the move, as when the bot was left running', async () => {
    const from = await openDb(sqliteFile());
    await loadDemoOrganisation(from, new Date('2026-11-23T00:00:00Z'));
    const { lines, errors } = collect();
    // A bot still running on the file takes an update after its table was copied (a Prisma query
    // runs once something waits for it; the count after the copy queues behind it).
    let written: Promise<unknown> = Promise.resolve();
    const record = (text: string) => {
      lines.push(text);
      if (text.startsWith('  InboundEvent:')) written = from.inboundEvent.create({ data: { eventKey: 'telegram:9' } }).then(() => undefined);
    };
    const out = { line: record, error: (text: string) => errors.push(text) };

    expect(await runAdmin(['pindah-ke-postgresql', server.createDatabase('berubah')], from, {}, out)).toBe(1);
    await written;
    expect(lines).toContainEqual(expect.stringMatching(/^InboundEvent +1 +0 +TIDAK$/));
    expect(errors).toEqual([expect.stringMatching(/^Jumlah baris berbeda pada InboundEvent \(\d+,\d detik\)\. Apakah bot masih berjalan pada berkas SQLite\?/)]);
  });

  it('leaves a database the bot runs on: new audit rows follow the copied ids, conversations and buttons carry on', async () => {
    const url = server.createDatabase('lanjut');
    const { out } = collect();
    expect(await runAdmin(['pindah-ke-postgresql', url], await openDb(source.file), {}, out)).toBe(0);
    const bot = await TestBot.start({ file: url, clock: source.clock });
    try {
      const { _max } = await bot.db.auditLog.aggregate({ _max: { id: true } });
      await appendAudit(bot.db, [{ instansiId: null, at: bot.clock.now(), actorId: null, platform: 'admin', action: 'uji.setelahPindah', outcome: 'OK' }]);
      expect((await bot.db.auditLog.findFirstOrThrow({ where: { action: 'uji.setelahPindah' } })).id).toBe(_max.id! + 1);

      const { halfway, ketua } = source.people;
      await bot.as(halfway).say('85');
      expect(bot.lastText(halfway)).toMatch(/^Capaian untuk indikator "Jumlah rapat Forum Satu Data yang terlaksana"/);
      await bot.as(ketua).pressToken(source.forwardResignation);
      expect(await bot.db.pengunduranDiri.findFirstOrThrow()).toMatchObject({ status: 'FORWARDED_TO_PENILAI' });
    } finally {
      await bot.stop();
    }
  });
});
