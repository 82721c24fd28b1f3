import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type Param } from '../../catalog/t';
import { text } from '../../messages';
import { memberPerformanceRecipients } from './memberPerformanceRecipients';
import { teamsLedBy } from '../tim/teamsLedBy';

/** WF-7 T6 (R5): stores a KINERJA_ANGGOTA report and delivers it to each addressee of the profile. */
export async function submitMemberPerformance(ctx: FlowContext, input: { timId: string; memberId: string; ringkasan: string }) {
  const tim = (await teamsLedBy(ctx)).find((team) => team.id === input.timId);
  const membership = tim?.memberships.find((m) => m.pegawaiId === input.memberId);
  if (!tim || !membership) throw new Refused('R5', 'laporanKinerja.bukanKetua');
  const recipients = await memberPerformanceRecipients(ctx.tx, input.memberId, ctx.actor.policyProfile, tim.id);
  const laporan = await ctx.tx.laporan.create({
    data: {
      instansiId: ctx.actor.instansiId, kind: 'KINERJA_ANGGOTA', authorId: ctx.actor.id, timId: tim.id, subjectId: input.memberId,
      status: 'SUBMITTED', submittedAt: ctx.now, content: JSON.stringify({ ringkasan: input.ringkasan }),
      addressees: { create: recipients.map((r) => ({ pegawaiId: r.pegawaiId, capacity: r.capacities.join(',') })) },
    },
  });
  for (const recipient of recipients) {
    const peran = recipient.capacities.map((c): Param => nested(`peran.${c}` as 'peran.PENILAI')).reduce((a, b) => nested('umum.dan', { a, b }));
    ctx.notify(recipient.pegawaiId, text('laporanKinerja.masuk', {
      nama: membership.pegawai.name, nip: membership.pegawai.nip, tim: tim.name, ketua: ctx.actor.name, peran, ringkasan: input.ringkasan,
    }));
  }
  ctx.audit({ action: 'laporan.kinerjaAnggota', outcome: 'OK', subject: `laporan:${laporan.id}`, rule: recipients[0]?.citation, details: { penerima: recipients.length } });
  const names = await ctx.tx.pegawai.findMany({ where: { id: { in: recipients.map((r) => r.pegawaiId) } } });
  return { laporan, memberName: membership.pegawai.name, recipientNames: names.map((n) => n.name) };
}
