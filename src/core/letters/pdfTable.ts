import type { LetterAttachment } from './letterDocument';
import { ensureSpace, newPage, setFont, textHeight, textWidth, type Pdf, type TextStyle } from './pdfLayout';

type Table = LetterAttachment['table'];

const CELL_PADDING = 4;
const CELL_FONT: TextStyle = { size: 10 };
const HEADER_FONT: TextStyle = { size: 9, bold: true, align: 'center' };

/** pdfkit measures a word with its trailing space when it decides to break the word itself. */
function longestWord(doc: Pdf, text: string, style: TextStyle): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(doc, `${word} `, style)));
}

function scale(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * total) / sum);
}

/** Fills the columns' wishes by max-min fairness: small wishes in full, the rest in proportion. */
function share(base: number[], wish: number[], budget: number): number[] {
  const widths = [...base];
  let open = wish.map((_, i) => i).filter((i) => wish[i]! > base[i]!);
  let left = budget;
  for (;;) {
    const fair = left / open.length;
    const satisfied = open.filter((i) => wish[i]! - widths[i]! <= fair);
    if (satisfied.length === 0 || open.length === 0) break;
    for (const i of satisfied) {
      left -= wish[i]! - widths[i]!;
      widths[i] = wish[i]!;
    }
    open = open.filter((i) => !satisfied.includes(i));
  }
  const deficit = open.reduce((sum, i) => sum + wish[i]! - widths[i]!, 0);
  for (const i of open) widths[i] = widths[i]! + ((wish[i]! - widths[i]!) * left) / deficit;
  return widths;
}

/**
 * Column widths like a browser's automatic table layout: every column gets at least its longest word,
 * headers stay on one line when the page allows it, short cells stay on one line, long ones wrap.
 */
export function columnWidths(doc: Pdf, table: Table, total: number): number[] {
  const pad = 2 * CELL_PADDING + 1;
  const cells = (index: number) => table.rows.map((row) => row[index] ?? '');
  const minimum = table.columns.map((header, i) => pad + Math.max(longestWord(doc, header, HEADER_FONT),
    ...cells(i).map((cell) => longestWord(doc, cell, CELL_FONT))));
  const headerLine = table.columns.map((header, i) => Math.max(minimum[i]!, pad + textWidth(doc, header, HEADER_FONT)));
  const natural = table.columns.map((_, i) => Math.max(headerLine[i]!,
    ...cells(i).map((cell) => pad + textWidth(doc, cell, CELL_FONT))));
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(natural) <= total) return scale(natural, total);
  const base = sum(headerLine) <= total ? headerLine : minimum;
  if (sum(base) >= total) return scale(base, total);
  return share(base, natural, total - sum(base));
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], style: TextStyle): number {
  const heights = widths.map((w, i) => textHeight(doc, cells[i] ?? '', w - 2 * CELL_PADDING, style));
  return Math.max(...heights) + 2 * CELL_PADDING;
}

function drawRow(doc: Pdf, cells: string[], x: number, widths: number[], style: TextStyle): void {
  const top = doc.y;
  const height = rowHeight(doc, cells, widths, style);
  let cellX = x;
  widths.forEach((w, i) => {
    doc.save().lineWidth(0.6).rect(cellX, top, w, height).stroke().restore();
    setFont(doc, style).text(cells[i] ?? '', cellX + CELL_PADDING, top + CELL_PADDING,
      { width: w - 2 * CELL_PADDING, align: style.align ?? 'left' });
    cellX += w;
  });
  doc.y = top + height;
}

/**
 * A bordered table whose header row is repeated at the top of every page it continues on. The last
 * row keeps `keepWithLast` points below it (the signature), so a signature never stands alone on a page.
 */
export function drawTable(doc: Pdf, table: Table, x: number, width: number, keepWithLast = 0): void {
  const widths = columnWidths(doc, table, width);
  const headerHeight = rowHeight(doc, table.columns, widths, HEADER_FONT);
  const firstRowHeight = table.rows[0] ? rowHeight(doc, table.rows[0], widths, CELL_FONT) : 0;
  const pageRoom = doc.page.maxY() - doc.page.margins.top;
  const keepFirst = table.rows.length === 1 && headerHeight + firstRowHeight + keepWithLast <= pageRoom ? keepWithLast : 0;
  ensureSpace(doc, headerHeight + firstRowHeight + keepFirst);
  drawRow(doc, table.columns, x, widths, HEADER_FONT);
  table.rows.forEach((row, index) => {
    const height = rowHeight(doc, row, widths, CELL_FONT);
    const last = index === table.rows.length - 1 && headerHeight + height + keepWithLast <= pageRoom;
    if (doc.y + height + (last ? keepWithLast : 0) > doc.page.maxY()) {
      // a row never splits across pages; it moves to the next page under a repeated header
      newPage(doc, doc.page.layout === 'landscape' ? 'landscape' : 'portrait');
      drawRow(doc, table.columns, x, widths, HEADER_FONT);
    }
    drawRow(doc, row, x, widths, CELL_FONT);
  });
}
