import pino, { type DestinationStream } from 'pino';
import type { Logger } from './core/ports';

/**
 * Structured JSON logs. Call sites log ids and codes only; the redact list is a second line of
 * defence so tokens, secrets and message bodies never reach the log even by mistake (style R10).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { app: 'timkerja' },
    redact: {
      paths: ['token', 'secret', 'text', 'body', 'payload', '*.token', '*.secret', '*.text', '*.body', '*.payload'],
      censor: '[disembunyikan]',
    },
  }, destination);
}
