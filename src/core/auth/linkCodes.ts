import { createHash, randomInt } from 'node:crypto';
import type { Tx } from '../../db/tx';

// No 0/O/1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function hashLinkCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** Issues a one-time code for one pegawai, replacing any unused one; only its hash is stored. */
export async function issueLinkCode(tx: Tx, pegawaiId: string, instansiId: string, expiresAt: Date): Promise<string> {
  await revokeLinkCodes(tx, pegawaiId);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  await tx.linkCode.create({ data: { pegawaiId, instansiId, codeHash: hashLinkCode(code), expiresAt } });
  return code;
}

/** Unused codes of a pegawai stop working (a new code, an unlink). */
export async function revokeLinkCodes(tx: Tx, pegawaiId: string): Promise<void> {
  await tx.linkCode.deleteMany({ where: { pegawaiId, usedAt: null } });
}
