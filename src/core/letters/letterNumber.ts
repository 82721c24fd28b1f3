import type { Tx } from '../../db/tx';

/**
 * The next letter number of an instansi and year, from its numbering scheme (instansi setting
 * `nomorSurat`, default "{urutan}/{unit}/{tahun}"): e.g. "800.1.11.1/0007/DISKOMINFO/2026".
 */
export async function nextLetterNumber(tx: Tx, input: { instansiId: string; scheme: string; unitCode: string; year: number }): Promise<{ nomor: string; urutan: number }> {
  // Unnumbered letters (urutan null) are left out: PostgreSQL sorts NULL first in descending order.
  const last = await tx.surat.findFirst({ where: { instansiId: input.instansiId, tahun: input.year, urutan: { not: null } }, orderBy: { urutan: 'desc' } });
  const urutan = (last?.urutan ?? 0) + 1;
  const nomor = input.scheme
    .replace('{urutan}', String(urutan).padStart(4, '0'))
    .replace('{unit}', input.unitCode.toUpperCase())
    .replace('{tahun}', String(input.year));
  return { nomor, urutan };
}
