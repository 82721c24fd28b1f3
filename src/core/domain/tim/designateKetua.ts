import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { t } from '../../catalog/t';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { ketuaShortfalls } from './ketuaEligibility';

/** The shortest reason accepted for choosing a ketua from outside the owner unit. */
export const MIN_REASON = 10;

/** WF-11 T2: teams whose ketua the actor may designate: as head of the owner unit or its Kepala PD. */
export async function teamsActorMayDesignate(ctx: FlowContext) {
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, OR: [{ ownerUnit: { headId: ctx.actor.id } }, { ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }] },
    include: {
      ownerUnit: { include: { perangkatDaerah: true } },
      memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } }, orderBy: { pegawai: { name: 'asc' } } },
    },
    orderBy: { name: 'asc' },
  });
}

export async function ketuaCandidates(ctx: FlowContext, timId: string) {
  const tim = (await teamsActorMayDesignate(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('WF-11', 'ketua.bukanPimpinan');
  // C1 and the ketua rules of SMD Ps 11(4), TBB Lamp. D.b, MGL Ps 11(3): a PF or pelaksana.
  return { tim, candidates: tim.memberships.filter((m) => m.role === 'ANGGOTA' && ['FUNGSIONAL', 'PELAKSANA'].includes(m.pegawai.jenisJabatan)) };
}

type Candidates = Awaited<ReturnType<typeof ketuaCandidates>>;

/** The chosen member, if they may be ketua at all: a PF or pelaksana member meeting the profile's criteria (TBB: D3, III/b). */
export function eligibleCandidate(ctx: FlowContext, { candidates }: Candidates, pegawaiId: string): Candidates['candidates'][number] {
  const candidate = candidates.find((m) => m.pegawaiId === pegawaiId);
  if (!candidate) throw new Refused('WF-11', 'ketua.bukanKandidat');
  const rule = getPolicyProfile(ctx.actor.policyProfile).ketuaPengganti;
  const missing = ketuaShortfalls(candidate.pegawai, rule);
  if (missing.length > 0) {
    const kriteria = missing.map((m) => t(ctx.actor.locale, `ketua.kriteria.${m.criterion}`, { syarat: m.required, nilai: m.actual })).join('; ');
    throw new Refused(rule.citation, 'ketua.tidakMemenuhi', { nama: candidate.pegawai.name, kriteria, citation: rule.citation });
  }
  return candidate;
}

export interface OutsiderKetua {
  /** The owner unit (or, MGL, the owner Perangkat Daerah) the ketua is preferably from. */
  pemilik: string;
  /** Eligible members from there. */
  pilihan: string[];
  citation: string;
}

/**
 * WF-6 owner-unit preference (SMD Ps 11(6) and the like): when the chosen member is not from the
 * owner unit (MGL: Perangkat Daerah) while an eligible member from there exists, who those are.
 */
export function outsiderKetua(ctx: FlowContext, { tim, candidates }: Candidates, pegawaiId: string): OutsiderKetua | null {
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const { dari, citation } = profile.ketuaDiutamakan;
  const fromOwner = (m: Candidates['candidates'][number]) => (dari === 'UNIT'
    ? m.pegawai.homeUnitId === tim.ownerUnitId : m.pegawai.homeUnit.perangkatDaerahId === tim.ownerUnit.perangkatDaerahId);
  const chosen = candidates.find((m) => m.pegawaiId === pegawaiId);
  if (!chosen || fromOwner(chosen)) return null;
  const pilihan = candidates.filter((m) => fromOwner(m) && ketuaShortfalls(m.pegawai, profile.ketuaPengganti).length === 0).map((m) => m.pegawai.name);
  if (pilihan.length === 0) return null;
  return { pemilik: dari === 'UNIT' ? tim.ownerUnit.name : tim.ownerUnit.perangkatDaerah.name, pilihan, citation };
}

/**
 * WF-11 T3–T4: the profile's criteria are checked first (TBB: D3, III/b), and a ketua from outside
 * the owner unit while an eligible member from it exists needs a reason (WF-6); then the seat
 * changes hands.
 */
export async function designateKetua(ctx: FlowContext, timId: string, pegawaiId: string, alasan?: string): Promise<void> {
  const found = await ketuaCandidates(ctx, timId);
  const { tim } = found;
  const candidate = eligibleCandidate(ctx, found, pegawaiId);
  const rule = getPolicyProfile(ctx.actor.policyProfile).ketuaPengganti;
  const outsider = outsiderKetua(ctx, found, pegawaiId);
  if (outsider && (alasan ?? '').trim().length < MIN_REASON) {
    throw new Refused(outsider.citation, 'ketua.perluAlasan', { nama: candidate.pegawai.name, pemilik: outsider.pemilik, citation: outsider.citation });
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
  ctx.audit({
    action: 'tim.tunjukKetua', outcome: 'OK', rule: outsider?.citation ?? rule.citation, subject: `tim:${timId}`,
    details: { ketua: pegawaiId, sebelumnya: previous.map((m) => m.pegawaiId), ...(outsider ? { alasanLuarUnit: alasan!.trim(), diutamakan: outsider.pilihan } : {}) },
  });
}
