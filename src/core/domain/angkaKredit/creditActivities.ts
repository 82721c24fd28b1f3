import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested } from '../../catalog/t';
import { choice, label, text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';

export const CREDIT_FLOW_ID = 'angka-kredit';

/** WF-12 T1 (KRA Ps 10(4)): only a PF may ask; the Kepala UO of the PF's own unit decides. */
export async function requestCreditActivity(ctx: FlowContext, butir: string) {
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  if (!profile.angkaKredit.enabled) throw new Refused('WF-12', 'angkaKredit.tidakBerlaku');
  if (ctx.actor.jenisJabatan !== 'FUNGSIONAL') throw new Refused('WF-12', 'angkaKredit.hanyaPf');
  const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: ctx.actor.homeUnitId }, include: { parent: true } });
  // A PF leading a unit kerja mandiri asks the head above them.
  const deciderId = unit.headId === ctx.actor.id ? unit.parent?.headId : unit.headId;
  if (!deciderId) throw new Refused('WF-12', 'kendala.tidakAdaPemilik');
  const last = await ctx.tx.permohonanAngkaKredit.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const request = await ctx.tx.permohonanAngkaKredit.create({
    data: { instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, pegawaiId: ctx.actor.id, butir, status: 'REQUESTED', deciderId, createdAt: ctx.now },
  });
  const button = (key: 'persetujuan.setujui' | 'persetujuan.tolak', action: string, style: 'primary' | 'danger') =>
    ({ label: label(key), action, args: { id: request.id }, style, scope: 'action' as const, flowId: CREDIT_FLOW_ID });
  const messageId = ctx.notify(deciderId, choice('angkaKredit.kartu', [[button('persetujuan.setujui', 'setujui', 'primary'), button('persetujuan.tolak', 'tolak', 'danger')]], {
    nomor: request.number, nama: ctx.actor.name, nip: ctx.actor.nip, jabatan: ctx.actor.jabatan, butir, citation: profile.angkaKredit.citation,
  }));
  await ctx.tx.permohonanAngkaKredit.update({ where: { id: request.id }, data: { messageId } });
  ctx.audit({ action: 'angkaKredit.ajukan', outcome: 'OK', rule: profile.angkaKredit.citation, subject: `angkaKredit:${request.id}` });
  ctx.reply(text('angkaKredit.terkirim', { nomor: request.number }));
}

export async function requireCreditDecider(ctx: FlowContext, id: string) {
  const request = await ctx.tx.permohonanAngkaKredit.findFirst({ where: { id, instansiId: ctx.actor.instansiId } });
  if (!request || request.deciderId !== ctx.actor.id) throw new Refused('WF-12 T2', 'angkaKredit.bukanKepalaUnit');
  return request;
}

/** WF-12 T2: the Kepala UO decides (a refusal carries a reason); the PF is told, and their Penilai too. */
export async function decideCreditActivity(ctx: FlowContext, id: string, approve: boolean, reason: string | null): Promise<void> {
  const request = await requireCreditDecider(ctx, id);
  if (request.status !== 'REQUESTED') {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return;
  }
  await ctx.tx.permohonanAngkaKredit.update({ where: { id }, data: { status: approve ? 'APPROVED' : 'REJECTED', reason, decidedAt: ctx.now } });
  const waktu = formatDateTime(ctx.now, ctx.actor.timeZone);
  const outcome = approve
    ? nested('persetujuan.disetujuiOleh', { nama: ctx.actor.name, atasNama: '', waktu })
    : nested('persetujuan.ditolakOleh', { nama: ctx.actor.name, atasNama: '', waktu, alasan: reason ?? '-' });
  if (request.messageId) ctx.reply({ kind: 'edit', targetMessageId: request.messageId, replacement: text('angkaKredit.kartuSelesai', { nomor: request.number, butir: request.butir, hasil: outcome }) });
  const pf = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId } });
  const news = text('angkaKredit.kabar', { nomor: request.number, nama: pf.name, butir: request.butir, hasil: outcome });
  ctx.notify(pf.id, news);
  if (pf.penilaiId && pf.penilaiId !== ctx.actor.id) ctx.notify(pf.penilaiId, news);
  ctx.audit({ action: approve ? 'angkaKredit.setujui' : 'angkaKredit.tolak', outcome: 'OK', rule: 'WF-12 T2', subject: `angkaKredit:${id}` });
}
