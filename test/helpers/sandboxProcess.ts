import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SandboxProcess {
  url: string;
  stdout: () => string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** `npm start` as a newcomer runs it (no platform token), on a fresh database, with the network fenced to 127.0.0.1. */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-sandbox-')), 'data', 'timkerja.db');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', './test/helpers/loopbackOnly.mjs', '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH, DATABASE_PATH: file, LOG_LEVEL: 'warn', SANDBOX_PORT: '0', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sandbox address:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout.on('data', () => {
      const found = /Buka (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      if (found) { clearTimeout(timer); resolve(found); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${stdout}\n${stderr}`)); });
  });
  return {
    url, stdout: () => stdout, stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
