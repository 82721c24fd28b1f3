import { z } from 'zod';
import { inChunks } from '../../../db/inChunks';
import type { Tx } from '../../../db/tx';
import type { FlowContext } from '../../engine/defineFlow';
import { text } from '../../messages';
import { nested } from '../../catalog/t';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';

export const JenisCutiSchema = z.enum(['TAHUNAN', 'SAKIT', 'DINAS_LUAR', 'BESAR', 'MELAHIRKAN', 'ALASAN_PENTING', 'LAINNYA']);
export type JenisCuti = z.infer<typeof JenisCutiSchema>;

/** Who of these pegawai is on leave on a date (YYYY-MM-DD, instansi zone), with the kind of leave. */
export async function onLeave(tx: Pick<Tx, 'cuti'>, pegawaiIds: string[], date: string): Promise<Map<string, JenisCuti>> {
  const rows = await inChunks(pegawaiIds, (ids) => tx.cuti.findMany({ where: { pegawaiId: { in: ids }, cancelledAt: null, startsOn: { lte: date }, endsOn: { gte: date } } }));
  return new Map(rows.map((row) => [row.pegawaiId, JenisCutiSchema.catch('LAINNYA').parse(row.kind)]));
}

/**
 * Issue 8 item 4: records leave for a pegawai (themself, or a member of a team the actor leads).
 * The other side is told: the member when their ketua records it, the ketua when the member does.
 */
export async function recordLeave(ctx: FlowContext, input: { pegawaiId: string; kind: JenisCuti; startsOn: string; endsOn: string }): Promise<void> {
  const cuti = await ctx.tx.cuti.create({ data: { ...input, instansiId: ctx.actor.instansiId, recordedById: ctx.actor.id, createdAt: ctx.now } });
  ctx.audit({ action: 'cuti.catat', outcome: 'OK', subject: `pegawai:${input.pegawaiId}`, details: { cutiId: cuti.id, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn } });
  const zone = ctx.actor.timeZone;
  const params = {
    jenis: nested(`cuti.jenis.${input.kind}`), mulai: formatDate(zonedMidnight(input.startsOn, zone), zone), selesai: formatDate(zonedMidnight(input.endsOn, zone), zone),
  };
  if (input.pegawaiId !== ctx.actor.id) ctx.notify(input.pegawaiId, text('cuti.dicatatKetua', { ...params, ketua: ctx.actor.name }));
  // Every ketua of the member's running teams hears of it: their reminders and digests change too.
  const leads = await ctx.tx.membership.findMany({
    where: {
      role: 'KETUA', status: 'ACTIVE', pegawaiId: { not: ctx.actor.id },
      tim: { endsOn: { gte: ctx.now }, memberships: { some: { pegawaiId: input.pegawaiId, status: 'ACTIVE' } } },
    },
    include: { pegawai: true },
  });
  const nama = input.pegawaiId === ctx.actor.id ? ctx.actor.name : (await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: input.pegawaiId } })).name;
  for (const ketuaId of new Set(leads.map((m) => m.pegawaiId))) ctx.notify(ketuaId, text('cuti.diberitahukan', { ...params, nama }));
}

export const LEAVE_BACKDATE_DAYS = 7;
export const LEAVE_MAX_DAYS = 90;

/** A leave may start at most a week back and last at most 90 days (cuti besar is three months). */
export function plausibleLeave(range: { startsOn: string; endsOn: string }, today: string): boolean {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return day(range.startsOn) >= day(today) - LEAVE_BACKDATE_DAYS && day(range.endsOn) - day(range.startsOn) < LEAVE_MAX_DAYS;
}

/**
 * Excused from the late mark: leave covering the due day that was recorded before the due time,
 * or recorded by someone else (the ketua). Leave written by oneself after missing a deadline is not.
 */
export async function excusedOn(tx: Pick<Tx, 'cuti'>, pegawaiId: string, date: string, dueAt: Date): Promise<boolean> {
  const rows = await tx.cuti.findMany({ where: { pegawaiId, cancelledAt: null, startsOn: { lte: date }, endsOn: { gte: date } } });
  return rows.some((row) => row.createdAt <= dueAt || row.recordedById !== pegawaiId);
}

const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

/**
 * Reads "2026-12-01", "1/12/2026", "1 Desember 2026", or two of them joined by "s.d.", "sampai"
 * or " - ". Null when a date is not a real calendar date or the range runs backwards.
 */
export function parseDateRange(input: string): { startsOn: string; endsOn: string } | null {
  const parts = input.trim().toLowerCase().split(/\s*(?:s\.?\s?d\.?|sampai|hingga|\s[-–]\s)\s*/);
  if (parts.length > 2) return null;
  const dates = parts.map(parseDate);
  if (dates.some((d) => d === null)) return null;
  const startsOn = dates[0]!;
  const endsOn = dates[1] ?? startsOn;
  return startsOn <= endsOn ? { startsOn, endsOn } : null;
}

function parseDate(text: string): string | null {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match && (match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!match && (match = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(match[1]), MONTHS.indexOf(match[2]!) + 1, Number(match[3])];
  }
  if (!match || month < 1 || month > 12 || day < 1) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Rejects 31 November and the like: the date must survive a round trip.
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === iso ? iso : null;
}
