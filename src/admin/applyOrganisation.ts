import type { Tx } from '../db/tx';
import { ChangeTracker, differingFields } from './changeTracker';
import { endSeatsOfGone } from './endSeatsOfGone';
import type { ImportPlan } from './validateImport';
import { applyTeams } from './applyTeams';
import { reroutePendingSteps } from './reroutePendingSteps';
import { zonedMidnight } from '../core/domain/zonedTime';

export interface ApplyContext {
  tx: Tx;
  instansiId: string;
  tracker: ChangeTracker;
  unitIds: Map<string, string>;
  pegawaiIds: Map<string, string>;
  /** The instansi's IANA zone: dates in the file are its calendar dates. */
  timeZone: string;
  now: Date;
}

/** Writes units, people, roles and delegations of a validated plan; keys are unit code and NIP. */
export async function applyOrganisation(ctx: ApplyContext, plan: ImportPlan, fullFile: boolean): Promise<void> {
  const { tx, instansiId, tracker } = ctx;
  const pdIds = new Map((await tx.perangkatDaerah.findMany({ where: { instansiId } })).map((pd) => [pd.code, pd.id]));
  tracker.seen('perangkatDaerah', plan.perangkatDaerah.length);
  for (const { row } of plan.perangkatDaerah) {
    pdIds.set(row.kode, await upsertByKey(ctx, 'perangkatDaerah', row.kode, { instansiId_code: { instansiId, code: row.kode } }, { name: row.nama, kind: row.jenis }, { instansiId, code: row.kode }));
  }
  await loadIds(ctx);
  tracker.seen('unitOrganisasi', plan.unitOrganisasi.length);
  for (const { row } of plan.unitOrganisasi) {
    const data = { name: row.nama, perangkatDaerahId: pdIds.get(row.kodePerangkatDaerah)!, unitType: row.tipeUnit, leaderKind: row.jenisPimpinan };
    ctx.unitIds.set(row.kode, await upsertByKey(ctx, 'unitOrganisasi', row.kode, { instansiId_code: { instansiId, code: row.kode } }, data, { instansiId, code: row.kode }));
  }
  tracker.seen('pegawai', plan.pegawai.length);
  for (const { row } of plan.pegawai) {
    const data = {
      name: row.nama, employmentStatus: row.status, pangkat: row.pangkat ?? null, golongan: row.golongan ?? null, pendidikan: row.pendidikan ?? null,
      jabatan: row.jabatan, jenisJabatan: row.jenisJabatan, jfKategori: row.kategoriJf ?? null, jfJenjang: row.jenjangJf ?? null,
      email: row.email?.toLowerCase() ?? null, homeUnitId: ctx.unitIds.get(row.kodeUnit)!, active: true,
    };
    ctx.pegawaiIds.set(row.nip, await upsertByKey(ctx, 'pegawai', row.nip, { instansiId_nip: { instansiId, nip: row.nip } }, data, { instansiId, nip: row.nip }));
  }
  // Second pass: references that may point at rows created above.
  for (const { row } of plan.unitOrganisasi) {
    await updateIfChanged(ctx, 'unitOrganisasi', row.kode, ctx.unitIds.get(row.kode)!, {
      parentId: row.kodeInduk ? ctx.unitIds.get(row.kodeInduk)! : null, headId: row.nipPimpinan ? ctx.pegawaiIds.get(row.nipPimpinan)! : null,
    });
  }
  for (const { row } of plan.pegawai) {
    await updateIfChanged(ctx, 'pegawai', row.nip, ctx.pegawaiIds.get(row.nip)!, { penilaiId: row.nipPenilai ? ctx.pegawaiIds.get(row.nipPenilai)! : null });
  }
  for (const { row } of plan.perangkatDaerah) {
    await updateIfChanged(ctx, 'perangkatDaerah', row.kode, pdIds.get(row.kode)!, { kepalaId: row.nipKepala ? ctx.pegawaiIds.get(row.nipKepala)! : null });
  }
  if (fullFile) await deactivateUnlisted(ctx, plan);
  await applyRoles(ctx, plan, fullFile);
  await applyDelegations(ctx, plan, fullFile);
  await applyTeams(ctx, plan);
  await reroutePendingSteps(ctx);
}

// A JSON file is the whole organisation: whoever it no longer lists loses access (kept for the record).
async function deactivateUnlisted(ctx: ApplyContext, plan: ImportPlan): Promise<void> {
  const listed = new Set<string>(plan.pegawai.map(({ row }) => row.nip));
  // Filtered here, not in a NOT IN: a whole Pemda's list exceeds SQLite's parameter limit.
  const active = await ctx.tx.pegawai.findMany({ where: { instansiId: ctx.instansiId, active: true } });
  const gone = active.filter((pegawai) => !listed.has(pegawai.nip));
  for (const pegawai of gone) {
    await ctx.tx.pegawai.update({ where: { id: pegawai.id }, data: { active: false } });
    await ctx.tx.conversation.deleteMany({ where: { pegawaiId: pegawai.id } });
    ctx.tracker.mark('pegawai', pegawai.nip, 'removed');
  }
  await endSeatsOfGone(ctx, gone);
}

type Model = 'perangkatDaerah' | 'unitOrganisasi' | 'pegawai';

