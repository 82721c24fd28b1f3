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

export const TEAM_REPORT_FLOW_ID = 'laporan-tim';

export const TeamContentSchema = z.object({
  periode: z.string(),
  anggota: z.array(z.object({ nama: z.string(), status: z.enum(['TEPAT_WAKTU', 'TERLAMBAT', 'BELUM']) })),
  capaian: z.array(z.object({
    indikator: z.string(), nilai: z.number(), target: z.number(), satuan: z.string(),
    /** The sum of the members' reports, kept beside a value the ketua corrected. */
    nilaiAnggota: z.number().optional(),
  })),
  kendala: z.array(z.object({ nama: z.string(), kendala: z.string() })),
  catatan: z.string().nullable(),
  /** The ketua's edits of the draft, applied again whenever it is redrafted from new member reports. */
  penyesuaian: z.object({ capaian: z.record(z.string(), z.number()).default({}), kendala: z.string().nullable().default(null) })
    .default({ capaian: {}, kendala: null }),
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
  const earlier = existing ? TeamContentSchema.parse(JSON.parse(existing.content)) : null;
  const penyesuaian = earlier?.penyesuaian ?? { capaian: {}, kendala: null };
  const content: TeamContent = {
    periode: formatPeriod(period.periodStart, period.periodEnd, ctx.actor.timeZone),
    anggota: members.map((m) => {
      const report = byAuthor.get(m.pegawaiId);
      return { nama: m.pegawai.name, status: !report ? 'BELUM' : report.late ? 'TERLAMBAT' : 'TEPAT_WAKTU' };
    }),
    capaian: tim.targets.map((target, index) => {
      const fromMembers = contents.flatMap((c) => c.content.capaian).filter((c) => c.targetId === target.id).reduce((sum, c) => sum + c.nilai, 0);
      const corrected = penyesuaian.capaian[String(index)];
      return { indikator: target.indikator, target: target.target, satuan: target.satuan, nilai: corrected ?? fromMembers, ...(corrected !== undefined ? { nilaiAnggota: fromMembers } : {}) };
    }),
    kendala: contents.filter((c) => c.content.kendala).map((c) => ({ nama: c.author, kendala: c.content.kendala! })),
    catatan: earlier?.catatan ?? null,
    penyesuaian,
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
    capaian: content.capaian.map((c) => `- ${c.indikator}: ${c.nilai} dari ${c.target} ${c.satuan}${c.nilaiAnggota !== undefined ? t(locale, 'laporanTim.disesuaikan', { nilai: c.nilaiAnggota }) : ''}`).join('\n') || '-',
    kendala: content.penyesuaian.kendala ?? (content.kendala.map((k) => `- ${k.nama}: ${k.kendala}`).join('\n') || t(locale, 'laporan.tidakAdaKendala')),
    catatan: content.catatan ?? '-',
  });
}

export type TeamReportEdit = { catatan: string } | { capaianIndex: number; nilai: number } | { kendala: string | null };

/** The ketua edits the draft before sending (issue 7 item 3): a note, a capaian value, the kendala summary. */
export async function editTeamReport(ctx: FlowContext, laporanId: string, edit: TeamReportEdit): Promise<void> {
  const laporan = await ctx.tx.laporan.findFirst({ where: { id: laporanId, authorId: ctx.actor.id, kind: 'TIM', status: 'DRAFT' } });
  if (!laporan) throw new Refused('R3', 'laporanTim.sudahDikirim');
  const content = TeamContentSchema.parse(JSON.parse(laporan.content));
  const next: TeamContent = 'catatan' in edit ? { ...content, catatan: edit.catatan }
    : 'kendala' in edit ? { ...content, penyesuaian: { ...content.penyesuaian, kendala: edit.kendala } }
      : { ...content, penyesuaian: { ...content.penyesuaian, capaian: { ...content.penyesuaian.capaian, [String(edit.capaianIndex)]: edit.nilai } } };
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { content: JSON.stringify(next) } });
  ctx.audit({ action: 'laporan.tim.ubah', outcome: 'OK', rule: 'R3', subject: `laporan:${laporanId}`, details: { field: Object.keys(edit)[0] } });
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
