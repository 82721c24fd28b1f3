import type { Tx } from '../../../db/tx';

/** How a letter names an official in its addressee and tembusan lines: "Jabatan (Nama)". */
export const addressLine = (p: { jabatan: string; name: string }) => `${p.jabatan} (${p.name})`;

/**
 * The officials of a tembusan, in the order given (the databases return `id IN (…)` in any order),
 * without gaps, repeats or anyone in `skip`.
 */
export async function tembusanOf(tx: Tx, ids: Array<string | null | undefined>, skip: Iterable<string> = []) {
  const left = new Set(skip);
  const wanted = [...new Set(ids.filter((id): id is string => !!id && !left.has(id)))];
  const people = await tx.pegawai.findMany({ where: { id: { in: wanted } } });
  return wanted.map((id) => people.find((p) => p.id === id)).filter((p): p is (typeof people)[number] => !!p);
}
