import type { Db } from '../../db/createDb';
import { inChunks } from '../../db/inChunks';
import type { Output } from './output';

/** `audit [--batas N]`: the newest audit rows of an instansi, oldest first, one per line. */
export async function auditCommand(db: Db, instansiCode: string, limit: number, out: Output): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: instansiCode } });
  if (!instansi) {
    out.error(`Instansi ${instansiCode} tidak ditemukan.`);
    return 1;
  }
  const rows = await db.auditLog.findMany({ where: { instansiId: instansi.id }, orderBy: { id: 'desc' }, take: limit });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = await inChunks(actorIds, (ids) => db.pegawai.findMany({ where: { id: { in: ids } } }));
  const names = new Map(actors.map((p) => [p.id, `${p.name} (${p.nip})`]));
  for (const row of rows.reverse()) {
    const actor = row.actorId ? names.get(row.actorId) ?? row.actorId : '-';
    const rule = row.rule ? ` aturan ${row.rule}` : '';
    out.line(`${row.at.toISOString()} ${row.outcome.padEnd(7)} ${row.action} oleh ${actor} via ${row.platform ?? '-'}${rule} ${row.subject ?? ''}`.trimEnd());
  }
  if (rows.length === 0) out.line('Log audit masih kosong.');
  return 0;
}
