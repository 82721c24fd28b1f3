import type { Db } from '../../db/createDb';
import { formatDateTime } from '../../core/domain/formatTime';
import { loadInstansiSchedules } from '../../core/scheduler/instansiSchedules';
import { upcomingPlan } from '../../core/scheduler/upcoming';
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
  const { teams, digest } = await upcomingPlan(db, schedule, now);
  for (const { tim, dueAt, reminders } of teams) {
    const plan = tim.paused ? 'dijeda' : reminders.length ? reminders.map((at) => formatDateTime(at, zone)).join('; ') : 'tidak ada lagi minggu ini';
    out.line(`- ${tim.code} ${tim.name}: batas ${formatDateTime(dueAt, zone)}; pengingat berikutnya: ${plan}`);
  }
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
