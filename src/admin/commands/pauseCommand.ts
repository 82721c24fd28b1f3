import type { Db } from '../../db/createDb';
import { appendAudit } from '../../core/auth/audit';
import type { Output } from './output';

/** `jeda [--tim KODE]` / `lanjutkan [--tim KODE]`: stops or resumes reminders for a team or the whole instansi. */
export async function pauseCommand(db: Db, input: { instansiCode: string; timCode?: string; pause: boolean; now: Date }, out: Output): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: input.instansiCode } });
  if (!instansi) {
    out.error(`Instansi ${input.instansiCode} tidak ditemukan.`);
    return 1;
  }
  const pausedAt = input.pause ? input.now : null;
  if (input.timCode) {
    const tim = await db.timKerja.findUnique({ where: { instansiId_code: { instansiId: instansi.id, code: input.timCode } } });
    if (!tim) {
      out.error(`Tim ${input.timCode} tidak ditemukan.`);
      return 1;
    }
    await db.timKerja.update({ where: { id: tim.id }, data: { remindersPausedAt: pausedAt } });
  } else {
    await db.instansi.update({ where: { id: instansi.id }, data: { remindersPausedAt: pausedAt } });
  }
  await appendAudit(db, [{
    instansiId: instansi.id, at: input.now, actorId: null, platform: 'admin', action: input.pause ? 'admin.jedaPengingat' : 'admin.lanjutkanPengingat',
    outcome: 'OK', subject: input.timCode ? `tim:${input.timCode}` : `instansi:${instansi.code}`,
  }]);
  const scope = input.timCode ? `tim ${input.timCode}` : `seluruh instansi ${instansi.code}`;
  out.line(input.pause ? `Pengingat untuk ${scope} dijeda.` : `Pengingat untuk ${scope} berjalan kembali.`);
  return 0;
}
