// Issue 6 item 8: letters stay retrievable; each recipient can fetch a PDF, or a DOCX to edit before signing.
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { joinParams, nested } from '../src/core/catalog/t';
import { renderLetter } from '../src/core/letters/renderLetter';
import { fileBase, letterCaption, storedDocument, TANPA_NOMOR, type SuratKind } from '../src/core/domain/surat/issueLetter';
import { formatDate, formatDateTime } from '../src/core/domain/formatTime';
import { zonedDate } from '../src/core/domain/zonedTime';
import { letterFor, lettersOf } from '../src/core/domain/surat/lettersOf';

const StateSchema = z.object({ step: z.literal('NONE') });
const SHOWN = 10;

export const surat = defineFlow<z.infer<typeof StateSchema>>({
  id: 'surat',
  version: 1,
  command: 'surat',
  descriptionKey: 'surat.perintah',
  state: StateSchema,
  async start(ctx) {
    return listLetters(ctx, 0);
  },
  steps: { NONE: {} },
  actions: {
    async lebihLama(ctx, args) {
      return listLetters(ctx, Math.max(0, Number(args.mulai) || 0));
    },
    async unduh(ctx, args) {
      const letter = await letterFor(ctx, args.suratId ?? '');
      const file = await renderLetter(storedDocument(letter.document), args.format === 'docx' ? 'docx' : 'pdf', fileBase(letter.kind as SuratKind, letter.nomor, zonedDate(letter.issuedAt, ctx.actor.timeZone)));
      ctx.reply({
        kind: 'document', fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.content.toString('base64'), caption: letterCaption(letter.kind as SuratKind, letter.nomor),
      });
    },
  },
});

/** `SHOWN` letters from `offset`, newest first, each with its PDF and DOCX buttons, and a button for older ones. */
async function listLetters(ctx: FlowContext, offset: number) {
  const { letters, older } = await lettersOf(ctx, SHOWN, offset);
  if (letters.length === 0) {
    ctx.reply(text(offset === 0 ? 'surat.tidakAda' : 'surat.tidakAdaLagi'));
    return { end: true } as const;
  }
  const mine = { scope: 'action' as const, allowed: [ctx.actor.id] };
  const zone = ctx.actor.timeZone;
  const lines = letters.map((s) => (s.nomor === TANPA_NOMOR
    ? nested('surat.barisTanpaNomor', { jenis: nested(`surat.jenis.${s.kind as SuratKind}`), tanggal: formatDate(s.issuedAt, zone) })
    : nested('surat.baris', { jenis: nested(`surat.jenis.${s.kind as SuratKind}`), nomor: s.nomor, tanggal: formatDate(s.issuedAt, zone) })));
  // An unnumbered letter is told apart by its date.
  const reference = (s: (typeof letters)[number]) => (s.nomor === TANPA_NOMOR ? formatDateTime(s.issuedAt, zone) : s.nomor);
  const rows = letters.map((s) => (['pdf', 'docx'] as const).map((format) => ({
    label: label('surat.tombol', { format: format.toUpperCase(), nomor: reference(s) }), action: 'unduh', args: { suratId: s.id, format }, ...mine,
  })));
  const more = older ? [[{ label: label('surat.lebihLama'), action: 'lebihLama', args: { mulai: String(offset + SHOWN) }, ...mine }]] : [];
  ctx.reply(choice('surat.daftar', [...rows, ...more], { daftar: joinParams(lines) }));
  return { end: true } as const;
}
