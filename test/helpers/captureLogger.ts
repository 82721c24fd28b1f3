import type { Logger } from '../../src/core/ports';

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function createCaptureLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const at = (level: LogRecord['level']) => (obj: object, msg?: string) => { records.push({ level, obj, msg }); };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
