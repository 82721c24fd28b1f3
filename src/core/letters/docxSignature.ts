import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { labelWidth, labelledParagraph, run, type RunStyle } from './docxParts';
import type { LetterSignature } from './letterDocument';

/** Room left blank for the handwritten signature and the stamp (twips). */
const SIGNATURE_SPACE = 1200;

function centred(text: string, style: RunStyle = {}, spaceBefore?: number, spaceAfter?: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: spaceBefore, after: spaceAfter }, children: [run(text, style)],
  });
}

function placeDateParagraphs(lines: string[]): Paragraph[] {
  const rows = lines.map((line) => line.split(' : '));
  if (!rows.every((row) => row.length >= 2)) return lines.map((line) => centred(line));
  const width = labelWidth(rows.map((row) => row[0]!));
  return rows.map(([label, ...value]) => labelledParagraph(label!, value.join(' : '), { labelWidth: width }));
}

/** The paragraphs above the signature space, and the name with what follows it. */
function signatureParagraphs(signature: LetterSignature, heading?: string): [Paragraph[], Paragraph[]] {
  return [[
    ...(heading ? [centred(heading)] : []),
    ...placeDateParagraphs(signature.placeDate ?? []),
    ...(signature.atasNama ? [centred(signature.atasNama)] : []),
    centred(signature.jabatan, {}, undefined, SIGNATURE_SPACE),
  ], [
    centred(signature.nama, { bold: true, underline: true }),
    ...(signature.pangkat ? [centred(signature.pangkat)] : []),
    centred(`NIP. ${signature.nip}`),
  ]];
}

/**
 * A borderless table: "Mengetahui" (or nothing) on the left, the signature on the right. The names
 * start a second row, so they share a line whatever stands above them; Word keeps each row on one page.
 */
export function signatureTable(signature: LetterSignature, width: number, mengetahui?: LetterSignature): Table {
  const half = Math.round(width / 2);
  const [upper, lower] = signatureParagraphs(signature);
  const [sideUpper, sideLower] = mengetahui ? signatureParagraphs(mengetahui, 'Mengetahui,') : [[], []];
  const cell = (children: Paragraph[], verticalAlign: 'top' | 'bottom') => new TableCell({
    width: { size: half, type: WidthType.DXA },
    verticalAlign: verticalAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.BOTTOM,
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(sideUpper, 'bottom'), cell(upper, 'bottom')] }),
      new TableRow({ cantSplit: true, children: [cell(sideLower, 'top'), cell(lower, 'top')] }),
    ],
  });
}