// Prisma's per-model delegates share this shape; the union is narrowed to what we call.
interface Delegate {
  findUnique(args: { where: object }): Promise<Record<string, unknown> & { id: string } | null>;
  findUniqueOrThrow(args: { where: { id: string } }): Promise<Record<string, unknown>>;
  create(args: { data: object }): Promise<{ id: string }>;
  update(args: { where: { id: string }; data: object }): Promise<unknown>;
}

const delegate = (tx: Tx, model: Model) => tx[model] as unknown as Delegate;

async function upsertByKey(ctx: ApplyContext, model: Model, key: string, where: object, data: Record<string, unknown>, identity: object): Promise<string> {
  const current = await delegate(ctx.tx, model).findUnique({ where });
  if (!current) {
    const created = await delegate(ctx.tx, model).create({ data: { ...identity, ...data } });
    ctx.tracker.mark(model, key, 'created');
    return created.id;
  }
  const diff = differingFields(current, data);
  if (Object.keys(diff).length > 0) {
    await delegate(ctx.tx, model).update({ where: { id: current.id }, data: diff });
    ctx.tracker.mark(model, key, 'updated');
  }
  return current.id;
}

async function updateIfChanged(ctx: ApplyContext, model: Model, key: string, id: string, data: Record<string, unknown>): Promise<void> {
  const current = await delegate(ctx.tx, model).findUniqueOrThrow({ where: { id } });
  const diff = differingFields(current, data);
  if (Object.keys(diff).length === 0) return;
  await delegate(ctx.tx, model).update({ where: { id }, data: diff });
  ctx.tracker.mark(model, key, 'updated');
}

async function loadIds(ctx: ApplyContext): Promise<void> {
  for (const unit of await ctx.tx.unitOrganisasi.findMany({ where: { instansiId: ctx.instansiId }, select: { id: true, code: true } })) ctx.unitIds.set(unit.code, unit.id);
  for (const p of await ctx.tx.pegawai.findMany({ where: { instansiId: ctx.instansiId }, select: { id: true, nip: true } })) ctx.pegawaiIds.set(p.nip, p.id);
}

// A JSON file is the whole organisation: roles it no longer lists are removed. A CSV only adds.
async function applyRoles(ctx: ApplyContext, plan: ImportPlan, fullFile: boolean): Promise<void> {
  ctx.tracker.seen('peran', plan.peran.length);
  const wanted = new Set(plan.peran.map(({ row }) => `${row.peran}/${ctx.pegawaiIds.get(row.nip)}`));
  const current = await ctx.tx.roleHolder.findMany({ where: { instansiId: ctx.instansiId } });
  for (const holder of current) {
    if (fullFile && !wanted.has(`${holder.role}/${holder.pegawaiId}`)) {
      await ctx.tx.roleHolder.delete({ where: { id: holder.id } });
      ctx.tracker.mark('peran', `${holder.role}/${holder.pegawaiId}`, 'removed');
    }
  }
  const have = new Set(current.map((h) => `${h.role}/${h.pegawaiId}`));
  for (const { row } of plan.peran) {
    const pegawaiId = ctx.pegawaiIds.get(row.nip)!;
    if (have.has(`${row.peran}/${pegawaiId}`)) continue;
    await ctx.tx.roleHolder.create({ data: { instansiId: ctx.instansiId, role: row.peran, pegawaiId } });
    ctx.tracker.mark('peran', `${row.peran}/${pegawaiId}`, 'created');
  }
}

async function applyDelegations(ctx: ApplyContext, plan: ImportPlan, fullFile: boolean): Promise<void> {
  ctx.tracker.seen('delegasi', plan.delegasi.length);
  const keep = new Set<string>();
  for (const { row } of plan.delegasi) {
    const fromId = ctx.pegawaiIds.get(row.nipDari)!;
    const toId = ctx.pegawaiIds.get(row.nipKe)!;
    const startsAt = zonedMidnight(row.mulai, ctx.timeZone);
    // Inclusive end date: the delegation holds through the whole last day.
    const endsAt = new Date(zonedMidnight(row.selesai, ctx.timeZone).getTime() + 24 * 3600_000);
    const key = `${row.nipDari}/${row.nipKe}/${row.mulai}`;
    const current = await ctx.tx.delegation.findFirst({ where: { instansiId: ctx.instansiId, fromId, toId, startsAt } });
    const wanted = { endsAt, kind: row.jenis, scope: row.lingkup, revokedAt: null };
    if (!current) {
      keep.add((await ctx.tx.delegation.create({ data: { instansiId: ctx.instansiId, fromId, toId, startsAt, ...wanted } })).id);
      ctx.tracker.mark('delegasi', key, 'created');
      continue;
    }
    keep.add(current.id);
    if (Object.keys(differingFields(current, wanted)).length > 0) {
      await ctx.tx.delegation.update({ where: { id: current.id }, data: wanted });
      ctx.tracker.mark('delegasi', key, 'updated');
    }
  }
  if (!fullFile) return;
  // A delegation the file no longer lists ends now: nobody keeps authority the admin took away.
  const current = await ctx.tx.delegation.findMany({ where: { instansiId: ctx.instansiId, revokedAt: null } });
  const dropped = current.filter((delegation) => !keep.has(delegation.id));
  for (const delegation of dropped) {
    await ctx.tx.delegation.update({ where: { id: delegation.id }, data: { revokedAt: ctx.now } });
    ctx.tracker.mark('delegasi', delegation.id, 'removed');
  }
}
