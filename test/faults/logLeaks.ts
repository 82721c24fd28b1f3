import { SLACK_SIGNING_SECRET, WEBHOOK_SECRET } from './botEnv';
import { MARKER_PATTERN } from './fuzzText';
import { BOT_TOKEN, SLACK_BOT_TOKEN } from './linkedBot';

export interface LogScan {
  lines: number;
  /** Lines at level error (50) or above, plus lines that are not pino JSON (stack traces on stderr). */
  errorLines: number;
  /** The most frequent error lines, as "msg (code) × n". */
  errorTop: string[];
  /** Error-level lines holding a sent text fragment or a secret, described without the secret. */
  leaksAtError: string[];
  /** The same below error level (README: bodies and tokens are never logged, at any level). */
  leaksBelowError: string[];
}

// The whole token, and its secret half alone (a log could print either).
export const SECRETS: Record<string, string> = {
  'Telegram bot token': BOT_TOKEN, 'Telegram token secret': BOT_TOKEN.split(':')[1]!, 'Slack bot token': SLACK_BOT_TOKEN,
  'Slack signing secret': SLACK_SIGNING_SECRET, 'webhook secret': WEBHOOK_SECRET,
};

/** Reads every line the bot wrote for text it was sent (`markers`, lower-cased) and for the secrets. */
export function scanLogs(lines: string[], markers: Set<string>): LogScan {
  const scan: LogScan = { lines: lines.length, errorLines: 0, errorTop: [], leaksAtError: [], leaksBelowError: [] };
  const errorCounts = new Map<string, number>();
  for (const line of lines) {
    const parsed = parseLine(line);
    const isError = parsed === null || parsed.level >= 50;
    if (isError && line.trim() !== '') {
      scan.errorLines++;
      const key = parsed ? `${String(parsed.msg)}${parsed.code === undefined ? '' : ` (${String(parsed.code)})`}` : 'not JSON (stderr)';
      errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
    }
    const leak = leakIn(line, markers);
    if (leak) (isError ? scan.leaksAtError : scan.leaksBelowError).push(`level ${parsed?.level ?? 'stderr'} '${String(parsed?.msg ?? line.slice(0, 60))}': ${leak}`);
  }
  scan.errorTop = [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([key, n]) => `${key} × ${n.toLocaleString('en-US')}`);
  return scan;
}

function parseLine(line: string): { level: number; msg?: unknown; code?: unknown } | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as { level: number; msg?: unknown; code?: unknown };
  } catch {
    return null;
  }
}

function leakIn(line: string, markers: Set<string>): string | null {
  const secret = Object.entries(SECRETS).find(([, value]) => line.includes(value));
  if (secret) return `the ${secret[0]}`;
  const marker = line.match(MARKER_PATTERN)?.find((m) => markers.has(m.toLowerCase()));
  return marker ? `sent text ${marker}` : null;
}
