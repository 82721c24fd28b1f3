import { z } from 'zod';
import type { FileInput, FlowContext, ReadContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { taskSubject, teamSubject } from '../workSubject';
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

/**
 * The teams an official reports to as anggota (R1): active memberships of running teams, also a
 * team of another government they were assigned to across governments (WF-3, accepted).
 */
export async function teamsToReportTo(ctx: ReadContext) {
  return ctx.tx.timKerja.findMany({
    where: { startsOn: { lte: ctx.now }, endsOn: { gte: new Date(ctx.now.getTime() - 86_400_000) },
      memberships: { some: { pegawaiId: ctx.actor.id, role: 'ANGGOTA', status: 'ACTIVE' } } },
    include: { ownerUnit: true, targets: { orderBy: { createdAt: 'asc' } }, instansi: { select: { timeZone: true } } },
    orderBy: { name: 'asc' },
  });
}

/** The individual tasks an official reports on (R2): accepted, and not ended before yesterday. */
export async function tasksToReportOn(ctx: ReadContext) {
  return ctx.tx.penugasan.findMany({
    where: { instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id, role: 'INDIVIDU', status: 'ACTIVE', startsOn: { lte: ctx.now }, endsOn: { gte: new Date(ctx.now.getTime() - 86_400_000) } },
    include: { ownerUnit: true, targets: { orderBy: { createdAt: 'asc' } } },
    orderBy: { number: 'asc' },
  });
}

/** What a progress report is about: a team the official belongs to, or an individual task. */
export type ReportSubject = { timId: string } | { penugasanId: string };

/** This period's report for one team or task: the existing one (draft or sent), or a new draft. */
export async function openProgressReport(ctx: FlowContext, subject: ReportSubject) {
  const found = 'timId' in subject
    ? await teamDuty(ctx, subject.timId)
    : await taskDuty(ctx, subject.penugasanId);
  // A team's period is its government's (the ketua's digest counts in it), also for a member from elsewhere.
  const period = weeklyPeriod(ctx.now, found.timeZone, parseCadence(found.cadence));
  const key = { authorId: ctx.actor.id, ...found.key, periodStart: period.periodStart };
  const laporan = await ctx.tx.laporan.findFirst({ where: key, include: { attachments: true } })
    ?? await ctx.tx.laporan.create({
      data: { ...key, instansiId: found.instansiId, periodEnd: period.periodEnd, dueAt: period.dueAt, status: 'DRAFT', content: '{}' },
      include: { attachments: true },
    });
  return { subjek: found.subjek, laporan, periodZone: found.timeZone, content: ProgressContentSchema.parse(JSON.parse(laporan.content)) };
}

async function teamDuty(ctx: FlowContext, timId: string) {
  const tim = (await teamsToReportTo(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('R1', 'laporan.bukanAnggota');
  return { key: { timId, kind: 'KEMAJUAN_ANGGOTA' }, cadence: tim.reportCadence, subjek: teamSubject(tim.name), instansiId: tim.instansiId, timeZone: tim.instansi.timeZone };
}

// An individual task reports on the default weekly cadence ([SILENT]: the regulations say "berkala").
async function taskDuty(ctx: FlowContext, penugasanId: string) {
  const task = (await tasksToReportOn(ctx)).find((p) => p.id === penugasanId);
  if (!task) throw new Refused('R2', 'laporan.bukanTugas');
  return { key: { penugasanId, kind: 'KEMAJUAN_INDIVIDU' }, cadence: '', subjek: taskSubject(task.details), instansiId: ctx.actor.instansiId, timeZone: ctx.actor.timeZone };
}

/** The targets a report's capaian answers: the team's, or the individual task's. */
export function reportTargets(laporan: { tim: { targets: Target[] } | null; penugasan: { targets: Target[] } | null }): Target[] {
  return laporan.tim?.targets ?? laporan.penugasan?.targets ?? [];
}
type Target = { id: string; indikator: string; target: number; satuan: string };


/** Loads a report of the actor that is still open for editing (its period has not closed). */
export async function editableReport(ctx: FlowContext, laporanId: string) {
  const laporan = await ctx.tx.laporan.findFirst({
    where: { id: laporanId, authorId: ctx.actor.id },
    include: {
      attachments: true, tim: { include: { targets: { orderBy: { createdAt: 'asc' } } } },
      penugasan: { include: { targets: { orderBy: { createdAt: 'asc' } }, ownerUnit: true } },
      // The period's dates are read in its government's calendar (a WF-3 member's team is elsewhere).
      instansi: { select: { timeZone: true } },
    },
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
