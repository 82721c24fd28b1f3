import type { LetterDocument, RenderedLetter } from './letterDocument';
import { renderDocx } from './renderDocx';
import { renderPdf } from './renderPdf';

const MIME_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Renders a letter as PDF (to sign and send) or DOCX (to edit first), named `${baseName}.${format}`. */
export async function renderLetter(letter: LetterDocument, format: 'pdf' | 'docx', baseName: string): Promise<RenderedLetter> {
  // the name ends up in a chat upload and on disk: keep it to portable characters whatever the caller passed
  const safeName = baseName.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'surat';
  const content = format === 'pdf' ? await renderPdf(letter) : await renderDocx(letter);
  return { fileName: `${safeName}.${format}`, mimeType: MIME_TYPES[format], content };
}
