import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Under Node, pdf.js disables its Web Worker by itself and runs the worker code on the main thread
// ("fake worker", imported from ./pdf.worker.mjs next to pdf.mjs), so no workerSrc is set here.

const standardFontDataUrl = `${createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}standard_fonts/`;

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline height from the bottom of the page (PDF coordinates). */
  y: number;
  width: number;
}

function openPdf(pdf: Buffer) {
  return getDocument({
    data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, verbosity: 0,
  }).promise;
}

/** The document information dictionary (Title, Author, Creator …). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, unknown>> {
  const document = await openPdf(pdf);
  try {
    return (await document.getMetadata()).info as Record<string, unknown>;
  } finally {
    await document.destroy();
  }
}

/** The positioned text items of each page, as pdf.js extracts them. */
export async function pdfTextItems(pdf: Buffer): Promise<PdfTextItem[][]> {
  const document = await openPdf(pdf);
  try {
    const pages: PdfTextItem[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() !== ''
        ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }]
        : [])));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Joins items sharing a baseline (±2 pt) left to right, one space apart; returns lines top to bottom. */
export function toLines(items: PdfTextItem[]): string[] {
  const rows: PdfTextItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((candidate) => Math.abs(candidate[0]!.y - item.y) <= 2);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x).map((item) => item.str)
    .join(' ').replace(/\s+/g, ' ').trim());
}

/** The text of each page: one string per page, lines separated by "\n", so tests can match whole lines. */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  return (await pdfTextItems(pdf)).map((items) => toLines(items).join('\n'));
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The plain text of word/document.xml: one line per paragraph (table cells included, in document
 * order); tabs become spaces and runs of spaces collapse, so "Nomor\t:\t…" reads "Nomor : …".
 */
export async function docxText(docx: Buffer): Promise<string> {
  const entry = (await JSZip.loadAsync(docx)).file('word/document.xml');
  if (!entry) throw new Error('word/document.xml not found in the DOCX archive');
  const xml = await entry.async('string');
  const paragraphs = xml.match(/<w:p(?:\s[^>]*?)?(?:\/>|>[\s\S]*?<\/w:p>)/g) ?? [];
  return paragraphs.map((paragraph) => {
    const runs = paragraph.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/g, '')
      .matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>/g);
    return [...runs].map((run) => run[1] ?? ' ').join('')
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!)
      .replace(/\s+/g, ' ').trim();
  }).join('\n');
}
