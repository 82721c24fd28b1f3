import type { LetterSignature } from './letterDocument';
import {
  contentLeft, contentWidth, drawLabelledRows, ensureSpace, labelledRowsHeight, setFont, textHeight, toLabelledRow,
  type LabelledRow, type Pdf, type TextStyle,
} from './pdfLayout';

/** Room left blank for the handwritten signature and the stamp. */
const SIGNATURE_SPACE = 60;

type SignatureRow =
  | { kind: 'text'; text: string; style: TextStyle }
  | { kind: 'labelled'; rows: LabelledRow[] }
  | { kind: 'space'; height: number };

function placeDateRows(lines: string[]): SignatureRow[] {
  const labelled = lines.map(toLabelledRow);
  if (labelled.every((row) => row !== null)) return [{ kind: 'labelled', rows: labelled as LabelledRow[] }];
  return lines.map((text) => ({ kind: 'text', text, style: { align: 'center' } }));
}

function signatureRows(signature: LetterSignature, heading?: string): SignatureRow[] {
  const centred: TextStyle = { align: 'center' };
  return [
    ...(heading ? [{ kind: 'text' as const, text: heading, style: centred }] : []),
    ...placeDateRows(signature.placeDate ?? []),
    ...(signature.atasNama ? [{ kind: 'text' as const, text: signature.atasNama, style: centred }] : []),
    { kind: 'text', text: signature.jabatan, style: centred },
    { kind: 'space', height: SIGNATURE_SPACE },
    { kind: 'text', text: signature.nama, style: { align: 'center', bold: true, underline: true } },
    ...(signature.pangkat ? [{ kind: 'text' as const, text: signature.pangkat, style: centred }] : []),
    { kind: 'text', text: `NIP. ${signature.nip}`, style: centred },
  ];
}

function rowsHeight(doc: Pdf, rows: SignatureRow[], width: number): number {
  return rows.reduce((sum, row) => sum + (row.kind === 'space' ? row.height
    : row.kind === 'labelled' ? labelledRowsHeight(doc, row.rows, width)
      : textHeight(doc, row.text, width, row.style)), 0);
}

function drawRows(doc: Pdf, rows: SignatureRow[], x: number, y: number, width: number): void {
  doc.y = y;
  for (const row of rows) {
    if (row.kind === 'space') doc.y += row.height;
    else if (row.kind === 'labelled') drawLabelledRows(doc, row.rows, x, width);
    else setFont(doc, row.style).text(row.text, x, doc.y, { width, align: row.style.align, underline: row.style.underline });
  }
}

/** The rows up to the signature space, and the name with what follows it. */
function splitAtName(rows: SignatureRow[]): [SignatureRow[], SignatureRow[]] {
  const name = rows.findIndex((row) => row.kind === 'space') + 1;
  return [rows.slice(0, name), rows.slice(name)];
}

/**
 * The signature on the right half and, when present, "Mengetahui" on the left half, laid out so both
 * names sit on one line (the parts above them bottom-aligned). The whole block is kept on one page.
 */
function layout(doc: Pdf, signature: LetterSignature, mengetahui?: LetterSignature) {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  const blockWidth = Math.min(width * 0.5, 300);
  const blocks = [
    { x: left + width - blockWidth, rows: splitAtName(signatureRows(signature)) },
    ...(mengetahui ? [{ x: left, rows: splitAtName(signatureRows(mengetahui, 'Mengetahui,')) }] : []),
  ];
  const above = Math.max(...blocks.map((block) => rowsHeight(doc, block.rows[0], blockWidth)));
  const below = Math.max(...blocks.map((block) => rowsHeight(doc, block.rows[1], blockWidth)));
  return { blocks, blockWidth, above, below };
}

const GAP_ABOVE = 12;

/** The height drawSignatures will take, so a table can keep its last row with the signature. */
export function signaturesHeight(doc: Pdf, signature: LetterSignature, mengetahui?: LetterSignature): number {
  const { above, below } = layout(doc, signature, mengetahui);
  return GAP_ABOVE + above + below;
}

export function drawSignatures(doc: Pdf, signature: LetterSignature, mengetahui?: LetterSignature): void {
  const { blocks, blockWidth, above, below } = layout(doc, signature, mengetahui);
  doc.y += GAP_ABOVE;
  ensureSpace(doc, above + below);
  const top = doc.y;
  for (const { x, rows: [upper, lower] } of blocks) {
    drawRows(doc, upper, x, top + above - rowsHeight(doc, upper, blockWidth), blockWidth);
    drawRows(doc, lower, x, top + above, blockWidth);
  }
  doc.y = top + above + below;
}
