import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdfText';
import { startSandboxProcess, type SandboxProcess } from '../helpers/sandboxProcess';

// Debian's chromium package, installed by .ci/run; never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = 'test-results/sandbox-final.png';
// A 1x1 PNG: the photo attached as bukti dukung.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let sandbox: SandboxProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ acceptDownloads: true });
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  expect(await sandbox?.stop()).toBe(0);
});

// The scheduler runs on the real clock meanwhile: a report reminder may arrive at any moment, and
// is not the answer to what the test just did.
const REMINDER = 'Pengingat laporan';
const botMessages = () => page.locator('#chat li.msg.bot').filter({ hasNotText: REMINDER });
// The page forbids eval (its CSP), so checks run in it as functions, typed here without the DOM lib.
interface PageElement { id: string; textContent: string | null }
interface PageDocument { querySelectorAll(selector: string): Iterable<PageElement>; activeElement: PageElement | null; documentElement: { scrollWidth: number } }
type PageGlobal = { document: PageDocument };

async function as(label: string): Promise<void> {
  const value = await page.locator('#persona option').filter({ hasText: new RegExp(`^${label}`) }).first().getAttribute('value');
  await page.getByLabel('Masuk sebagai').selectOption(value!);
}

/** Does something in the chat and waits for the bot's answer. */
async function expectReply(action: () => Promise<void>): Promise<string> {
  const before = await botMessages().count();
  await action();
  await page.waitForFunction(([n, reminder]) => [...(globalThis as unknown as PageGlobal).document.querySelectorAll('#chat li.msg.bot')]
    .filter((li) => !(li.textContent ?? '').includes(reminder)).length > n, [before, REMINDER] as const);
  // A turn may answer with several messages (a heading, then the question): wait until it is quiet.
  for (let count = -1; count !== await botMessages().count();) {
    count = await botMessages().count();
    await page.waitForTimeout(400);
  }
  return (await botMessages().last().innerText());
}

const say = (text: string) => expectReply(async () => {
  await page.getByLabel('Pesan').fill(text);
  await page.getByRole('button', { name: 'Kirim pesan' }).click();
});
const press = (name: string | RegExp) => expectReply(async () => {
  await page.getByRole('log').getByRole('button', { name, exact: typeof name === 'string' }).last().click();
});
const waitForBot = (text: string | RegExp) => botMessages().filter({ hasText: text }).last().waitFor();

