import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { getPolicyProfile, type PolicyProfile } from '../../policy/policyProfile';
import { skTimKerja } from '../../letters/pelibatanLetters';
import { formatDate } from '../formatTime';
import { issueLetter } from '../surat/issueLetter';
import { signingOffice } from '../surat/signingOffice';
import { dasarOf } from '../surat/voluntaryLetters';

type Penetap = NonNullable<PolicyProfile['keputusanTim']>['penetap'];

/** A team's reach as Ps 24(2) counts it: within one Perangkat Daerah, across them, or across instansi. */
function reachOf(lingkup: string): keyof Penetap {
  return lingkup === 'LINTAS_INSTANSI' ? 'LINTAS_INSTANSI' : lingkup === 'LINTAS_PD' ? 'LINTAS_PD' : 'DALAM_PD';
}

/** Running teams the actor may set by Keputusan, per the profile (Lamandau Ps 24(2)). */
export async function decreeableTeams(ctx: FlowContext) {
  const rule = getPolicyProfile(ctx.actor.policyProfile).keputusanTim;
  if (!rule) return [];
  const roles = new Set((await ctx.tx.roleHolder.findMany({ where: { instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id } })).map((r) => r.role));
  const teams = await ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, endsOn: { gt: ctx.now } },
    include: { ownerUnit: { include: { perangkatDaerah: true } }, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } } } },
    orderBy: { name: 'asc' },
  });
  return teams.filter((tim) => rule.penetap[reachOf(tim.lingkup)].some((penetap) => (penetap === 'KEPALA_PD_PEMILIK' ? tim.ownerUnit.perangkatDaerah.kepalaId === ctx.actor.id : roles.has(penetap))));
}

export async function decreeableTeam(ctx: FlowContext, timId: string) {
  const tim = (await decreeableTeams(ctx)).find((t) => t.id === timId);
  const rule = getPolicyProfile(ctx.actor.policyProfile).keputusanTim;
  if (!tim || !rule) throw new Refused('LMD-24', 'keputusan.bukanPenetap', { citation: rule?.citation ?? '-' });
  return { tim, rule };
}

/**
 * Lamandau Ps 24: the Keputusan that sets a team, "terdiri atas ketua dan anggota" (Ps 24(3)), so
 * a team without a ketua is refused. Every member, the ketua and the owner unit's head receive it.
 */
export async function issueTeamKeputusan(ctx: FlowContext, timId: string): Promise<string> {
  const { tim, rule } = await decreeableTeam(ctx, timId);
  const ketua = tim.memberships.filter((m) => m.role === 'KETUA');
  if (ketua.length === 0) throw new Refused('LMD-24', 'keputusan.tanpaKetua', { tim: tim.name, citation: rule.citation });
  const office = await signingOffice(ctx, { onBehalfOf: null });
  const members = [...tim.memberships].sort((a, b) => (a.role === b.role ? a.pegawai.name.localeCompare(b.pegawai.name) : a.role === 'KETUA' ? -1 : 1))
    .map((m) => ({ ...m.pegawai, unit: m.pegawai.homeUnit.name, peran: m.role === 'KETUA' ? 'Ketua' as const : 'Anggota' as const }));
  const zone = ctx.actor.timeZone;
  const { nomor } = await issueLetter(ctx, {
    kind: 'KEPUTUSAN_TIM', penugasanId: null, unitCode: office.unitCode,
    sendTo: [ctx.actor.id, ...tim.memberships.map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])], readers: [],
    build: (number) => skTimKerja({
      kop: office.kop, issuedAt: ctx.now, nomor: number, place: office.place, date: formatDate(ctx.now, zone), signer: office.signature,
      team: tim.name, ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
      dasar: dasarOf(office.settings.dasarSuratTugas, getPolicyProfile(office.instansi.policyProfile).regulation),
      maksudTujuan: tim.maksudTujuan ?? `pelaksanaan tugas ${tim.name}`, period: `${formatDate(tim.startsOn, zone)} s.d. ${formatDate(tim.endsOn, zone)}`, members, tembusan: [],
    }),
  });
  ctx.audit({ action: 'tim.keputusan', outcome: 'OK', rule: rule.citation, subject: `tim:${tim.id}`, details: { nomor, lingkup: tim.lingkup } });
  ctx.reply(text('keputusan.terbit', { tim: tim.name, nomor }));
  return nomor;
}
