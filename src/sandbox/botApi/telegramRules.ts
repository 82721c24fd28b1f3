import { bad } from './failure';
import type { StoredMessage } from './types';

export const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

// Telegram sets a document's mime_type from its file name, whatever the upload's part header says.
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv', txt: 'text/plain',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
};
export const mimeFromName = (name: string): string | undefined => MIME_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''];

// Only inline keyboards are part of a Message; reply keyboards are not echoed back.
export function inlineMarkup(markup: unknown): StoredMessage['reply_markup'] {
  const keyboard = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  return Array.isArray(keyboard) && keyboard.length > 0 ? { inline_keyboard: keyboard as unknown[][] } : undefined;
}

export function checkText(text: unknown, parseMode: unknown): string {
  const value = text === undefined ? '' : String(text);
  if (value.trim() === '') throw bad('message text is empty');
  if (visibleLength(value, parseMode) > 4096) throw bad('message is too long');
  return value;
}

const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);

/** Length after entity parsing, as Telegram counts it; with parse_mode HTML, rejects tags Telegram's parser rejects. */
export function visibleLength(text: string, parseMode: unknown): number {
  if (parseMode !== 'HTML') return text.length;
  const open: string[] = [];
  for (const match of text.matchAll(/<(\/?)([^\s>]*)[^>]*>|</g)) {
    const [whole, closing, name = ''] = match;
    const at = `at byte offset ${Buffer.byteLength(text.slice(0, match.index))}`;
    if (whole === '<' || !HTML_TAGS.has(name.toLowerCase())) throw bad(`can't parse entities: Unsupported start tag "${name}" ${at}`);
    if (!closing) open.push(name.toLowerCase());
    else if (open.pop() !== name.toLowerCase()) throw bad(`can't parse entities: Unmatched end tag ${at}`);
  }
  if (open.length > 0) throw bad(`can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[\da-f]+);/gi, '_').length;
}
