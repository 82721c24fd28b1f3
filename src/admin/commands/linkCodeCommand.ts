import { writeFileSync } from 'node:fs';
import type { Db } from '../../db/createDb';
import { appendAudit } from '../../core/auth/audit';
import { issueLinkCode } from '../../core/auth/linkCodes';
import type { Output } from './output';

export interface LinkCodeOptions {
  instansiCode: string;
  nip?: string;
  csvFile?: string;
  ttlMs: number;
  telegramBotUsername?: string;
  now: Date;
}

/** `link-code <nip>` for one pegawai, or `link-codes --csv <berkas>` for every active pegawai. */
export async function linkCodeCommand(db: Db, options: LinkCodeOptions, out: Output): Promise<number> {
  const instansi = await db.instansi.findUnique({ where: { code: options.instansiCode } });
  if (!instansi) {
    out.error(`Instansi ${options.instansiCode} tidak ditemukan.`);
    return 1;
  }
  const people = await db.pegawai.findMany({
    where: { instansiId: instansi.id, active: true, ...(options.nip ? { nip: options.nip } : {}) }, orderBy: { nip: 'asc' },
  });
  if (people.length === 0) {
    out.error(options.nip ? `Pegawai dengan NIP ${options.nip} tidak ditemukan di ${instansi.code}.` : 'Tidak ada pegawai aktif.');
    return 1;
  }
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  const rows = await db.$transaction(async (tx) => {
    const issued: string[][] = [];
    for (const p of people) {
      const code = await issueLinkCode(tx, p.id, instansi.id, expiresAt);
      const link = options.telegramBotUsername ? `https://t.me/${options.telegramBotUsername}?start=${code}` : '';
      issued.push([p.nip, p.name, code, link, `/timkerja hubungkan ${code}`, expiresAt.toISOString()]);
    }
    await appendAudit(tx, [{
      instansiId: instansi.id, at: options.now, actorId: null, platform: 'admin', action: 'admin.kodePenghubung', outcome: 'OK',
      details: { count: people.length, nip: options.nip ?? null },
    }]);
    return issued;
  });
  if (options.csvFile) {
    const csv = [['nip', 'nama', 'kode', 'tautanTelegram', 'perintahSlack', 'berlakuSampai'], ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
    writeFileSync(options.csvFile, `${csv}\n`, { mode: 0o600 });
    out.line(`${rows.length} kode penghubung ditulis ke ${options.csvFile} (berlaku sampai ${expiresAt.toISOString()}). Bagikan kepada masing-masing pegawai secara pribadi.`);
    return 0;
  }
  for (const [nip, nama, code, link] of rows) {
    out.line(`${nama} (NIP ${nip}): kode ${code}, berlaku sampai ${expiresAt.toISOString()}`);
    out.line(`  Telegram: ${link || `kirim /start ${code} ke bot`}; Slack: /timkerja hubungkan ${code}`);
  }
  return 0;
}

function csvCell(value: string | undefined): string {
  const text = value ?? '';
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
