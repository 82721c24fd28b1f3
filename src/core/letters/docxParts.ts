import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { LetterBlock, LetterDocument } from './letterDocument';
import { isMarked, listMarker } from './listMarker';

/** Word measures in twips (1/20 pt): A4 with 2.5 cm margins, as in the PDF. */
export const CM = 567;
export const MARGIN = Math.round(2.5 * CM);
export const A4 = { width: 11906, height: 16838 };
export const PORTRAIT_WIDTH = A4.width - 2 * MARGIN;
export const FONT = 'Times New Roman';
/** Half-points: 12 pt. */
export const BODY_SIZE = 24;
const PARAGRAPH_AFTER = 120;
const LIST_LABEL = 1560;
const MARKER = 440;

export interface RunStyle {
  bold?: boolean;
  size?: number;
  underline?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, bold: style.bold, size: style.size, underline: style.underline ? {} : undefined });
}

/** Runs for "a⇥b⇥c": real Word tabs between the parts, so offices can edit the aligned layout. */
export function tabbed(parts: string[], style: RunStyle = {}): TextRun[] {
  return parts.flatMap((text, index) => [
    ...(index > 0 ? [new TextRun({ children: [new Tab()], size: style.size })] : []),
    ...(text ? [run(text, style)] : []),
  ]);
}

/** Rough width in twips of a label in Times 12 pt, for tab positions Word cannot measure for us. */
export function labelWidth(labels: string[]): number {
  return Math.max(...labels.map((label) => label.length)) * 125 + 160;
}

/** "Label\t:\tvalue" with the colon on a tab stop and the value wrapping under itself. */
export function labelledParagraph(label: string, value: string, options: { left?: number; labelWidth: number; size?: number; rightIndent?: number }): Paragraph {
  const left = options.left ?? 0;
  const colon = left + options.labelWidth;
  const valueAt = colon + 240;
  return new Paragraph({
    tabStops: [{ type: TabStopType.LEFT, position: colon }, { type: TabStopType.LEFT, position: valueAt }],
    indent: { left: valueAt, hanging: valueAt - left, right: options.rightIndent },
    children: tabbed([label, ':', value], { size: options.size }),
  });
}

export function kopParagraphs(kop: LetterDocument['kop']): Paragraph[] {
  if (!kop) return [];
  const centred = (text: string, style: RunStyle) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, style)] });
  const paragraphs = [centred(kop.pemerintah.toUpperCase(), { bold: true, size: 28 }), centred(kop.unit.toUpperCase(), { bold: true, size: 32 })];
  if (kop.subUnit) paragraphs.push(centred(kop.subUnit.toUpperCase(), { bold: true, size: 26 }));
  paragraphs.push(...kop.lines.map((line) => centred(line, { size: 21 })));
  // the double rule of the letterhead: a thick and a thin line under the last kop line
  paragraphs.push(new Paragraph({
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, space: 1, color: '000000' } },
    spacing: { after: 240 },
    children: [],
  }));
  return paragraphs;
}

export function titleParagraphs(title: string, nomor: string): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, { bold: true, underline: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(`NOMOR : ${nomor}`)] }),
  ];
}

/** Formats 1–4: place and date at the right, then Nomor / Sifat / Lampiran / Hal. */
export function letterHeaderParagraphs(letter: LetterDocument): Paragraph[] {
  const rows: Array<[string, string]> = [['Nomor', letter.nomor]];
  if (letter.header) rows.push(['Sifat', letter.header.sifat], ['Lampiran', letter.header.lampiran], ['Hal', letter.header.hal]);
  const paragraphs = letter.tempatTanggal
    ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(letter.tempatTanggal)] })]
    : [];
  const rightIndent = Math.round(PORTRAIT_WIDTH * 0.38);
  paragraphs.push(...rows.map(([label, value]) => labelledParagraph(label, value, { labelWidth: 1300, rightIndent })));
  paragraphs.push(new Paragraph({ children: [] }));
  return paragraphs;
}

export function kepadaParagraphs(kepada: string[]): Paragraph[] {
  const indent = 560;
  const line = (parts: string[], extra = 0) => new Paragraph({
    tabStops: [{ type: TabStopType.LEFT, position: indent }],
    indent: { left: indent + extra, hanging: extra === 0 ? indent : undefined },
    children: tabbed(parts),
  });
  return [
    ...kepada.map((text, index) => line(index === 0 ? ['Yth.', text] : ['', text])),
    line(['', 'di']),
    line(['Tempat'], 480),
    new Paragraph({ children: [] }),
  ];
}

function listParagraphs(list: Extract<LetterBlock, { kind: 'list' }>): Paragraph[] {
  const labelled = list.label !== undefined;
  const markerAt = labelled ? LIST_LABEL + 240 : 0;
  const textAt = markerAt + MARKER;
  const tabStops = [
    ...(labelled ? [{ type: TabStopType.LEFT, position: LIST_LABEL }, { type: TabStopType.LEFT, position: markerAt }] : []),
    { type: TabStopType.LEFT, position: textAt },
  ];
  return list.items.map((item, index) => {
    const marker = isMarked(list) ? listMarker(list.style, index) : '';
    const parts = labelled ? [index === 0 ? list.label! : '', index === 0 ? ':' : '', marker, item] : [marker, item];
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      tabStops,
      indent: { left: textAt, hanging: textAt },
      spacing: { after: index === list.items.length - 1 ? PARAGRAPH_AFTER : 40 },
      children: tabbed(parts),
    });
  });
}

export function blockParagraphs(block: LetterBlock): Paragraph[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: PARAGRAPH_AFTER }, children: [run(block.text)] })];
    case 'heading':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: PARAGRAPH_AFTER }, children: [run(block.text, { bold: true })] })];
    case 'fields': {
      const width = labelWidth(block.fields.map((field) => field.label));
      return block.fields.map((field) => labelledParagraph(field.label, field.value, { left: 480, labelWidth: width }));
    }
    case 'list':
      return listParagraphs(block);
  }
}

export function tembusanParagraphs(tembusan: string[]): Paragraph[] {
  if (tembusan.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 360 }, keepNext: true, children: [run('Tembusan :')] }),
    ...tembusan.map((line, index) => new Paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: MARKER }],
      indent: { left: MARKER, hanging: MARKER },
      children: tabbed([listMarker('number', index), line]),
    })),
  ];
}
