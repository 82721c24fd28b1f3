import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';

describe('structured logging', () => {
  it('writes JSON and hides tokens, secrets and message bodies even when a call site passes them', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger('info', sink);
    logger.info({ updateId: 42, code: 'EVENT_INVALID', token: '123456:ABCDEF', text: 'isi pesan pribadi', meta: { secret: 's3cr3t' } }, 'event skipped');
    logger.debug({ text: 'tidak tampil pada level info' });

    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 30, msg: 'event skipped', updateId: 42, code: 'EVENT_INVALID', app: 'timkerja' });
    expect(lines[0]).not.toMatch(/ABCDEF|isi pesan pribadi|s3cr3t/);
  });
});
