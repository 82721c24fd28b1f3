import type { OutboundMessage, RenderedButton } from '../../src/core/messages';

// Telegram: a message text is at most 4096 characters after entity parsing; we count the
// escaped HTML, which is never shorter, so every chunk is accepted.
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Escapes text for parse_mode HTML: only `<`, `>` and `&` are special there (`_ * [ ]` are not). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Splits text into escaped chunks of at most `limit` characters, at line boundaries where possible. */
export function splitForTelegram(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const escaped = escapeHtml(line);
    const joined = current ? `${current}\n${escaped}` : escaped;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    current = '';
    for (const piece of hardSplit(line, limit)) {
      if (current) chunks.push(current);
      current = piece;
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

// A single line longer than the limit: cut between characters, never inside an escape sequence.
function hardSplit(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of line) {
    const escaped = escapeHtml(char);
    if (piece.length + escaped.length > limit) {
      pieces.push(piece);
      piece = '';
    }
    piece += escaped;
  }
  pieces.push(piece);
  return pieces;
}

export interface InlineKeyboard {
  inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
}

export function toInlineKeyboard(rows: RenderedButton[][]): InlineKeyboard {
  return { inline_keyboard: rows.map((row) => row.map((button) => ({ text: button.label, callback_data: button.token }))) };
}

/** The chunks of a text or choice message, with the keyboard (if any) on the last chunk. */
export function renderTextMessage(message: Extract<OutboundMessage, { kind: 'text' | 'choice' }>): Array<{ html: string; keyboard?: InlineKeyboard }> {
  const chunks = splitForTelegram(message.text);
  return chunks.map((html, index) => ({
    html,
    ...(message.kind === 'choice' && index === chunks.length - 1 ? { keyboard: toInlineKeyboard(message.rows) } : {}),
  }));
}
