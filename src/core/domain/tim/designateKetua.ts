import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, t } from '../../catalog/t';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { ketuaShortfalls } from './ketuaEligibility';
import { issueKetuaLetter } from '../surat/ketuaLetter';
import { moveWaitingSteps } from '../pengajuan/waitingStepMoves';
import { notifyStep } from '../pengajuan/notifyStep';
import { designatesAsKepalaDaerah, designatesUnder, ketuaRuleFor, structuralCandidates } from './ketuaRules';

/** The shortest reason accepted for choosing a ketua from outside the owner unit. */
export const MIN_REASON = 10;

/**
 * WF-11 T2: teams whose ketua the actor may designate: as head of the owner unit or its Kepala PD;
 * where the profile has the Kepala Daerah designate a ketua (Karanganyar: a JPT Pratama), theirs too.
 */
export async function teamsActorMayDesignate(ctx: FlowContext) {
  const all = await designatesAsKepalaDaerah(ctx);
  return ctx.tx.timKerja.findMany({
    where: {
      instansiId: ctx.actor.instansiId, endsOn: { gte: ctx.now },
      ...(all ? {} : { OR: [{ ownerUnit: { headId: ctx.actor.id } }, { ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }] }),
    },
    include: {
      ownerUnit: { include: { perangkatDaerah: true } },
      memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } }, orderBy: { pegawai: { name: 'asc' } } },
    },
    orderBy: { name: 'asc' },
  });
}

/**
 * Who may become ketua of the team, by the profile's `ketuaTim`: its members of a kind the profile
 * names (PF and pelaksana everywhere) and the structural officials it names (Magelang's pengawas,
 * Karanganyar's chain); `mayDesignate` when the actor is the one who designates such a ketua, and
 * the team is one their rule allows (`needsKeputusan` otherwise).
 */
