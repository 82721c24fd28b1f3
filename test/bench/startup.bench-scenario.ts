// Scenario 6 (issue 10): from process start to ready, and the resident memory of the real process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { config } from './benchConfig';
import { metric, type ScenarioReport } from './report';
import { spawnMain } from './spawnMain';
import { startFakeTelegram } from './telegramBots';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** RSS in MB of a Node process that loads nothing (optionally with the tsx loader): the floor under ours. */
function baselineRssMb(args: string[]): number {
  const result = spawnSync(process.execPath, [...args, '-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' });
  return Number(result.stdout.trim()) / 2 ** 20;
}

export async function benchStartup(): Promise<ScenarioReport> {
  const started = performance.now();
  const cold: number[] = [];
  const warm: number[] = [];
  const rssReady: number[] = [];
  const rssSettled: number[] = [];
  for (let run = 0; run < config.startup.runs; run++) {
    const tg = await startFakeTelegram();
    const env = {
      DATABASE_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-bench-start-')), 'timkerja.db'),
      TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, LOG_LEVEL: 'info',
    };
    try {
      // A new database: migrations and the demo organisation load before ready.
      const first = await spawnMain(env);
      cold.push(first.readyMs);
      rssReady.push(first.rssMb());
      await sleep(2000);
      rssSettled.push(first.rssMb());
      await first.stop();
      // A restart on the same database: the everyday case.
      const second = await spawnMain(env);
      warm.push(second.readyMs);
      await second.stop();
    } finally {
      await tg.stop();
    }
  }
  return {
    id: '6', title: 'Start and footprint: node --import tsx src/main.ts with Telegram (long polling) on the fake Bot API', seconds: (performance.now() - started) / 1000,
    n: `${config.startup.runs} start(s) on a new database and ${config.startup.runs} restart(s) on it; demo organisation (60 pegawai)`,
    metrics: [
      metric('restart to ready (existing database)', 's', warm.map((ms) => ms / 1000), { text: '< 1.5 s', ok: (v) => v < 1.5 }),
      metric('first start to ready (migrate + demo load)', 's', cold.map((ms) => ms / 1000), { text: '< 1.5 s', ok: (v) => v < 1.5 }),
      metric('RSS at ready', 'MB', rssReady, { text: '< 150 MB', ok: (v) => v < 150 }),
      metric('RSS 2 s after ready', 'MB', rssSettled, { text: '< 150 MB', ok: (v) => v < 150 }),
    ],
    notes: [
      `For scale: an empty node process has ${baselineRssMb([]).toFixed(0)} MB RSS, with the tsx loader ${baselineRssMb(['--import', 'tsx']).toFixed(0)} MB.`,
      'Ready = the "timkerja siap" log line: database open, core built, getMe + setMyCommands answered, polling started, scheduler armed.',
      '`npm start` runs `tsx src/main.ts`, which adds the tsx CLI as a parent process (not measured here).',
      'RSS of a process after the 10,000-member digest: scenario 4.',
    ],
  };
}
