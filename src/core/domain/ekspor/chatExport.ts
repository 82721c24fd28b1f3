import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { label, type Button } from '../../messages';
import { zonedDate, zonedMidnight } from '../zonedTime';
import { toCsv, toXlsx } from './exportFiles';
import { exportRows } from './exportRows';

export type ExportRange = 'BULAN_INI' | 'BULAN_LALU' | 'TAHUN_INI';

/** Teams whose reports the actor may export: as their ketua, or as head of the owner unit. */
export async function exportableTeams(ctx: FlowContext) {
  return ctx.tx.timKerja.findMany({
    where: {
      instansiId: ctx.actor.instansiId,
      OR: [{ memberships: { some: { pegawaiId: ctx.actor.id, role: 'KETUA', status: 'ACTIVE' } } }, { ownerUnit: { headId: ctx.actor.id } }],
    },
    orderBy: { name: 'asc' },
  });
}

export function rangeButtons(timId: string): Button[][] {
  const range = (key: 'ekspor.bulanIni' | 'ekspor.bulanLalu' | 'ekspor.tahunIni', value: ExportRange) => ({ label: label(key), action: 'rentang', args: { timId, rentang: value } });
  return [[range('ekspor.bulanIni', 'BULAN_INI'), range('ekspor.bulanLalu', 'BULAN_LALU'), range('ekspor.tahunIni', 'TAHUN_INI')]];
}

function bounds(now: Date, timeZone: string, range: ExportRange): { from: Date; to: Date; label: string } {
  const [year, month] = zonedDate(now, timeZone).split('-').map(Number) as [number, number];
  const first = (y: number, m: number) => zonedMidnight(`${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12 + 12) % 12 + 1).padStart(2, '0')}-01`, timeZone);
  if (range === 'TAHUN_INI') return { from: first(year, 1), to: first(year + 1, 1), label: `${year}` };
  const start = range === 'BULAN_INI' ? month : month - 1;
  return { from: first(year, start), to: first(year, start + 1), label: zonedDate(first(year, start), timeZone).slice(0, 7) };
}

/** Issue 7 item 9: the team's reports of a range, as an XLSX or CSV document in the chat. */
export async function exportTeamReports(ctx: FlowContext, timId: string, range: ExportRange, format: 'xlsx' | 'csv'): Promise<number> {
  const tim = (await exportableTeams(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('EKSPOR', 'ekspor.bukanWewenang');
  const { from, to, label: period } = bounds(ctx.now, ctx.actor.timeZone, range);
  const rows = await exportRows(ctx.tx, { instansiId: ctx.actor.instansiId, from, to, timIds: [timId], readerId: ctx.actor.id }, ctx.actor.timeZone, ctx.settings.telegramBotUsername);
  const content = format === 'xlsx' ? await toXlsx(rows) : toCsv(rows);
  ctx.reply({
    kind: 'document', fileName: `laporan-${tim.code}-${period}.${format}`, contentBase64: content.toString('base64'),
    mimeType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    caption: { key: 'ekspor.keterangan', params: { tim: tim.name, periode: period, baris: rows.length } },
  });
  ctx.audit({ action: 'laporan.ekspor', outcome: 'OK', subject: `tim:${timId}`, details: { range, format, rows: rows.length } });
  return rows.length;
}