export async function ketuaCandidates(ctx: FlowContext, timId: string) {
  const tim = (await teamsActorMayDesignate(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('WF-11', 'ketua.bukanPimpinan');
  const kepalaDaerah = await designatesAsKepalaDaerah(ctx);
  // A member another government assigned (WF-3) serves under their own government's letter: not ketua here.
  const members = tim.memberships.filter((m) => m.role === 'ANGGOTA' && m.pegawai.instansiId === tim.instansiId).map((m) => ({ pegawaiId: m.pegawaiId, pegawai: m.pegawai, membershipId: m.id as string | null }));
  const others = (await structuralCandidates(ctx, tim)).map((pegawai) => ({ pegawaiId: pegawai.id, pegawai, membershipId: null }));
  const candidates = [...members, ...others].flatMap((candidate) => {
    const rule = ketuaRuleFor(ctx.actor.policyProfile, candidate.pegawai.jenisJabatan);
    if (!rule || candidate.pegawaiId === ctx.actor.id) return [];
    // Lamandau Ps 24(4): a JPT Pratama or Administrator leads only a team set by Keputusan.
    const needsKeputusan = !!rule.hanyaTimKeputusan && !tim.wajibKeputusan;
    return [{ ...candidate, rule, needsKeputusan, mayDesignate: !needsKeputusan && designatesUnder(rule, ctx.actor, tim, kepalaDaerah, candidate.pegawai) }];
  });
  return { tim, candidates };
}

type Candidates = Awaited<ReturnType<typeof ketuaCandidates>>;

/**
 * The chosen candidate, if the actor may make them ketua: someone the profile lets be ketua (a
 * member PF or pelaksana, or a structural official it names), designated by the official its rule
 * names (Karanganyar: not a Pengawas for an Administrator), meeting its criteria (TBB: D3, III/b).
 */
export function eligibleCandidate(ctx: FlowContext, { candidates }: Candidates, pegawaiId: string): Candidates['candidates'][number] {
  const candidate = candidates.find((m) => m.pegawaiId === pegawaiId);
  if (!candidate) throw new Refused('WF-11', 'ketua.bukanKandidat');
  if (candidate.needsKeputusan) throw new Refused(candidate.rule.citation, 'ketua.hanyaTimKeputusan', { nama: candidate.pegawai.name, citation: candidate.rule.citation });
  if (!candidate.mayDesignate) {
    throw new Refused(candidate.rule.citation, 'ketua.penunjukLain', { nama: candidate.pegawai.name, penunjuk: nested(`ketua.penunjuk.${candidate.rule.penunjuk}`), citation: candidate.rule.citation });
  }
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
  const pilihan = candidates.filter((m) => m.mayDesignate && fromOwner(m) && ketuaShortfalls(m.pegawai, profile.ketuaPengganti).length === 0).map((m) => m.pegawai.name);
  if (pilihan.length === 0) return null;
  return { pemilik: dari === 'UNIT' ? tim.ownerUnit.name : tim.ownerUnit.perangkatDaerah.name, pilihan, citation };
}

/**
 * WF-11 T3–T4: the profile's rules are checked first (who may be ketua and who designates them;
 * TBB: D3, III/b), and a ketua from outside the owner unit while an eligible member from it exists
 * needs a reason (WF-6); then the seat changes hands, with a surat penugasan where the rule says so.
 */
export async function designateKetua(ctx: FlowContext, timId: string, pegawaiId: string, alasan?: string): Promise<void> {
  const found = await ketuaCandidates(ctx, timId);
  const { tim } = found;
  const candidate = eligibleCandidate(ctx, found, pegawaiId);
  const outsider = outsiderKetua(ctx, found, pegawaiId);
  if (outsider && (alasan ?? '').trim().length < MIN_REASON) {
    throw new Refused(outsider.citation, 'ketua.perluAlasan', { nama: candidate.pegawai.name, pemilik: outsider.pemilik, citation: outsider.citation });
  }
  const previous = tim.memberships.filter((m) => m.role === 'KETUA');
  for (const m of previous) await ctx.tx.membership.update({ where: { id: m.id }, data: { status: 'ENDED', endsOn: ctx.now } });
  if (candidate.membershipId) await ctx.tx.membership.update({ where: { id: candidate.membershipId }, data: { status: 'ENDED', endsOn: ctx.now } });
  await ctx.tx.membership.upsert({
    where: { timId_pegawaiId_role: { timId, pegawaiId, role: 'KETUA' } },
    create: { timId, pegawaiId, role: 'KETUA', status: 'ACTIVE', startsOn: ctx.now, endsOn: tim.endsOn },
    update: { status: 'ACTIVE', startsOn: ctx.now, endsOn: tim.endsOn },
  });
  // Karanganyar: a structural ketua is designated "dengan surat penugasan".
  if (candidate.rule.suratPenugasan) await issueKetuaLetter(ctx, tim, candidate.pegawaiId);
  const news = text('ketua.ditunjuk', { nama: candidate.pegawai.name, tim: tim.name, oleh: ctx.actor.name });
  const told = new Set([...tim.memberships.map((m) => m.pegawaiId), candidate.pegawaiId, ...(candidate.pegawai.penilaiId ? [candidate.pegawai.penilaiId] : [])]);
  told.delete(ctx.actor.id);
  for (const id of told) ctx.notify(id, news);
  ctx.reply(news);
  // A recommendation the former ketua still owed (Samarinda formats 4b and 5) is the new ketua's.
  for (const move of await moveWaitingSteps(ctx.tx, { instansiId: ctx.actor.instansiId, timId, performers: ['TARGET_KETUA_TIM'] }, ctx.now, 'KETUA')) {
    if (move.open) await notifyStep(ctx, move.penugasanId, move.stepId);
    for (const messageId of move.oldCards) ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: move.replacement });
    for (const notice of move.notices) ctx.notify(notice.to, notice.message);
    ctx.audit({ action: 'persetujuan.dialihkan', outcome: 'OK', rule: 'C7', subject: `penugasan:${move.penugasanId}`, details: { stepId: move.stepId, dari: move.from, ke: move.to, digabung: move.merged, sebab: 'ketua tim berganti' } });
  }
  ctx.audit({
    action: 'tim.tunjukKetua', outcome: 'OK', rule: outsider?.citation ?? candidate.rule.citation, subject: `tim:${timId}`,
    details: { ketua: pegawaiId, sebelumnya: previous.map((m) => m.pegawaiId), ...(outsider ? { alasanLuarUnit: alasan!.trim(), diutamakan: outsider.pilihan } : {}) },
  });
}
