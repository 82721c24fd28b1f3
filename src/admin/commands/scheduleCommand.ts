import type { Db } from '../../db/createDb';
import { moveToWorkingTime } from '../../core/calendar/workCalendar';
import { formatDateTime } from '../../core/domain/formatTime';
import { parseCadence, weeklyPeriod } from '../../core/domain/laporan/reportPeriod';
import { loadInstansiSchedules } from '../../core/scheduler/instansiSchedules';
import type { Output } from './output';

const SCHEDULED_KEYS = ['pengingat-', 'tunda:', 'ringkasan-', 'kalender:'];

/** `jadwal`: what the scheduler will send next, per team and for the digest, and what it sent last. */
export async function scheduleCommand(db: Db, instansiCode: string, now: Date, out: Output): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: instansiCode } });
  const schedule = instansi && (await loadInstansiSchedules(db)).get(instansi.id);
  if (!instansi || !schedule) {
    out.error(`Instansi ${instansiCode} tidak ditemukan.`);
    return 1;
  }
  const zone = schedule.timeZone;
  out.line(`Instansi ${instansi.code} (${zone})${schedule.remindersPaused ? ': SEMUA PENGINGAT DIJEDA' : ''}`);
  const teams = await db.timKerja.findMany({ where: { instansiId: instansi.id, endsOn: { gte: now } }, orderBy: { name: 'asc' } });
  for (const tim of teams) {
    const cadence = parseCadence(tim.reportCadence);
    const period = weeklyPeriod(now, zone, cadence);
    const next = cadence.pengingat
      .map((hours) => moveToWorkingTime(new Date(period.dueAt.getTime() + hours * 3_600_000), zone, schedule.calendar))
      .filter((at) => at > now && at < period.periodEnd);
    const plan = tim.remindersPausedAt ? 'dijeda' : next.length ? next.map((at) => formatDateTime(at, zone)).join('; ') : 'tidak ada lagi minggu ini';
    out.line(`- ${tim.code} ${tim.name}: batas ${formatDateTime(period.dueAt, zone)}; pengingat berikutnya: ${plan}`);
  }
  const { hari, jam } = schedule.settings.ringkasan;
  let digest = moveToWorkingTime(weeklyPeriod(now, zone, { hari, jam }).dueAt, zone, schedule.calendar);
  if (digest <= now) digest = moveToWorkingTime(weeklyPeriod(new Date(now.getTime() + 7 * 86_400_000), zone, { hari, jam }).dueAt, zone, schedule.calendar);
  out.line(`Ringkasan mingguan berikutnya: ${formatDateTime(digest, zone)}`);
  const people = new Map((await db.pegawai.findMany({ where: { instansiId: instansi.id } })).map((p) => [p.id, p.name]));
  const recent = [];
  // Newest first, page by page: the instansi's people filter here, not in a (too long) IN list.
  for (let skip = 0; recent.length < 10; skip += 200) {
    const page = await db.outboxMessage.findMany({
      where: { OR: SCHEDULED_KEYS.map((prefix) => ({ idempotencyKey: { startsWith: prefix } })) },
      orderBy: { createdAt: 'desc' }, skip, take: 200,
    });
    recent.push(...page.filter((row) => people.has(row.pegawaiId ?? '')).slice(0, 10 - recent.length));
    if (page.length < 200) break;
  }
  out.line('Terakhir dijadwalkan:');
  for (const row of recent) out.line(`  ${row.createdAt.toISOString()} ${row.status.padEnd(8)} ${row.idempotencyKey.split(':')[0]} → ${people.get(row.pegawaiId ?? '') ?? '-'}`);
  if (recent.length === 0) out.line('  belum ada');
  return 0;
}
