import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importOrganisation } from '../../src/admin/importOrganisation';
import { toImportJson } from '../fixtures/smallOrganisation';
import type { TestBot, TestUser } from './botHarness';

/** Imports an organisation through the real importer and links chat accounts by NIP. */
export async function loadOrganisation(bot: TestBot, org: { instansi: { kode: string } } & Record<string, unknown>) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-org-')), 'org.json');
  writeFileSync(file, toImportJson(org));
  const report = await importOrganisation(bot.db, file, { now: bot.clock.now() });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  const instansi = await bot.db.instansi.findUniqueOrThrow({ where: { code: org.instansi.kode } });
  const idOf = async (nip: string) => (await bot.db.pegawai.findUniqueOrThrow({ where: { instansiId_nip: { instansiId: instansi.id, nip } } })).id;
  return {
    instansi,
    idOf,
    link: async (nip: string): Promise<TestUser> => bot.link(await idOf(nip), `${org.instansi.kode}-${nip}`),
  };
}
