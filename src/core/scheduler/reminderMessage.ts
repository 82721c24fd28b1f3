import { nested, type Param } from '../catalog/t';
import { choice, label, type CoreMessage } from '../messages';
import { formatDateTime } from '../domain/formatTime';
import type { PendingReport } from './pendingReports';

export const REPORT_FLOW_ID = 'laporan-kemajuan';
export const SNOOZE_FLOW_ID = 'pengingat';

/** One reminder for all of a pegawai's pending reports, with "fill in now" and the two snoozes. */
export function reminderMessage(pegawaiId: string, pending: PendingReport[]): CoreMessage {
  const sections: Param[] = pending.map((p) => nested('laporan.bagianTim', { tim: p.tim, status: nested(`laporan.keadaan.${p.state}`), batas: formatDateTime(p.dueAt, p.timeZone) }));
  const mine = { scope: 'action' as const, allowed: [pegawaiId] };
  return choice('pengingat.laporan', [
    [{ label: label('pengingat.isiSekarang'), action: 'mulai', flowId: REPORT_FLOW_ID, style: 'primary', ...mine }],
    [
      { label: label('pengingat.tundaSejam'), action: 'tunda', args: { sampai: 'SEJAM' }, flowId: SNOOZE_FLOW_ID, ...mine },
      { label: label('pengingat.tundaBesok'), action: 'tunda', args: { sampai: 'BESOK' }, flowId: SNOOZE_FLOW_ID, ...mine },
    ],
  ], { bagian: sections.reduce((a, b) => nested('umum.paragraf', { a, b })) });
}
