import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/createDb';
import { importSource, type ImportReport } from './importOrganisation';
import { readImportText } from './readImportFile';

export const DEMO_FILE = path.join(import.meta.dirname, '..', '..', 'prisma', 'demo', 'organisasi-demo.json');

// The demo file is written for 2026 (teams) and 2027 (follow-on periods).
const DEMO_YEAR = 2026;

/**
 * Loads the demo organisation with its dates moved to the current year, so that a newcomer who
 * starts the bot in any year finds running teams and a valid delegation.
 */
export async function loadDemoOrganisation(db: Db, now: Date): Promise<ImportReport> {
  const shift = now.getUTCFullYear() - DEMO_YEAR;
  const content = readFileSync(DEMO_FILE, 'utf8').replace(/"(20\d\d)-(\d\d-\d\d)"/g, (_whole, year: string, rest: string) => `"${Number(year) + shift}-${rest}"`);
  return importSource(db, readImportText(content, 'json'), { now });
}
