import { z } from 'zod';
import type { FileInput, FlowContext, ReadContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { parseCadence, weeklyPeriod } from './reportPeriod';

export const ProgressContentSchema = z.object({
  capaian: z.array(z.object({ targetId: z.string().nullable(), indikator: z.string(), nilai: z.number(), satuan: z.string(), target: z.number().nullable() })).default([]),
  kegiatan: z.string().optional(),
  output: z.string().optional(),
  buktiSelesai: z.boolean().optional(),
  kendala: z.string().nullable().optional(),
  rencana: z.string().optional(),
});
export type ProgressContent = z.infer<typeof ProgressContentSchema>;

/** The teams an official reports to as anggota (R1): active memberships of running teams. */
export async function teamsToReportTo(ctx: ReadContext) {
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, startsOn: { lte: ctx.now }, endsOn: { gte: new Date(ctx.now.getTime() - 86_400_000) },
      memberships: { some: { pegawaiId: ctx.actor.id, role: 'ANGGOTA', status: 'ACTIVE' } } },
    include: { ownerUnit: true, targets: { orderBy: { createdAt: 'asc' } } },
    orderBy: { name: 'asc' },
  });
}

/** This period's report for one team: the existing one (draft or sent), or a new draft. */
export async function openProgressReport(ctx: FlowContext, timId: string) {
  const tim = (await teamsToReportTo(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('R1', 'laporan.bukanAnggota');
  const period = weeklyPeriod(ctx.now, ctx.actor.timeZone, parseCadence(tim.reportCadence));
  const key = { authorId: ctx.actor.id, timId, kind: 'KEMAJUAN_ANGGOTA', periodStart: period.periodStart };
  const laporan = await ctx.tx.laporan.findFirst({ where: key, include: { attachments: true } })
    ?? await ctx.tx.laporan.create({
      data: { ...key, instansiId: ctx.actor.instansiId, periodEnd: period.periodEnd, dueAt: period.dueAt, status: 'DRAFT', content: '{}' },
      include: { attachments: true },
    });
  return { tim, laporan, content: ProgressContentSchema.parse(JSON.parse(laporan.content)) };
}

/** Loads a report of the actor that is still open for editing (its period has not closed). */
export async function editableReport(ctx: FlowContext, laporanId: string) {
  const laporan = await ctx.tx.laporan.findFirst({
    where: { id: laporanId, authorId: ctx.actor.id },
    include: { attachments: true, tim: { include: { targets: { orderBy: { createdAt: 'asc' } } } } },
  });
  if (!laporan) throw new Refused('R1', 'laporan.bukanAnggota');
  // Issue 7: a report can be edited until its period closes, never after.
  if (laporan.periodEnd && laporan.periodEnd <= ctx.now) throw new Refused('PERIODE', 'laporan.periodeDitutup');
  return { laporan, content: ProgressContentSchema.parse(JSON.parse(laporan.content)) };
}

export async function saveProgress(ctx: FlowContext, laporanId: string, patch: Partial<ProgressContent>): Promise<ProgressContent> {
  const { content } = await editableReport(ctx, laporanId);
  const next = { ...content, ...patch };
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { content: JSON.stringify(next) } });
  return next;
}

export async function attachEvidence(ctx: FlowContext, laporanId: string, file: FileInput): Promise<number> {
  await editableReport(ctx, laporanId);
  await ctx.tx.laporanAttachment.create({ data: { laporanId, platform: file.platform, fileId: file.fileId, fileName: file.fileName ?? null, mimeType: file.mimeType ?? null } });
  return ctx.tx.laporanAttachment.count({ where: { laporanId } });
}

/** The first question a draft has no answer for: where a resumed report continues. */
export function nextQuestion(content: ProgressContent, targetCount: number): 'CAPAIAN' | 'KEGIATAN' | 'OUTPUT' | 'BUKTI' | 'KENDALA' | 'RENCANA' | 'CONFIRM' {
  if (content.capaian.length < Math.max(1, targetCount)) return 'CAPAIAN';
  if (!content.kegiatan) return 'KEGIATAN';
  if (content.output === undefined) return 'OUTPUT';
  if (!content.buktiSelesai) return 'BUKTI';
  if (content.kendala === undefined) return 'KENDALA';
  if (!content.rencana) return 'RENCANA';
  return 'CONFIRM';
}

/** Parses "12", "12,5", "40%" or "40 persen" into a number; null when it is not one. */
export function parseCapaian(input: string): number | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(%|persen)?\s*$/i.exec(input);
  return match ? Number(match[1]!.replace(',', '.')) : null;
}
