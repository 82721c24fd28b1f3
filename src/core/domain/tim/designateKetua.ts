import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { t } from '../../catalog/t';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { ketuaShortfalls } from './ketuaEligibility';

/** WF-11 T2: teams whose ketua the actor may designate: as head of the owner unit or its Kepala PD. */
export async function teamsActorMayDesignate(ctx: FlowContext) {
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, OR: [{ ownerUnit: { headId: ctx.actor.id } }, { ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }] },
    include: { memberships: { where: { status: 'ACTIVE' }, include: { pegawai: true }, orderBy: { pegawai: { name: 'asc' } } } },
    orderBy: { name: 'asc' },
  });
}

export async function ketuaCandidates(ctx: FlowContext, timId: string) {
  const tim = (await teamsActorMayDesignate(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('WF-11', 'ketua.bukanPimpinan');
  // C1 and the ketua rules of SMD Ps 11(4), TBB Lamp. D.b, MGL Ps 11(3): a PF or pelaksana.
  return { tim, candidates: tim.memberships.filter((m) => m.role === 'ANGGOTA' && ['FUNGSIONAL', 'PELAKSANA'].includes(m.pegawai.jenisJabatan)) };
}

/** WF-11 T3–T4: the profile's criteria are checked first (TBB: D3, III/b); then the seat changes hands. */
export async function designateKetua(ctx: FlowContext, timId: string, pegawaiId: string): Promise<void> {
  const { tim, candidates } = await ketuaCandidates(ctx, timId);
  const candidate = candidates.find((m) => m.pegawaiId === pegawaiId);
  if (!candidate) throw new Refused('WF-11', 'ketua.bukanKandidat');
  const rule = getPolicyProfile(ctx.actor.policyProfile).ketuaPengganti;
  const missing = ketuaShortfalls(candidate.pegawai, rule);
  if (missing.length > 0) {
    const kriteria = missing.map((m) => t(ctx.actor.locale, `ketua.kriteria.${m.criterion}`, { syarat: m.required, nilai: m.actual })).join('; ');
    throw new Refused(rule.citation, 'ketua.tidakMemenuhi', { nama: candidate.pegawai.name, kriteria, citation: rule.citation });
  }
  const previous = tim.memberships.filter((m) => m.role === 'KETUA');
  for (const m of previous) await ctx.tx.membership.update({ where: { id: m.id }, data: { status: 'ENDED', endsOn: ctx.now } });
  await ctx.tx.membership.update({ where: { id: candidate.id }, data: { status: 'ENDED', endsOn: ctx.now } });
  await ctx.tx.membership.upsert({
    where: { timId_pegawaiId_role: { timId, pegawaiId, role: 'KETUA' } },
    create: { timId, pegawaiId, role: 'KETUA', status: 'ACTIVE', startsOn: ctx.now, endsOn: tim.endsOn },
    update: { status: 'ACTIVE', startsOn: ctx.now, endsOn: tim.endsOn },
  });
  const news = text('ketua.ditunjuk', { nama: candidate.pegawai.name, tim: tim.name, oleh: ctx.actor.name });
  const told = new Set([...tim.memberships.map((m) => m.pegawaiId), ...(candidate.pegawai.penilaiId ? [candidate.pegawai.penilaiId] : [])]);
  told.delete(ctx.actor.id);
  for (const id of told) ctx.notify(id, news);
  ctx.reply(news);
  ctx.audit({ action: 'tim.tunjukKetua', outcome: 'OK', rule: rule.citation, subject: `tim:${timId}`, details: { ketua: pegawaiId, sebelumnya: previous.map((m) => m.pegawaiId) } });
}
