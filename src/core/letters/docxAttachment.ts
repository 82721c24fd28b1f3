import {
  AlignmentType, PageOrientation, Paragraph, Table, TableCell, TableRow, WidthType, type ISectionOptions,
} from 'docx';
import { A4, MARGIN, labelWidth, labelledParagraph, run, type RunStyle } from './docxParts';
import { signatureTable } from './docxSignature';
import type { LetterAttachment } from './letterDocument';

const CELL_SIZE = 20;
const HEADER_SIZE = 18;

/** Column widths from the amount of text, since Word measures the glyphs itself when it opens the file. */
function columnWidths(table: LetterAttachment['table'], width: number): number[] {
  const weights = table.columns.map((header, i) => Math.max(
    Math.min(header.length, 14),
    ...table.rows.map((row) => Math.min((row[i] ?? '').length, 40) * 0.7),
    3,
  ));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.round((weight * width) / total));
}

function cell(text: string, width: number, style: RunStyle & { centred?: boolean }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: style.centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, style)] })],
  });
}

/** A bordered table whose header row Word repeats on every page it continues on. */
function attachmentTable(table: LetterAttachment['table'], width: number): Table {
  const widths = columnWidths(table, width);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((text, i) => cell(text, widths[i]!, { bold: true, size: HEADER_SIZE, centred: true })),
  });
  const rows = table.rows.map((row) => new TableRow({
    cantSplit: true,
    children: table.columns.map((_, i) => cell(row[i] ?? '', widths[i]!, { size: CELL_SIZE })),
  }));
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] });
}

/** Each lampiran is its own section, so it starts on a new page; wide tables get a landscape page. */
export function attachmentSection(attachment: LetterAttachment): ISectionOptions {
  const landscape = attachment.table.columns.length > 5;
  const width = (landscape ? A4.height : A4.width) - 2 * MARGIN;
  const headingLeft = Math.round(width * 0.55);
  const rows = attachment.heading.map((line) => line.split(' : '));
  const labelled = rows.every((row) => row.length >= 2);
  const headingWidth = labelWidth(rows.map((row) => row[0]!));
  const heading = labelled
    ? rows.map(([label, ...value]) => labelledParagraph(label!, value.join(' : '), { left: headingLeft, labelWidth: headingWidth, size: 22 }))
    : attachment.heading.map((line) => new Paragraph({ indent: { left: headingLeft }, children: [run(line, { size: 22 })] }));
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    children: [
      ...heading,
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(attachment.title, { bold: true })] }),
      attachmentTable(attachment.table, width),
      new Paragraph({ children: [] }),
      signatureTable(attachment.signature, width),
    ],
  };
}
