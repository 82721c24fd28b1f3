import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type CatalogKey, type Param } from '../../catalog/t';
import { text } from '../../messages';
import { formatDate, formatDateTime } from '../formatTime';
import { loadRequest } from './loadRequest';
import { lockRequest } from './lockRequest';
import { rolePhrase } from './roleName';
import { markDecision } from './stepDecisions';

const SHOWN = 10;

/** The requests that are the actor's: volunteered, asked of another unit (WF-2), or proposed to a Penilai (WF-1). */
const owned = (actorId: string) => [
  { pegawaiId: actorId, mode: 'PENGAJUAN_SUKARELA' }, { assignerId: actorId, workflow: 'WF-2' }, { assignerId: actorId, workflow: 'WF-1', steps: { some: {} } },
];

/** Issue 6 item 7: the actor's voluntary requests, requests for other units' officials and proposals, each with where it stands now. */
export async function myRequests(ctx: FlowContext): Promise<Array<{ id: string; number: number; open: boolean; awaitingDecree: boolean; line: Param }>> {
  const requests = await ctx.tx.penugasan.findMany({
    where: { OR: owned(ctx.actor.id) },
    include: { tim: true, pegawai: true, steps: { orderBy: { position: 'asc' }, include: { assignee: true } } },
    orderBy: { number: 'desc' }, take: SHOWN,
  });
  return requests.map((r) => {
    const state = requestState(r, ctx.actor.timeZone);
    const pending = r.steps.some((s) => s.status === 'PENDING');
    const line = r.mode === 'PENUNJUKAN'
      ? nested(r.workflow === 'WF-1' ? 'pengajuanku.barisUsulan' : 'pengajuanku.barisPelibatan', { nomor: r.number, nama: r.pegawai.name, tim: r.tim?.name ?? '-', keadaan: state })
      : nested('pengajuanku.baris', { nomor: r.number, tim: r.tim?.name ?? '-', keadaan: state });
    return { id: r.id, number: r.number, open: pending, awaitingDecree: r.status === 'AWAITING_SK_TIM', line };
  });
}

type Request = {
  status: string; workflow: string; mode: string; createdAt: Date; pegawai: { name: string };
  steps: Array<{ status: string; performer: string; pendingSince: Date | null; assignee: { name: string } }>;
};

// Statuses that say by themselves where a request stands.
const SETTLED: Record<string, CatalogKey> = {
  WITHDRAWN: 'pengajuanku.ditarik', ACTIVE: 'pengajuanku.berjalan', ENDED: 'pengajuanku.berakhir', CANCELLED: 'pengajuanku.dibatalkan', OBJECTED: 'pengajuanku.keberatan',
};

/** Where one request stands: the step and official it waits for, or how it ended. */
export function requestState(r: Request, zone: string): Param {
  const pending = r.steps.find((s) => s.status === 'PENDING');
  if (pending) return nested('pengajuanku.menunggu', { peran: rolePhrase(pending.performer), nama: pending.assignee.name, sejak: formatDate(pending.pendingSince ?? r.createdAt, zone) });
  if (SETTLED[r.status]) return nested(SETTLED[r.status]!);
  if (r.steps.some((s) => s.status === 'REJECTED')) return nested('pengajuanku.ditolak');
  if (r.mode === 'PENUNJUKAN') return nested(r.status === 'AWAITING_SK_TIM' ? 'pengajuanku.menungguSk' : 'pengajuanku.menungguPegawai', { nama: r.pegawai.name });
  return nested('pengajuanku.disetujui');
}

/**
 * The applicant withdraws a request before its last decision: the waiting steps are closed, the
 * approver's message says so (no button left to press), and the approver is told.
 */
export async function withdrawRequest(ctx: FlowContext, penugasanId: string): Promise<void> {
  const mine = await ctx.tx.penugasan.findFirst({ where: { id: penugasanId, OR: owned(ctx.actor.id) } });
  if (!mine) throw new Refused('C7', 'pengajuan.bukanPemohon');
  await lockRequest(ctx.tx, penugasanId, ctx.now);
  const request = await loadRequest(ctx.tx, penugasanId);
  // Steps decided together (Magelang) may both be open.
  const pending = request.steps.filter((s) => s.status === 'PENDING');
  if (pending.length === 0) {
    ctx.reply(text('pengajuanku.tidakDapatDitarik', { nomor: request.number }));
    return;
  }
  await ctx.tx.approvalStep.updateMany({ where: { penugasanId, status: { in: ['PENDING', 'WAITING'] } }, data: { status: 'SKIPPED' } });
  await ctx.tx.penugasan.update({ where: { id: penugasanId }, data: { status: 'WITHDRAWN' } });
  for (const open of pending) {
    markDecision(ctx, request, open.id, nested('pengajuanku.ditarikOleh', { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone) }));
    ctx.notify(open.assigneeId, text('pengajuanku.ditarikPemberitahuan', { nomor: request.number, nama: ctx.actor.name, tim: request.tim?.name ?? '-' }));
  }
  // A unit nominated this official for the head who now withdraws: whoever nominated them hears it too.
  const nominator = request.permintaanId ? request.steps[0]?.decidedById : null;
  if (nominator) ctx.notify(nominator, text('permintaan.nomineeDitarik', { nomor: request.number, pegawai: request.pegawai.name, nama: ctx.actor.name }));
  ctx.audit({ action: 'pengajuan.tarik', outcome: 'OK', subject: `penugasan:${penugasanId}` });
  ctx.reply(text('pengajuanku.ditarikTercatat', { nomor: request.number }));
}
