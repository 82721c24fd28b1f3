import { Document, Packer, PageOrientation, Paragraph, type FileChild } from 'docx';
import { attachmentSection } from './docxAttachment';
import {
  A4, BODY_SIZE, FONT, MARGIN, PORTRAIT_WIDTH, blockParagraphs, kepadaParagraphs, kopParagraphs,
  letterHeaderParagraphs, tembusanParagraphs, titleParagraphs,
} from './docxParts';
import { signatureTable } from './docxSignature';
import type { LetterDocument } from './letterDocument';

/**
 * The same letter as editable Word (offices correct it before signing): Times New Roman 12 pt,
 * A4 with 2.5 cm margins, tab stops for the aligned colons, a real table per lampiran.
 */
export async function renderDocx(letter: LetterDocument): Promise<Buffer> {
  const children: FileChild[] = [
    ...kopParagraphs(letter.kop),
    ...(letter.title ? titleParagraphs(letter.title, letter.nomor) : letterHeaderParagraphs(letter)),
    ...(letter.kepada?.length ? kepadaParagraphs(letter.kepada) : []),
    ...letter.body.flatMap(blockParagraphs),
    new Paragraph({ keepNext: true, children: [] }),
    signatureTable(letter.signature, PORTRAIT_WIDTH, letter.mengetahui),
    ...tembusanParagraphs(letter.tembusan),
  ];
  const document = new Document({
    title: letter.title ?? letter.header?.hal ?? '',
    creator: letter.kop?.unit ?? '',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
      ...letter.attachments.map(attachmentSection),
    ],
  });
  return Packer.toBuffer(document);
}
