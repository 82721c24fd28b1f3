import type { FlowContext } from '../../engine/defineFlow';
import { nested, type Param } from '../../catalog/t';
import { text } from '../../messages';
import { Refused } from '../../errors';
import { formatDateTime, formatPeriod } from '../formatTime';
import { ProgressContentSchema } from './progressReport';
import { progressSummary } from './submitProgressReport';
import { renderTeamReport, TeamContentSchema } from './teamReport';
import { RequestedContentSchema } from './requestedReport';
import { workSubject } from '../workSubject';

export type FeedbackKind = 'ACK' | 'COMMENT' | 'REVISION';

/** The report, if the actor is one of its addressees (R1: the ketua reads members' reports). */
export async function requireReportAddressee(ctx: FlowContext, laporanId: string) {
  const laporan = await ctx.tx.laporan.findFirst({
    where: { id: laporanId, instansiId: ctx.actor.instansiId, addressees: { some: { pegawaiId: ctx.actor.id } } },
    include: { author: true, tim: true, penugasan: true, instansi: true, attachments: { orderBy: { createdAt: 'asc' } } },
  });
  if (!laporan) throw new Refused('R1', 'laporan.bukanPenerima');
  return laporan;
}

const OUTCOME_KEY = { ACK: 'laporan.diterimaOleh', COMMENT: 'laporan.dikomentariOleh', REVISION: 'laporan.revisiDimintaOleh' } as const;

/**
 * WF-7 T5 / R8: stores the ketua's feedback with the report and delivers it to the official.
 * A revision request reopens the report for editing (until its period closes).
 */
export async function giveFeedback(ctx: FlowContext, laporanId: string, kind: FeedbackKind, note: string | null): Promise<void> {
  const laporan = await requireReportAddressee(ctx, laporanId);
  // One decision per version: a second press (or a second addressee) after acceptance or a
  // revision request records nothing; comments may be added any time.
  if (kind !== 'COMMENT' && laporan.status !== 'SUBMITTED') {
    ctx.reply(text('laporan.sudahDitanggapi'));
    return;
  }
  await ctx.tx.feedback.create({ data: { laporanId, authorId: ctx.actor.id, kind, text: note } });
  const status = kind === 'ACK' ? 'REVIEWED' : kind === 'REVISION' ? 'REVISION_REQUESTED' : laporan.status;
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { status } });
  const hasil = nested(OUTCOME_KEY[kind], { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone), catatan: note ?? '' });
  if (kind !== 'COMMENT') {
    // The decision is shown on the ketua's copy and its buttons go away; a comment keeps them.
    for (const messageId of JSON.parse(laporan.messageIds ?? '[]') as string[]) {
      ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: text('persetujuan.hasil', { permohonan: originalText(laporan), hasil }) });
    }
  }
  // A member hears from the ketua tim; others (an individual task, R2; a team report) from its addressee.
  ctx.notify(laporan.authorId, text('laporan.umpanBalikMasuk', {
    dari: laporan.kind === 'KEMAJUAN_ANGGOTA' ? nested('laporan.dariKetua') : '', subjek: workSubject(laporan), hasil, petunjuk: kind === 'REVISION' ? nested('laporan.petunjukRevisi') : '',
  }));
  ctx.reply(text('laporan.umpanBalikTercatat', { nama: laporan.author.name }));
  ctx.audit({ action: `laporan.umpanBalik.${kind}`, outcome: 'OK', rule: 'R8', subject: `laporan:${laporanId}` });
}

function originalText(laporan: Awaited<ReturnType<typeof requireReportAddressee>>): Param {
  if (laporan.kind === 'DIMINTA') {
    const { topik, jawaban } = RequestedContentSchema.parse(JSON.parse(laporan.content));
    return nested('diminta.jawabanMasuk', { nama: laporan.author.name, status: '', tim: laporan.tim?.name ?? '-', topik, jawaban: jawaban ?? '-' });
  }
  if (laporan.kind === 'TIM') {
    const ringkasan = renderTeamReport(laporan.tim?.name ?? '-', TeamContentSchema.parse(JSON.parse(laporan.content)));
    return nested('laporanTim.masuk', { ketua: laporan.author.name, ringkasan, citation: 'R3' });
  }
  const content = ProgressContentSchema.parse(JSON.parse(laporan.content));
  const period = laporan.periodStart && laporan.periodEnd ? formatPeriod(laporan.periodStart, laporan.periodEnd, laporan.instansi.timeZone) : '-';
  const ringkasan = progressSummary(workSubject(laporan), period, content, laporan.attachments);
  return nested('laporan.masuk', { nama: laporan.author.name, nip: laporan.author.nip, status: '', ringkasan });
}

/** Forwards a report's bukti dukung to its addressee by the platform's file ids. */
export async function forwardEvidence(ctx: FlowContext, laporanId: string): Promise<void> {
  const laporan = await requireReportAddressee(ctx, laporanId);
  if (laporan.attachments.length === 0) {
    ctx.reply(text('laporan.tidakAdaBukti'));
    return;
  }
  laporan.attachments.forEach((file, index) => {
    ctx.reply({ kind: 'attachment', file, caption: { key: 'laporan.buktiKe', params: { ke: index + 1, jumlah: laporan.attachments.length, nama: laporan.author.name } } });
  });
  ctx.audit({ action: 'laporan.lihatBukti', outcome: 'OK', subject: `laporan:${laporanId}` });
}
