import type PDFDocument from 'pdfkit';

/** Shared measures and drawing primitives of the PDF letters (A4, 2.5 cm margins, Times). */
export type Pdf = InstanceType<typeof PDFDocument>;

export const CM = 72 / 2.54;
export const MARGIN = 2.5 * CM;
export const REGULAR = 'Times-Roman';
export const BOLD = 'Times-Bold';
export const BODY_SIZE = 12;
export const PARAGRAPH_GAP = 6;

export interface TextStyle {
  bold?: boolean;
  size?: number;
  underline?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
}

export function contentLeft(doc: Pdf): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function setFont(doc: Pdf, style: TextStyle = {}): Pdf {
  return doc.font(style.bold ? BOLD : REGULAR).fontSize(style.size ?? BODY_SIZE);
}

/** Starts a new page in the current orientation when `height` does not fit below doc.y. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.maxY()) newPage(doc, doc.page.layout === 'landscape' ? 'landscape' : 'portrait');
}

export function newPage(doc: Pdf, layout: 'portrait' | 'landscape'): void {
  doc.addPage({ size: 'A4', layout, margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
}

export function lineHeight(doc: Pdf, style: TextStyle = {}): number {
  return setFont(doc, style).currentLineHeight(true);
}

export function textHeight(doc: Pdf, text: string, width: number, style: TextStyle = {}): number {
  return setFont(doc, style).heightOfString(text, { width, align: style.align });
}

export function textWidth(doc: Pdf, text: string, style: TextStyle = {}): number {
  return setFont(doc, style).widthOfString(text);
}

/**
 * Draws wrapped text at (x, doc.y) and leaves doc.y below it. Long text flows onto the next page
 * by itself (pdfkit continues in the same column on a page of the same layout).
 */
export function drawText(doc: Pdf, text: string, x: number, width: number, style: TextStyle = {}): void {
  ensureSpace(doc, lineHeight(doc, style));
  setFont(doc, style).text(text, x, doc.y, { width, align: style.align ?? 'left', underline: style.underline });
}

/** One line that never wraps, drawn at (x, y) without moving doc.y. */
export function drawInline(doc: Pdf, text: string, x: number, y: number, style: TextStyle = {}): void {
  setFont(doc, style).text(text, x, y, { lineBreak: false, underline: style.underline });
}

export interface LabelledRow {
  label: string;
  value: string;
}

/** Splits "Ditetapkan di : Samarinda" into a row whose colon can be aligned with its neighbours. */
export function toLabelledRow(line: string): LabelledRow | null {
  const at = line.indexOf(' : ');
  return at > 0 ? { label: line.slice(0, at), value: line.slice(at + 3) } : null;
}

export function labelColumnWidth(doc: Pdf, labels: string[], style: TextStyle = {}): number {
  return Math.max(0, ...labels.map((label) => textWidth(doc, label, style))) + 6;
}

export const COLON_WIDTH = 12;

/** "Label : value" rows with the colons under each other and the value wrapping under itself. */
export function drawLabelledRows(
  doc: Pdf, rows: LabelledRow[], x: number, width: number, style: TextStyle = {}, labelWidth?: number,
): void {
  const labelsWidth = labelWidth ?? labelColumnWidth(doc, rows.map((row) => row.label), style);
  const valueX = x + labelsWidth + COLON_WIDTH;
  for (const row of rows) {
    ensureSpace(doc, lineHeight(doc, style));
    const y = doc.y;
    drawInline(doc, row.label, x, y, style);
    drawInline(doc, ':', x + labelsWidth, y, style);
    setFont(doc, style).text(row.value, valueX, y, { width: x + width - valueX, align: style.align ?? 'left' });
  }
}

export function labelledRowsHeight(
  doc: Pdf, rows: LabelledRow[], width: number, style: TextStyle = {}, labelWidth?: number,
): number {
  const labelsWidth = labelWidth ?? labelColumnWidth(doc, rows.map((row) => row.label), style);
  const valueWidth = width - labelsWidth - COLON_WIDTH;
  return rows.reduce((sum, row) => sum + textHeight(doc, row.value, valueWidth, style), 0);
}

/** A double rule under the kop: a thick line and a thin one, as printed on official letterheads. */
export function drawDoubleRule(doc: Pdf): void {
  const left = contentLeft(doc);
  const right = left + contentWidth(doc);
  const y = doc.y + 4;
  doc.save().lineWidth(2.2).moveTo(left, y).lineTo(right, y).stroke();
  doc.lineWidth(0.8).moveTo(left, y + 3.5).lineTo(right, y + 3.5).stroke().restore();
  doc.y = y + 16;
}
