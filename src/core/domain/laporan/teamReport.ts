import { z } from 'zod';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { t } from '../../catalog/t';
import { choice, text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatPeriod } from '../formatTime';
import { ProgressContentSchema } from './progressReport';
import { parseCadence, weeklyPeriod } from './reportPeriod';
import { feedbackButtons } from './submitProgressReport';
import { teamsLedBy } from '../tim/teamsLedBy';

export const TeamContentSchema = z.object({
  periode: z.string(),
  anggota: z.array(z.object({ nama: z.string(), status: z.enum(['TEPAT_WAKTU', 'TERLAMBAT', 'BELUM']) })),
  capaian: z.array(z.object({ indikator: z.string(), nilai: z.number(), target: z.number(), satuan: z.string() })),
  kendala: z.array(z.object({ nama: z.string(), kendala: z.string() })),
  catatan: z.string().nullable(),
});
export type TeamContent = z.infer<typeof TeamContentSchema>;

/**
 * R3: drafts the ketua's periodic team report from the members' reports of this period (who
 * reported and when, capaian summed per target, kendala), keeping any note already written.
 */
export async function draftTeamReport(ctx: FlowContext, timId: string) {
  const tim = (await teamsLedBy(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('R3', 'laporanTim.bukanKetua');
  const period = weeklyPeriod(ctx.now, ctx.actor.timeZone, parseCadence(tim.reportCadence));
  const members = tim.memberships;
  const reports = await ctx.tx.laporan.findMany({ where: { timId, kind: 'KEMAJUAN_ANGGOTA', periodStart: period.periodStart, status: { not: 'DRAFT' } } });
  const byAuthor = new Map(reports.map((r) => [r.authorId, r]));
  const contents = reports.map((r) => ({ author: members.find((m) => m.pegawaiId === r.authorId)?.pegawai.name ?? '-', content: ProgressContentSchema.parse(JSON.parse(r.content)) }));
  const key = { authorId: ctx.actor.id, timId, kind: 'TIM', periodStart: period.periodStart };
  const existing = await ctx.tx.laporan.findFirst({ where: key });
  if (existing && existing.status !== 'DRAFT') throw new Refused('R3', 'laporanTim.sudahDikirim');
  const content: TeamContent = {
    periode: formatPeriod(period.periodStart, period.periodEnd, ctx.actor.timeZone),
    anggota: members.map((m) => {
      const report = byAuthor.get(m.pegawaiId);
      return { nama: m.pegawai.name, status: !report ? 'BELUM' : report.late ? 'TERLAMBAT' : 'TEPAT_WAKTU' };
    }),
    capaian: tim.targets.map((target) => ({
      indikator: target.indikator, target: target.target, satuan: target.satuan,
      nilai: contents.flatMap((c) => c.content.capaian).filter((c) => c.targetId === target.id).reduce((sum, c) => sum + c.nilai, 0),
    })),
    kendala: contents.filter((c) => c.content.kendala).map((c) => ({ nama: c.author, kendala: c.content.kendala! })),
    catatan: existing ? TeamContentSchema.parse(JSON.parse(existing.content)).catatan : null,
  };
  const data = { content: JSON.stringify(content), periodEnd: period.periodEnd, dueAt: period.dueAt };
  const laporan = existing
    ? await ctx.tx.laporan.update({ where: { id: existing.id }, data })
    : await ctx.tx.laporan.create({ data: { ...key, ...data, instansiId: ctx.actor.instansiId, status: 'DRAFT' } });
  return { tim, laporan, content };
}

export function renderTeamReport(tim: string, content: TeamContent, locale = 'id'): string {
  const line = (key: 'laporanTim.barisAnggota', params: Record<string, string>) => t(locale, key, params);
  return t(locale, 'laporanTim.ringkasan', {
    tim, periode: content.periode,
    anggota: content.anggota.map((a) => line('laporanTim.barisAnggota', { nama: a.nama, status: t(locale, `laporanTim.status.${a.status}`) })).join('\n') || '-',
    capaian: content.capaian.map((c) => `- ${c.indikator}: ${c.nilai} dari ${c.target} ${c.satuan}`).join('\n') || '-',
    kendala: content.kendala.map((k) => `- ${k.nama}: ${k.kendala}`).join('\n') || t(locale, 'laporan.tidakAdaKendala'),
    catatan: content.catatan ?? '-',
  });
}

export async function setTeamReportNote(ctx: FlowContext, laporanId: string, catatan: string): Promise<void> {
  const laporan = await ctx.tx.laporan.findFirst({ where: { id: laporanId, authorId: ctx.actor.id, kind: 'TIM', status: 'DRAFT' } });
  if (!laporan) throw new Refused('R3', 'laporanTim.sudahDikirim');
  const content = TeamContentSchema.parse(JSON.parse(laporan.content));
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { content: JSON.stringify({ ...content, catatan }) } });
}

/** R3: sends the team report to the addressees the profile names (the owner unit's head). */
export async function submitTeamReport(ctx: FlowContext, laporanId: string): Promise<string[]> {
  const laporan = await ctx.tx.laporan.findFirst({ where: { id: laporanId, authorId: ctx.actor.id, kind: 'TIM', status: 'DRAFT' } });
  if (!laporan) throw new Refused('R3', 'laporanTim.sudahDikirim');
  const tim = (await teamsLedBy(ctx)).find((team) => team.id === laporan.timId)!;
  const holders = { PIMPINAN_UO_PEMILIK: tim.ownerUnit.headId, KEPALA_PD_PEMILIK: tim.ownerUnit.perangkatDaerah.kepalaId };
  const recipients = getPolicyProfile(ctx.actor.policyProfile).laporanTim.recipients.filter((r) => holders[r.role] && holders[r.role] !== ctx.actor.id);
  const ids = [...new Set(recipients.map((r) => holders[r.role]!))];
  if (ids.length === 0) throw new Refused('R3', 'laporanTim.tidakAdaPenerima');
  const late = !!laporan.dueAt && ctx.now > laporan.dueAt;
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { status: 'SUBMITTED', submittedAt: ctx.now, late } });
  await ctx.tx.laporanAddressee.createMany({ data: ids.map((pegawaiId) => ({ laporanId, pegawaiId, capacity: 'PEMILIK_KINERJA' })) });
  const ringkasan = renderTeamReport(tim.name, TeamContentSchema.parse(JSON.parse(laporan.content)));
  const messageIds = ids.map((id) => ctx.notify(id, choice('laporanTim.masuk', feedbackButtons(laporanId, 0), { ketua: ctx.actor.name, ringkasan, citation: recipients[0]!.citation })));
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { messageIds: JSON.stringify(messageIds) } });
  ctx.audit({ action: 'laporan.tim', outcome: 'OK', rule: recipients[0]!.citation, subject: `laporan:${laporanId}`, details: { late } });
  ctx.reply(text('laporanTim.terkirim', { tim: tim.name }));
  return ids;
}
