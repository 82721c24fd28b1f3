import type { FlowContext } from '../../engine/defineFlow';
import { nested, t, type Param } from '../../catalog/t';
import { choice, label, text, type Button } from '../../messages';
import { formatDateTime, formatPeriod } from '../formatTime';
import { editableReport, type ProgressContent } from './progressReport';
import { individualReportRecipients } from './individualReportRecipients';
import { excusedOn } from '../cuti/leave';
import { zonedDate } from '../zonedTime';
import { workSubject } from '../workSubject';

export const FEEDBACK_FLOW_ID = 'umpan-balik';

/** The report as its reader sees it (author, ketua, later the team report). */
export function progressSummary(subjek: Param, period: string, content: ProgressContent, attachments: Array<{ fileName: string | null }>, locale = 'id'): string {
  const capaian = content.capaian.map((c) => `- ${c.indikator}: ${c.nilai} ${c.satuan}${c.target !== null ? ` dari ${c.target}` : ''}`).join('\n');
  return t(locale, 'laporan.ringkasan', {
    subjek, periode: period, capaian, kegiatan: content.kegiatan ?? '-', output: content.output || '-', bukti: attachments.length,
    // Issue 4: the evidence is listed in the report, by file name or as a numbered photo.
    daftarBukti: attachments.length ? ` (${attachments.map((a, i) => a.fileName ?? t(locale, 'laporan.fotoKe', { n: i + 1 })).join(', ')})` : '',
    kendala: content.kendala ?? t(locale, 'laporan.tidakAdaKendala'), rencana: content.rencana ?? '-',
  });
}

/**
 * WF-7 T3 (R1): an anggota's report goes to the ketua tim only; a team without a ketua falls back
 * to the owner unit's head ([SILENT], SMD "dapat dipimpin"). An individual task's report goes
 * straight to whom the profile names (R2). Resubmitting within the period replaces the earlier
 * version and tells the addressees so. Late is judged against the due time.
 */
export async function submitProgressReport(ctx: FlowContext, laporanId: string) {
  const { laporan, content } = await editableReport(ctx, laporanId);
  const addressees = await addresseesOf(ctx, laporan);
  if (addressees.length === 0) throw new Error(`report ${laporanId} has nobody to go to`);
  const resubmitted = laporan.status !== 'DRAFT';
  // Issue 8 item 4: whoever was on leave on the due day is not counted late.
  const late = !!laporan.dueAt && ctx.now > laporan.dueAt
    && !(await excusedOn(ctx.tx, ctx.actor.id, zonedDate(laporan.dueAt, ctx.actor.timeZone), laporan.dueAt));
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { status: 'SUBMITTED', submittedAt: ctx.now, late } });
  await ctx.tx.laporanAddressee.deleteMany({ where: { laporanId } });
  await ctx.tx.laporanAddressee.createMany({ data: addressees.map((a) => ({ laporanId, pegawaiId: a.pegawaiId, capacity: a.capacity })) });

  const subjek = workSubject(laporan);
  const period = formatPeriod(laporan.periodStart!, laporan.periodEnd!, laporan.instansi.timeZone);
  const ringkasan = progressSummary(subjek, period, content, laporan.attachments);
  const status = late ? nested('laporan.statusTerlambat') : resubmitted ? nested('laporan.statusDiperbarui') : '';
  // The addressees' copies of the earlier version lose their buttons: feedback belongs to the latest one.
  for (const oldId of JSON.parse(laporan.messageIds ?? '[]') as string[]) {
    ctx.reply({ kind: 'edit', targetMessageId: oldId, replacement: text('laporan.versiLama', { nama: ctx.actor.name, subjek }) });
  }
  const messageIds = addressees.map((a) => ctx.notify(a.pegawaiId, choice('laporan.masuk', feedbackButtons(laporanId, laporan.attachments.length), { nama: ctx.actor.name, nip: ctx.actor.nip, status, ringkasan })));
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { messageIds: JSON.stringify(messageIds) } });
  ctx.audit({ action: resubmitted ? 'laporan.kirimUlang' : 'laporan.kirim', outcome: 'OK', rule: laporan.timId ? 'R1' : addressees[0]!.rule, subject: `laporan:${laporanId}`, details: { late } });
  ctx.reply(text('laporan.terkirim', {
    subjek, penerima: addressees.map((a) => a.name).join(', '),
    terlambat: late ? t(ctx.actor.locale, 'laporan.terlambat', { batas: formatDateTime(laporan.dueAt!, ctx.actor.timeZone) }) : '',
  }));
}

type Report = Awaited<ReturnType<typeof editableReport>>['laporan'];
interface Addressee { pegawaiId: string; name: string; capacity: string; rule: string }

async function addresseesOf(ctx: FlowContext, laporan: Report): Promise<Addressee[]> {
  if (laporan.penugasan) {
    const author = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ctx.actor.id }, include: { homeUnit: true } });
    const recipients = await individualReportRecipients(ctx.tx, ctx.actor.policyProfile, author, laporan.penugasan.ownerUnit.headId);
    return recipients.map((r) => ({ pegawaiId: r.pegawaiId, name: r.name, capacity: r.capacity, rule: r.citation }));
  }
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: laporan.timId! }, include: { ownerUnit: true, memberships: { where: { role: 'KETUA', status: 'ACTIVE' } } } });
  const ketuaId = tim.memberships[0]?.pegawaiId;
  const addresseeId = ketuaId ?? tim.ownerUnit.headId;
  if (!addresseeId) return [];
  const addressee = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: addresseeId } });
  return [{ pegawaiId: addresseeId, name: addressee.name, capacity: ketuaId ? 'KETUA_TIM' : 'PEMILIK_KINERJA', rule: 'R1' }];
}

export function feedbackButtons(laporanId: string, attachments: number): Button[][] {
  const action = (key: 'laporan.terima' | 'laporan.komentari' | 'laporan.mintaRevisi', name: string, style?: 'primary' | 'danger'): Button =>
    ({ label: label(key), action: name, args: { laporanId }, scope: 'action', flowId: FEEDBACK_FLOW_ID, ...(style ? { style } : {}) });
  const rows: Button[][] = [[action('laporan.terima', 'terima', 'primary'), action('laporan.komentari', 'komentar'), action('laporan.mintaRevisi', 'revisi', 'danger')]];
  if (attachments > 0) rows.push([{ label: label('laporan.lihatBukti', { jumlah: attachments }), action: 'bukti', args: { laporanId }, scope: 'action', flowId: FEEDBACK_FLOW_ID }]);
  return rows;
}
