import { differingFields } from './changeTracker';
import { zonedMidnight } from '../core/domain/zonedTime';
import type { ApplyContext } from './applyOrganisation';
import type { ImportPlan } from './validateImport';


/** Upserts each team by code; its member list and targets follow the file (missing members end). */
export async function applyTeams(ctx: ApplyContext, plan: ImportPlan): Promise<void> {
  const day = (date: string) => zonedMidnight(date, ctx.timeZone);
  ctx.tracker.seen('timKerja', plan.timKerja.length);
  for (const { row } of plan.timKerja) {
    const data = {
      name: row.nama, jenis: row.jenis, lingkup: row.lingkup, ownerUnitId: ctx.unitIds.get(row.kodeUnitPemilik)!,
      startsOn: day(row.mulai), endsOn: day(row.selesai), maksudTujuan: row.maksudTujuan ?? null, kompetensi: row.kompetensi ?? null,
      openToVolunteers: row.terbukaSukarela, wajibKeputusan: row.wajibKeputusan, reportCadence: JSON.stringify({
        irama: 'MINGGUAN', hari: row.laporan.hari, jam: row.laporan.jam, ...(row.laporan.pengingat ? { pengingat: row.laporan.pengingat } : {}),
      }),
    };
    const where = { instansiId_code: { instansiId: ctx.instansiId, code: row.kode } };
    let tim = await ctx.tx.timKerja.findUnique({ where });
    if (!tim) {
      tim = await ctx.tx.timKerja.create({ data: { instansiId: ctx.instansiId, code: row.kode, ...data } });
      ctx.tracker.mark('timKerja', row.kode, 'created');
    } else if (Object.keys(differingFields(tim, data)).length > 0) {
      await ctx.tx.timKerja.update({ where: { id: tim.id }, data: differingFields(tim, data) });
      ctx.tracker.mark('timKerja', row.kode, 'updated');
    }
    if (await syncMembers(ctx, tim.id, row)) ctx.tracker.mark('timKerja', row.kode, 'updated');
    if (await syncTargets(ctx, tim.id, row)) ctx.tracker.mark('timKerja', row.kode, 'updated');
  }
}

type TimRow = ImportPlan['timKerja'][number]['row'];

async function syncMembers(ctx: ApplyContext, timId: string, row: TimRow): Promise<boolean> {
  const day = (date: string) => zonedMidnight(date, ctx.timeZone);
  let changed = false;
  const current = await ctx.tx.membership.findMany({ where: { timId } });
  const wanted = new Map(row.anggota.map((a) => [`${ctx.pegawaiIds.get(a.nip)}/${a.peran}`, a]));
  for (const membership of current) {
    const key = `${membership.pegawaiId}/${membership.role}`;
    // A seat an assignment in the bot gave (also to another government's official, WF-3) is that
    // assignment's: it ends with it (S3, S8), not because the file predates it.
    if (membership.penugasanId && !wanted.has(key)) continue;
    const status = wanted.has(key) ? 'ACTIVE' : 'ENDED';
    const data = { status, startsOn: day(row.mulai), endsOn: day(row.selesai) };
    const diff = status === 'ENDED' ? differingFields(membership, { status }) : differingFields(membership, data);
    if (Object.keys(diff).length > 0) {
      await ctx.tx.membership.update({ where: { id: membership.id }, data: diff });
      changed = true;
    }
    wanted.delete(key);
  }
  for (const member of wanted.values()) {
    await ctx.tx.membership.create({
      data: { timId, pegawaiId: ctx.pegawaiIds.get(member.nip)!, role: member.peran, startsOn: day(row.mulai), endsOn: day(row.selesai), status: 'ACTIVE' },
    });
    changed = true;
  }
  return changed;
}

async function syncTargets(ctx: ApplyContext, timId: string, row: TimRow): Promise<boolean> {
  const current = await ctx.tx.target.findMany({ where: { timId }, orderBy: { createdAt: 'asc' } });
  const asKey = (t: { subKegiatan: string; sasaran: string; indikator: string; target: number; satuan: string }) =>
    [t.subKegiatan, t.sasaran, t.indikator, t.target, t.satuan].join('\u0000');
  if (current.map(asKey).sort().join('\u0001') === row.target.map(asKey).sort().join('\u0001')) return false;
  await ctx.tx.target.deleteMany({ where: { timId } });
  for (const target of row.target) await ctx.tx.target.create({ data: { timId, ...target } });
  return true;
}
