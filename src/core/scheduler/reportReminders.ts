import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { nested, type Param } from '../catalog/t';
import { choice, label } from '../messages';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from '../outbox/enqueue';
import { formatDateTime } from '../domain/formatTime';
import { parseCadence, weeklyPeriod } from '../domain/laporan/reportPeriod';

// Product default ladder ([SILENT] in every regulation): the day before, two hours before, one day late.
const LADDER_MS = [-24 * 3600_000, -2 * 3600_000, 24 * 3600_000];
const DONE = new Set(['SUBMITTED', 'REVIEWED']);
export const REPORT_FLOW_ID = 'laporan-kemajuan';

interface Pending {
  tim: string;
  dueAt: Date;
  state: 'BELUM' | 'DRAF' | 'REVISI';
  timeZone: string;
}

/**
 * Reminds each anggota with a report still pending, in one message covering all their teams
 * (issue 7 item 8). The key is the latest rung now due, so a restart or a second process sends
 * each reminder once (the outbox key is unique), and after downtime only the latest rung goes out.
 */
export async function sendDueReportReminders(db: Db, now: Date): Promise<number> {
  const memberships = await db.membership.findMany({
    where: { role: 'ANGGOTA', status: 'ACTIVE', pegawai: { active: true }, tim: { startsOn: { lte: now }, endsOn: { gte: new Date(now.getTime() - 86_400_000) } } },
    include: { tim: { include: { instansi: true } } },
  });
  const byPegawai = new Map<string, Pending[]>();
  for (const m of memberships) {
    const period = weeklyPeriod(now, m.tim.instansi.timeZone, parseCadence(m.tim.reportCadence));
    const report = await db.laporan.findFirst({ where: { authorId: m.pegawaiId, timId: m.timId, kind: 'KEMAJUAN_ANGGOTA', periodStart: period.periodStart } });
    if (report && DONE.has(report.status)) continue;
    const state = !report ? 'BELUM' : report.status === 'REVISION_REQUESTED' ? 'REVISI' : 'DRAF';
    byPegawai.set(m.pegawaiId, [...(byPegawai.get(m.pegawaiId) ?? []), { tim: m.tim.name, dueAt: period.dueAt, state, timeZone: m.tim.instansi.timeZone }]);
  }
  let sent = 0;
  for (const [pegawaiId, pending] of byPegawai) {
    const rung = latestRung(pending, now);
    if (!rung) continue;
    sent += await db.$transaction(async (tx) => {
      const key = `pengingat-laporan:${pegawaiId}:${rung.toISOString()}`;
      if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: key } })) return 0;
      const sections: Param[] = pending.map((p) => nested('laporan.bagianTim', { tim: p.tim, status: nested(`laporan.keadaan.${p.state}`), batas: formatDateTime(p.dueAt, p.timeZone) }));
      const message = choice('pengingat.laporan', [[{
        label: label('pengingat.isiSekarang'), action: 'mulai', scope: 'action', flowId: REPORT_FLOW_ID, allowed: [pegawaiId], style: 'primary',
      }]], { bagian: sections.reduce((a, b) => nested('umum.paragraf', { a, b })) });
      await enqueueSends(tx, [{ id: randomUUID(), idempotencyKey: key, to: { kind: 'pegawai', pegawaiId }, message }],
        { flowId: REPORT_FLOW_ID, step: null, stepTtlMs: ACTION_TOKEN_TTL_MS, actionTtlMs: ACTION_TOKEN_TTL_MS }, now);
      return 1;
    });
  }
  return sent;
}

/** The most recent rung of any pending team that is due by now, if any. */
function latestRung(pending: Pending[], now: Date): Date | null {
  const due = pending.flatMap((p) => LADDER_MS.map((offset) => new Date(p.dueAt.getTime() + offset))).filter((at) => at <= now);
  return due.length === 0 ? null : new Date(Math.max(...due.map((d) => d.getTime())));
}
