import type { FlowContext } from '../../engine/defineFlow';
import type { LetterDocument } from '../../letters/letterDocument';
import type { Text } from '../../messages';
import { renderLetter } from '../../letters/renderLetter';
import { nextLetterNumber } from '../../letters/letterNumber';
import { readSettings } from '../instansiSettings';
import { zonedDate } from '../zonedTime';
import type { AssignmentDocument } from '../../letters/penugasanLetters';

export type SuratKind = 'PERSETUJUAN' | 'PENOLAKAN' | AssignmentDocument | 'PERMOHONAN_PELIBATAN' | 'JAWABAN_PELIBATAN' | 'SK_TIM_KERJA' | 'REKOMENDASI' | 'PERMOHONAN_INDIVIDU' | 'KEPUTUSAN_TIM'
  | 'PERMOHONAN_LINTAS_INSTANSI' | 'PERMOHONAN_ANTAR_INSTANSI' | 'JAWABAN_ANTAR_INSTANSI';

/** An official's own letter (format 1) has no agenda number: "Nomor : -". */
export const TANPA_NOMOR = '-';

/**
 * Numbers, stores and sends one letter: the PDF goes to each recipient's chat, and every recipient
 * may fetch it again (PDF or DOCX) with /surat. The stored document renders the same file later.
 * An unnumbered letter (an official's own request) takes no number of the instansi's agenda.
 */
export async function issueLetter(
  ctx: FlowContext,
  input: { kind: SuratKind; penugasanId: string | null; unitCode: string; build: (nomor: string) => LetterDocument; sendTo: string[]; readers: string[]; numbered?: boolean },
): Promise<{ id: string; nomor: string }> {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const year = Number(zonedDate(ctx.now, ctx.actor.timeZone).slice(0, 4));
  const { nomor, urutan } = input.numbered === false
    ? { nomor: TANPA_NOMOR, urutan: null }
    : await nextLetterNumber(ctx.tx, { instansiId: instansi.id, scheme: readSettings(instansi.settings).nomorSurat, unitCode: input.unitCode, year });
  const document = input.build(nomor);
  const readers = [...new Set([...input.sendTo, ...input.readers])];
  const surat = await ctx.tx.surat.create({
    data: {
      instansiId: instansi.id, penugasanId: input.penugasanId, kind: input.kind, nomor, tahun: year, urutan, issuedAt: ctx.now,
      document: JSON.stringify(document), recipients: JSON.stringify(readers),
    },
  });
  const pdf = await renderLetter(document, 'pdf', fileBase(input.kind, nomor, zonedDate(ctx.now, ctx.actor.timeZone)));
  for (const pegawaiId of new Set(input.sendTo)) {
    ctx.notify(pegawaiId, { kind: 'document', fileName: pdf.fileName, mimeType: pdf.mimeType, contentBase64: pdf.content.toString('base64'), caption: letterCaption(input.kind, nomor) });
  }
  ctx.audit({ action: 'surat.terbit', outcome: 'OK', subject: `surat:${surat.id}`, details: { kind: input.kind, nomor, penugasanId: input.penugasanId } });
  return { id: surat.id, nomor };
}

/** The file's name: by the letter's number, or for an unnumbered letter by its date (TTTT-BB-HH). */
export function fileBase(kind: SuratKind, nomor: string, issuedOn: string): string {
  const reference = nomor === TANPA_NOMOR ? issuedOn : nomor;
  return `${kind.toLowerCase().replaceAll('_', '-')}-${reference.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function letterCaption(kind: SuratKind, nomor: string): Text {
  const jenis = { key: `surat.jenis.${kind}` as const };
  return nomor === TANPA_NOMOR ? { key: 'surat.terbitTanpaNomor', params: { jenis } } : { key: 'surat.terbit', params: { jenis, nomor } };
}

/** A stored letter back as a LetterDocument (its dates were stored as ISO strings). */
export function storedDocument(json: string): LetterDocument {
  const document = JSON.parse(json) as LetterDocument & { issuedAt: string };
  return { ...document, issuedAt: new Date(document.issuedAt) };
}
