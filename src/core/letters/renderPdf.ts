import PDFDocument from 'pdfkit';
import type { LetterAttachment, LetterDocument } from './letterDocument';
import { drawBlock, drawTembusan } from './pdfBlocks';
import {
  MARGIN, PARAGRAPH_GAP, contentLeft, contentWidth, drawDoubleRule, drawInline, drawLabelledRows, drawText,
  ensureSpace, lineHeight, newPage, textWidth, toLabelledRow, type Pdf,
} from './pdfLayout';
import { drawSignatures, signaturesHeight } from './pdfSignature';
import { drawTable } from './pdfTable';

/**
 * Lays a letter out as PDF in the Samarinda formats (000-SMD Lamp. BAB III, domain-spec.md §5):
 * A4 portrait with 2.5 cm margins in Times; attachments with more than five columns go landscape.
 */
export async function renderPdf(letter: LetterDocument): Promise<Buffer> {
  const doc: Pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: letter.title ?? letter.header?.hal ?? '', Author: letter.kop?.unit ?? '', Creator: 'timkerja', CreationDate: letter.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  drawKop(doc, letter.kop);
  if (letter.title) drawTitle(doc, letter.title, letter.nomor);
  else drawLetterHeader(doc, letter);
  if (letter.kepada?.length) drawKepada(doc, letter.kepada);
  for (const block of letter.body) drawBlock(doc, block);
  drawSignatures(doc, letter.signature, letter.mengetahui);
  drawTembusan(doc, letter.tembusan);
  for (const attachment of letter.attachments) drawAttachment(doc, attachment);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawKop(doc: Pdf, kop: LetterDocument['kop']): void {
  if (!kop) return;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  drawText(doc, kop.pemerintah.toUpperCase(), left, width, { bold: true, size: 14, align: 'center' });
  drawText(doc, kop.unit.toUpperCase(), left, width, { bold: true, size: 16, align: 'center' });
  if (kop.subUnit) drawText(doc, kop.subUnit.toUpperCase(), left, width, { bold: true, size: 13, align: 'center' });
  for (const line of kop.lines) drawText(doc, line, left, width, { size: 10.5, align: 'center' });
  drawDoubleRule(doc);
}

function drawTitle(doc: Pdf, title: string, nomor: string): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  drawText(doc, title, left, width, { bold: true, underline: true, align: 'center' });
  drawText(doc, `NOMOR : ${nomor}`, left, width, { align: 'center' });
  doc.y += 2 * PARAGRAPH_GAP;
}

/** Formats 1–4: place and date at the right, then Nomor / Sifat / Lampiran / Hal with aligned colons. */
function drawLetterHeader(doc: Pdf, letter: LetterDocument): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  if (letter.tempatTanggal) drawText(doc, letter.tempatTanggal, left, width, { align: 'right' });
  doc.y += PARAGRAPH_GAP;
  const rows = [{ label: 'Nomor', value: letter.nomor }];
  if (letter.header) {
    rows.push({ label: 'Sifat', value: letter.header.sifat }, { label: 'Lampiran', value: letter.header.lampiran },
      { label: 'Hal', value: letter.header.hal });
  }
  drawLabelledRows(doc, rows, left, width * 0.62);
  doc.y += 2 * PARAGRAPH_GAP;
}

function drawKepada(doc: Pdf, kepada: string[]): void {
  const left = contentLeft(doc);
  const indent = textWidth(doc, 'Yth. ');
  const width = contentWidth(doc) * 0.62 - indent;
  ensureSpace(doc, 3 * lineHeight(doc));
  drawInline(doc, 'Yth.', left, doc.y);
  for (const line of kepada) drawText(doc, line, left + indent, width);
  drawText(doc, 'di', left + indent, width);
  drawText(doc, 'Tempat', left + indent + 24, width);
  doc.y += 2 * PARAGRAPH_GAP;
}

/** Each lampiran on its own page: heading at the top right, centred title, the table, the signature. */
function drawAttachment(doc: Pdf, attachment: LetterAttachment): void {
  newPage(doc, attachment.table.columns.length > 5 ? 'landscape' : 'portrait');
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const headingWidth = Math.max(width * 0.45, 260);
  const headingX = left + width - headingWidth;
  const rows = attachment.heading.map(toLabelledRow);
  if (rows.every((row) => row !== null)) drawLabelledRows(doc, rows, headingX, headingWidth, { size: 11 });
  else for (const line of attachment.heading) drawText(doc, line, headingX, headingWidth, { size: 11 });
  doc.y += 2 * PARAGRAPH_GAP;
  drawText(doc, attachment.title, left, width, { bold: true, align: 'center' });
  doc.y += PARAGRAPH_GAP;
  drawTable(doc, attachment.table, left, width, signaturesHeight(doc, attachment.signature));
  drawSignatures(doc, attachment.signature);
}
