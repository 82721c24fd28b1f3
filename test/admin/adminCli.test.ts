import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/admin/adminCli';
import { openTestDb } from '../helpers/testDb';
import { smallOrganisation, toImportJson } from '../fixtures/smallOrganisation';

const collect = () => { const lines: string[] = []; return { lines, out: { line: (t: string) => lines.push(t), error: (t: string) => lines.push(t) } }; };

describe('admin command', () => {
  it('imports, reports what changed, and prints the audit trail', async () => {
    const { db } = await openTestDb();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-cli-')), 'org.json');
    writeFileSync(file, toImportJson(smallOrganisation()));
    const first = collect();
    expect(await runAdmin(['import', file], db, {}, first.out)).toBe(0);
    expect(first.lines).toContain('  pegawai: 9 baru, 0 diperbarui, 0 tetap');
    const second = collect();
    expect(await runAdmin(['import', file], db, {}, second.out)).toBe(0);
    expect(second.lines[0]).toBe('Tidak ada perubahan: data instansi kota-uji sudah sama dengan berkas.');
    const audit = collect();
    expect(await runAdmin(['audit'], db, {}, audit.out)).toBe(0);
    expect(audit.lines.filter((l) => l.includes('admin.impor'))).toHaveLength(1);
    await db.$disconnect();
  });

  it('exits non-zero with each bad row listed in Bahasa Indonesia when run through npm', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-cli-'));
    const org = smallOrganisation();
    org.pegawai[2]!.nip = '123';
    writeFileSync(path.join(dir, 'org.json'), toImportJson(org));
    const result = spawnSync('npm', ['run', '--silent', 'admin', '--', 'import', path.join(dir, 'org.json')], {
      env: { ...process.env, DATABASE_PATH: path.join(dir, 'cli.db') }, encoding: 'utf8', timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Impor ditolak: ');
    expect(result.stderr).toMatch(/baris \d+, pegawai, kolom nip: NIP harus terdiri dari 18 digit angka/);
  });
});
