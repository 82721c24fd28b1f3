import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';

/** How an export names one bukti dukung so that a reader can ask the bot for it again. */
export function evidenceReference(attachmentId: string, fileName: string | null, telegramBot?: string): string {
  // A Telegram deep link opens the chat and sends /start bukti_<id>; elsewhere the command is typed.
  const where = telegramBot ? `https://t.me/${telegramBot}?start=bukti_${attachmentId}` : `/bukti ${attachmentId}`;
  return `${fileName ?? 'foto'} <${where}>`;
}

/**
 * `/bukti <kode>`: sends one bukti dukung to whoever may read its report (R1: the author and the
 * report's addressees), on their own platform; anyone else is refused.
 */
export async function sendEvidenceByCode(ctx: FlowContext, code: string): Promise<void> {
  const attachment = await ctx.tx.laporanAttachment.findFirst({
    where: {
      id: code.trim(),
      // Both sides name the actor, not the instansi: a member from another government (WF-3) reads their own evidence.
      laporan: { OR: [{ authorId: ctx.actor.id }, { addressees: { some: { pegawaiId: ctx.actor.id } } }] },
    },
    include: { laporan: { include: { author: true } } },
  });
  if (!attachment) throw new Refused('R1', 'laporan.buktiTidakDitemukan');
  ctx.reply({ kind: 'attachment', file: attachment, caption: { key: 'laporan.buktiDari', params: { nama: attachment.laporan.author.name } } });
  ctx.audit({ action: 'laporan.lihatBukti', outcome: 'OK', subject: `laporan:${attachment.laporanId}`, details: { attachmentId: attachment.id } });
}
