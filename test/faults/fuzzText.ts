import fc from 'fast-check';

/** One generated request body, named by the kind of garbage it is. */
export interface FuzzRequest {
  kind: string;
  body: Buffer;
  contentType: string;
}

/** Every generated text carries markers like `fzMk1a2bQ`: one found in a log line is a leaked body. */
export const MARKER_PATTERN = /fzmk[0-9a-z]+q/gi;
export const markerArb: fc.Arbitrary<string> = fc.nat().map((n) => `fzMk${n.toString(36)}Q`);

export const HUGE_TEXT_CHARS = 100_000;

// What breaks parsers, renderers and SQL: lone surrogates, NUL, bidi overrides, markup, format strings.
const NASTY_UNITS = ['\uD800', '\uDFFF', '\u0000', '\u202E', '\u200B', '\uFEFF', '\n', '\r', '\t', '<b>', '</i>', '&amp;', '<a href="x">',
  '*', '_', '`', '```', '\\', '"', "'", "'; DROP TABLE Laporan; --", '%s', '${x}', '{{x}}', '@channel', '<!here>', '🧾', '👩🏽‍💻', 'ﷺ', '\u0301'];
const unitArb = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 5 },
  { arbitrary: fc.constantFrom(...NASTY_UNITS), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 5 },
);

/** Garbage text: any code points, lone surrogates and markup, short. */
export const garbageArb: fc.Arbitrary<string> = fc.string({ unit: unitArb, maxLength: 40 });

/** Garbage with a marker in the middle (and one at the end, so a truncated excerpt still shows one). */
export const markedTextArb: fc.Arbitrary<string> = fc.tuple(garbageArb, markerArb, garbageArb, markerArb)
  .map(([before, marker, after, last]) => `${before} ${marker} ${after} ${last}`);

/** About 100 KB of text with a marker every kilobyte. */
export const hugeTextArb: fc.Arbitrary<string> = fc.tuple(markerArb, garbageArb).map(([marker, garbage]) => {
  const chunk = `${marker} ${'Laporan kemajuan minggu ini. '.repeat(33)}${garbage} `;
  return chunk.repeat(Math.ceil(HUGE_TEXT_CHARS / chunk.length)).slice(0, HUGE_TEXT_CHARS) + marker;
});

/** Text for a real-looking field: mostly garbage, sometimes huge, sometimes empty. */
export const fieldTextArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: markedTextArb, weight: 20 },
  { arbitrary: hugeTextArb, weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

// Byte sequences that are not UTF-8: a lone continuation byte, an overlong '/', an encoded surrogate, 0xFF.
const BAD_UTF8 = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xc3], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];
const BAD_PLACEHOLDER = 'fzBADBYTES';

/** A text with a placeholder that `withBadBytes` turns into invalid UTF-8 once serialized. */
export const badBytesTextArb: fc.Arbitrary<string> = fc.tuple(markedTextArb, fc.nat({ max: 3 }))
  .map(([text, copies]) => `${BAD_PLACEHOLDER}${text}${BAD_PLACEHOLDER.repeat(copies)}`);

/** The serialized body with each placeholder replaced by invalid UTF-8 bytes (cycling through the kinds). */
export function withBadBytes(serialized: string): Buffer {
  const parts = serialized.split(BAD_PLACEHOLDER);
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from(BAD_UTF8[i % BAD_UTF8.length]!), Buffer.from(part)])));
}

/** Markers in a body, lower-cased (bodies and log lines are compared case-insensitively). */
export function markersIn(body: Buffer | string): string[] {
  return (typeof body === 'string' ? body : body.toString('latin1')).match(MARKER_PATTERN)?.map((m) => m.toLowerCase()) ?? [];
}

/** Draws `count` values of `arb` lazily, `batch` at a time, reproducibly from `seed`. */
export function* draw<T>(arb: fc.Arbitrary<T>, count: number, seed: number, batch = 500): Generator<T> {
  for (let done = 0, round = 0; done < count; round++) {
    const values = fc.sample(arb, { seed: seed + round, numRuns: Math.min(batch, count - done) });
    for (const value of values) yield value;
    done += values.length;
  }
}