describe('sandbox playground in a real browser (headless Chromium)', () => {
  it('carries a cross-unit voluntary request through every approval to the Surat Tugas, then a report and its feedback', async () => {
    await page.goto(sandbox.url);
    expect(await page.locator('header.banner').innerText()).toContain('SANDBOX');
    const teamLabel = await page.locator('#persona option').filter({ hasText: /^Ketua tim / }).first().innerText();
    const team = /^Ketua tim \((.+?)\) —/.exec(teamLabel)![1]!;

    // The official asks to join a team of another unit.
    await as('Anggota');
    await waitForBot('Akun berhasil terhubung');
    await say('/ajukan');
    await press(new RegExp(`^${team}`));
    await say('Saya berpengalaman menyusun SOP dan menganalisis proses bisnis selama empat tahun');
    // The applicant's own letter (format 1) comes with the confirmation.
    await press('Kirim');
    await waitForBot(/Pengajuan nomor \d+ telah dikirim/);
    await waitForBot('permohonan-individu-');

    // The team's ketua recommends (Samarinda formats 4b and 5), the owner unit's head approves, then the official's own Penilai.
    await as('Ketua tim');
    await waitForBot('pengajuan sukarela');
    await press('Rekomendasikan');
    await as('Kepala unit');
    await waitForBot('pengajuan sukarela');
    await press('Setujui');
    // The card is edited in place: marked, and its buttons gone.
    const card = botMessages().filter({ hasText: 'pengajuan sukarela' }).first();
    await card.filter({ hasText: '(diedit)' }).waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    await as('Penilai');
    await waitForBot('Pejabat Penilai Kinerja pemohon');
    await press('Setujui');

    // Back as the official: accept, then download the Surat Tugas the Penilai signed.
    await as('Anggota');
    await waitForBot(/Surat Tugas nomor/);
    await press('Terima penugasan');
    const link = page.getByRole('link', { name: /^surat-tugas-.*\.pdf$/ }).last();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const letter = readFileSync((await download.path())!);
    const text = (await pdfText(letter)).join('\n');
    expect(text).toContain('SURAT TUGAS');
    expect(text).toContain(team);

    // A progress report with a photo as bukti dukung.
    let prompt = await say('/lapor');
    for (let turn = 0; turn < 20 && !/Kirim laporan ini/.test(prompt); turn++) {
      // The heading of the report goes first; the question follows (one message a second per chat).
      if (/batas waktu/.test(prompt)) prompt = await expectReply(async () => {});
      else if (/Pilih tim|laporan untuk tim/i.test(prompt)) prompt = await press(new RegExp(`^${team}`));
      else if (/Capaian untuk indikator/.test(prompt)) prompt = await say('3');
      else if (/Kegiatan apa/.test(prompt)) prompt = await say('Memetakan proses bisnis dua perangkat daerah');
      else if (/Output apa/.test(prompt)) prompt = await say('Draf peta proses bisnis');
      else if (/bukti dukung satu per satu/.test(prompt)) {
        await expectReply(() => page.locator('#file').setInputFiles({ name: 'rapat.png', mimeType: 'image/png', buffer: PHOTO }));
        prompt = await press('Lanjut');
      } else if (/Apakah ada kendala/.test(prompt)) prompt = await press('Tidak ada kendala');
      else if (/rencana kegiatan berikutnya/.test(prompt)) prompt = await say('Reviu SOP tahap dua');
      else throw new Error(`unexpected prompt: ${prompt}`);
    }
    expect(prompt).toContain('Bukti dukung: 1 berkas');
    expect(await press('Kirim')).toMatch(/telah dikirim kepada/);

    // The ketua tim sees the report with its photo and comments on it.
    await as('Ketua tim');
    await waitForBot(/Laporan kemajuan dari/);
    await press(/^Lihat bukti dukung/);
    await page.locator('#chat img.photo').last().waitFor();
    await press('Komentari');
    await say('Bagus, lanjutkan reviu SOP Dinas Kesehatan minggu depan');

    // The official sees the feedback in their own chat, and not the ketua's.
    await as('Anggota');
    await waitForBot(/Umpan balik ketua tim/);
    expect(await botMessages().last().innerText()).toContain('lanjutkan reviu SOP Dinas Kesehatan');
    expect(await page.locator('#chat').innerText()).not.toContain('Tuliskan komentar');

    // The clock control jumps to the next reminder or digest.
    await page.getByRole('button', { name: 'Majukan jam ke jadwal berikutnya' }).click();
    await page.locator('#status').filter({ hasText: /jam sandbox sekarang/ }).waitFor();

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(sandbox.stderr()).not.toContain('NETWORK_ESCAPE');
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  }, 180_000);

  it('stays readable at phone width, with every control reachable by keyboard', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(sandbox.url);
    await page.locator('#chat li.msg').first().waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobal).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const focused = () => page.evaluate(() => {
      const active = (globalThis as unknown as PageGlobal).document.activeElement;
      return active?.id || active?.textContent?.trim() || '';
    });
    const reached = new Set<string>([await focused()]);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.add(await focused());
    }
    expect([...reached]).toEqual(expect.arrayContaining(['persona', 'advance', 'message', 'file']));
  }, 60_000);

  it('answers only its own page: another host name or origin is refused, bad input gets a clear answer', async () => {
    const { port } = new URL(sandbox.url);
    const request = (path: string, headers: Record<string, string>, body?: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    const state = JSON.parse((await request('/api/state', { host: `127.0.0.1:${port}` })).body) as { personas: Array<{ userId: number }> };
    const chat = `/api/chats/${state.personas[0]!.userId}/messages`;
    const json = { host: `127.0.0.1:${port}`, 'content-type': 'application/json' };

    expect((await request('/api/state', { host: `evil.example:${port}` })).status).toBe(421);
    expect((await request(chat, { ...json, origin: 'https://evil.example' }, '{"text":"/bantuan"}')).status).toBe(403);
    expect(await request(chat, json, '{"text":')).toEqual({ status: 400, body: JSON.stringify({ error: 'JSON tidak valid' }) });
    expect(await request(chat, json, '{"text":""}')).toEqual({ status: 400, body: JSON.stringify({ error: 'Isian tidak valid' }) });
    expect((await request('/api/chats/12345/messages', json, '{"text":"/bantuan"}')).status).toBe(404);
    expect((await request('/files/tidak-ada', { host: `127.0.0.1:${port}` })).status).toBe(404);
    expect((await request('/../package.json', { host: `127.0.0.1:${port}` })).status).toBe(404);
    const home = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port, path: '/' }, resolve));
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    home.resume();
  });
});
