import { t } from '../../catalog/t';
import type { ReadContext } from '../../engine/defineFlow';
import type { HomeSection } from '../../messages';
import { formatDate, formatDateTime } from '../formatTime';
import { reportStates } from '../laporan/reportOverview';
import { listMyTeams } from '../tim/myTeams';
import { roleName } from '../pengajuan/roleName';

/**
 * Issue 5 item 3: what a user sees on their home view: their teams, this period's reports (due
 * or late), the approval steps waiting for them and their own requests still under decision.
 */
export async function homeView(ctx: ReadContext): Promise<{ title: string; updated: string; sections: HomeSection[] }> {
  const { locale, timeZone } = ctx.actor;
  const say = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(locale, key, params);
  const reports = (await reportStates(ctx)).map((entry) => say(entry.late ? 'beranda.laporanTerlambat' : 'beranda.laporanBaris', {
    tim: `${entry.name}${entry.priority}`, status: say(`laporan.keadaan.${entry.state}`), batas: formatDateTime(entry.dueAt, timeZone),
  }));
  const waiting = await ctx.tx.approvalStep.findMany({
    where: { assigneeId: ctx.actor.id, status: 'PENDING' },
    include: { penugasan: { include: { pegawai: true, tim: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const mine = await ctx.tx.approvalStep.findMany({
    // Their own voluntary requests: a designation is not theirs to follow before it is issued to them.
    where: { status: 'PENDING', penugasan: { pegawaiId: ctx.actor.id, mode: 'PENGAJUAN_SUKARELA' } },
    include: { penugasan: { include: { tim: true } }, assignee: true },
    orderBy: { createdAt: 'asc' },
  });
  return {
    title: say('beranda.judul', { nama: ctx.actor.name }),
    updated: say('beranda.diperbarui', { waktu: formatDateTime(ctx.now, timeZone) }),
    sections: [
      { heading: say('beranda.timSaya'), lines: await listMyTeams(ctx), empty: say('beranda.timKosong') },
      { heading: say('beranda.laporan'), lines: reports, empty: say('beranda.laporanKosong') },
      {
        heading: say('beranda.persetujuan'), empty: say('beranda.persetujuanKosong'),
        lines: waiting.map((step) => say('beranda.persetujuanBaris', {
          nomor: step.penugasan.number, nama: step.penugasan.pegawai.name, tim: step.penugasan.tim?.name ?? '-', sejak: formatDate(step.createdAt, timeZone),
        })),
      },
      {
        heading: say('beranda.pengajuan'), empty: say('beranda.pengajuanKosong'),
        lines: mine.map((step) => say('beranda.pengajuanBaris', {
          nomor: step.penugasan.number, tim: step.penugasan.tim?.name ?? '-', peran: roleName(step.performer, locale), nama: step.assignee.name,
        })),
      },
    ],
  };
}
