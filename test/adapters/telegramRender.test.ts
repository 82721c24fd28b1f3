import { describe, expect, it } from 'vitest';
import { renderTextMessage, TELEGRAM_TEXT_LIMIT } from '../../adapters/telegram/renderMessage';

const longText = Array.from({ length: 150 }, (_, i) => `Baris ${i} <tanda> & isi laporan yang cukup panjang`).join('\n');

describe('Telegram rendering of long messages', () => {
  it('puts the keyboard on the last chunk only, every chunk within 4096 characters', () => {
    const chunks = renderTextMessage({ kind: 'choice', text: longText, rows: [[{ label: 'Setujui', token: 't:AAAAAAAAAAAA' }]] });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.html.length <= TELEGRAM_TEXT_LIMIT)).toBe(true);
    expect(chunks.map((c) => c.keyboard !== undefined)).toEqual([...Array(chunks.length - 1).fill(false), true]);
    expect(chunks.at(-1)!.keyboard).toEqual({ inline_keyboard: [[{ text: 'Setujui', callback_data: 't:AAAAAAAAAAAA' }]] });
  });

  it('keeps the outcome in the chunk an edit replaces, however long the original was', () => {
    const [last] = renderTextMessage({ kind: 'text', text: `${longText}\n\nDITERIMA oleh Kabid pada 23 November 2026` }).slice(-1);
    expect(last!.html.endsWith('DITERIMA oleh Kabid pada 23 November 2026')).toBe(true);
  });
});
