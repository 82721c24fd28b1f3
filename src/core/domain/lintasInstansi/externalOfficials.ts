import { NipSchema } from '../nip';
import type { ExternalOfficial } from './lintasDetails';

export const MAX_OFFICIALS = 20;

/**
 * The officials another government named in its letter, typed one per line as
 * "Nama; NIP; Jabatan; Unit kerja". Returns the first line that does not read so (1-based).
 */
export function parseOfficials(input: string): { officials: ExternalOfficial[] } | { badLine: number; line: string } {
  const lines = input.split('\n').map((l) => l.trim()).filter(Boolean);
  const officials: ExternalOfficial[] = [];
  for (const [index, line] of lines.entries()) {
    const parts = line.split(';').map((p) => p.trim());
    if (parts.length !== 4 || parts.some((p) => !p) || !NipSchema.safeParse(parts[1]).success) return { badLine: index + 1, line };
    officials.push({ name: parts[0]!, nip: parts[1]!, jabatan: parts[2]!, unit: parts[3]! });
  }
  if (officials.length === 0 || officials.length > MAX_OFFICIALS) return { badLine: Math.max(lines.length, 1), line: lines.at(-1) ?? '' };
  return { officials };
}

/** "1. Nama, NIP …, Jabatan (Unit)" lines for a chat message. */
export const officialLines = (officials: ExternalOfficial[]) =>
  officials.map((o, i) => `${i + 1}. ${o.name}, NIP ${o.nip}, ${o.jabatan} (${o.unit})`).join('\n');
