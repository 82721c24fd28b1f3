import type { LetterBlock } from './letterDocument';
import { isMarked, listMarker } from './listMarker';
import {
  COLON_WIDTH, PARAGRAPH_GAP, contentLeft, contentWidth, drawInline, drawLabelledRows, drawText, ensureSpace,
  lineHeight, setFont, textHeight, type Pdf,
} from './pdfLayout';

/** Width of the "Dasar", "Menimbang", "Untuk" column, so consecutive lists share one colon column. */
const LIST_LABEL_WIDTH = 78;
const MARKER_WIDTH = 22;
const FIELDS_INDENT = 24;

export function drawBlock(doc: Pdf, block: LetterBlock): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'paragraph':
      drawText(doc, block.text, left, width, { align: 'justify' });
      break;
    case 'heading':
      doc.y += PARAGRAPH_GAP;
      drawText(doc, block.text, left, width, { bold: true, align: 'center' });
      break;
    case 'fields':
      drawLabelledRows(doc, block.fields, left + FIELDS_INDENT, width - FIELDS_INDENT);
      break;
    case 'list':
      drawList(doc, block, left, width);
      break;
  }
  doc.y += PARAGRAPH_GAP;
}

function drawList(doc: Pdf, list: Extract<LetterBlock, { kind: 'list' }>, left: number, width: number): void {
  const itemsX = list.label === undefined ? left : left + LIST_LABEL_WIDTH + COLON_WIDTH;
  const marked = isMarked(list);
  list.items.forEach((item, index) => {
    // the marker and the first line of its item must land on the same page
    ensureSpace(doc, lineHeight(doc));
    const y = doc.y;
    if (index === 0 && list.label !== undefined) {
      drawInline(doc, list.label, left, y);
      drawInline(doc, ':', left + LIST_LABEL_WIDTH, y);
    }
    const textX = marked ? itemsX + MARKER_WIDTH : itemsX;
    if (marked) drawInline(doc, listMarker(list.style, index), itemsX, y);
    setFont(doc).text(item, textX, y, { width: left + width - textX, align: 'justify' });
    if (index < list.items.length - 1) doc.y += 2;
  });
}

/** "Tembusan :" and its numbered list, kept together with at least its first item. */
export function drawTembusan(doc: Pdf, tembusan: string[]): void {
  if (tembusan.length === 0) return;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  doc.y += 2 * PARAGRAPH_GAP;
  // a short tembusan stays in one piece; a list longer than a page keeps at least its first item
  const height = tembusan.reduce((sum, line) => sum + textHeight(doc, line, width - MARKER_WIDTH), lineHeight(doc));
  ensureSpace(doc, Math.min(height, doc.page.maxY() - doc.page.margins.top));
  drawText(doc, 'Tembusan :', left, width);
  tembusan.forEach((line, index) => {
    ensureSpace(doc, lineHeight(doc));
    const y = doc.y;
    drawInline(doc, listMarker('number', index), left, y);
    setFont(doc).text(line, left + MARKER_WIDTH, y, { width: width - MARKER_WIDTH });
  });
}
