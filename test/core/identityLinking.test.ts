import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashLinkCode, issueLinkCode } from '../../src/core/auth/linkCodes';
import { runAdmin } from '../../src/admin/adminCli';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const silent = () => { const lines: string[] = []; return { lines, out: { line: (t: string) => lines.push(t), error: (t: string) => lines.push(t) } }; };

describe('identity linking', () => {
  it('lets nobody act before linking and explains how to get a code', async () => {
    bot = await TestBot.start();
    await loadOrganisation(bot, smallOrganisation());
    const stranger = bot.account('stranger');
    await bot.as(stranger).command('ajukan');
    expect(bot.lastText(stranger)).toMatch(/^Akun ini belum terhubung/);
    await bot.as(stranger).command('start');
    expect(bot.lastText(stranger)).toMatch(/mintalah kode penghubung kepada admin/);
    expect(await bot.db.penugasan.count()).toBe(0);
  });

  it('links one account with a one-time code, refuses its reuse, and audits both', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation());
    const pegawaiId = await org.idOf(NIP.pfPertama);
    const code = await bot.db.$transaction((tx) => issueLinkCode(tx, pegawaiId, org.instansi.id, new Date(bot.clock.now().getTime() + 3600_000)));
    const first = bot.account('first');
    const second = bot.account('second');

    await bot.as(first).command('start', code.toLowerCase());
    expect(bot.lastText(first)).toBe(`Akun berhasil terhubung sebagai Statistisi Pertama Uji (NIP ${NIP.pfPertama}), Jabatan Statistisi Pertama Uji. Ketik /bantuan untuk melihat perintah yang tersedia.`);
    await bot.as(second).command('start', code);
    expect(bot.lastText(second)).toMatch(/^Kode penghubung tidak valid/);

    expect(await bot.db.platformIdentity.count({ where: { pegawaiId } })).toBe(1);
    const audits = await bot.db.auditLog.findMany({ where: { action: 'identitas.hubungkan' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.outcome)).toEqual(['OK', 'REFUSED']);
    expect(await bot.db.linkCode.findFirst({ where: { codeHash: code } })).toBeNull(); // only the hash is stored
  });

  it('refuses an expired code', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation());
    const pegawaiId = await org.idOf(NIP.pfPertama);
    const code = await bot.db.$transaction((tx) => issueLinkCode(tx, pegawaiId, org.instansi.id, new Date(bot.clock.now().getTime() + 1000)));
    bot.clock.advance(1001);
    const late = bot.account('late');
    await bot.as(late).command('start', code);
    expect(bot.lastText(late)).toMatch(/^Kode penghubung tidak valid/);
  });

  it('relinks to a new account with a new code, unlinks through the admin command, and audits each', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation());
    const oldPhone = await org.link(NIP.pfPertama);
    const newPhone = await bot.link(await org.idOf(NIP.pfPertama), 'new-phone');
    expect(bot.inbox(newPhone).map((m) => (m.kind === 'text' ? m.text : ''))).toContainEqual(expect.stringMatching(/sebelumnya terhubung telah dilepas/));
    await bot.as(oldPhone).command('bantuan');
    expect(bot.lastText(oldPhone)).toMatch(/^Akun ini belum terhubung/);

    const { out } = silent();
    expect(await runAdmin(['unlink', NIP.pfPertama], bot.db, {}, out, bot.clock.now())).toBe(0);
    await bot.as(newPhone).command('bantuan');
    expect(bot.lastText(newPhone)).toMatch(/^Akun ini belum terhubung/);
    const actions = (await bot.db.auditLog.findMany({ where: { action: { startsWith: 'identitas.' } }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['identitas.hubungkan', 'identitas.hubungkanUlang', 'identitas.lepas']);
  });

  it('writes a CSV of one-time codes and deep links for every active pegawai', async () => {
    bot = await TestBot.start();
    await loadOrganisation(bot, smallOrganisation());
    const csv = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-codes-')), 'kode.csv');
    const { out, lines } = silent();
    expect(await runAdmin(['link-codes', '--csv', csv], bot.db, { TELEGRAM_BOT_USERNAME: 'timkerja_uji_bot' }, out, bot.clock.now())).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('nip,nama,kode,tautanTelegram,perintahSlack,berlakuSampai');
    expect(rows).toHaveLength(10);
    const [, , code, link] = rows[1]!.split(',');
    expect(link).toBe(`https://t.me/timkerja_uji_bot?start=${code}`);
    expect(lines[0]).toMatch(/^9 kode penghubung ditulis/);
    const user = bot.account('from-csv');
    await bot.as(user).command('start', code!);
    expect(bot.lastText(user)).toMatch(/^Akun berhasil terhubung/);
  });
});

describe('identity linking after organisation changes', () => {
  it('lets an account that belonged to a deactivated pegawai link to someone else', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation());
    const phone = await org.link(NIP.pfPertama);
    await bot.db.pegawai.update({ where: { id: await org.idOf(NIP.pfPertama) }, data: { active: false } });
    const successor = await org.idOf(NIP.pelaksana);
    const code = await bot.db.$transaction((tx) => issueLinkCode(tx, successor, org.instansi.id, new Date(bot.clock.now().getTime() + 3600_000)));

    const result = await bot.as(phone).command('start', code);

    expect(result.status).toBe('processed');
    expect(bot.lastText(phone)).toMatch(/^Akun berhasil terhubung sebagai Pelaksana Uji/);
    expect(await bot.db.platformIdentity.findMany({ select: { pegawaiId: true } })).toEqual([{ pegawaiId: successor }]);
  });
});

describe('link code lifetime', () => {
  it('stores only a hash of the code and invalidates an unused code when a new one is issued', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation());
    const pegawaiId = await org.idOf(NIP.pfPertama);
    const expires = new Date(bot.clock.now().getTime() + 3600_000);
    const first = await bot.db.$transaction((tx) => issueLinkCode(tx, pegawaiId, org.instansi.id, expires));
    const second = await bot.db.$transaction((tx) => issueLinkCode(tx, pegawaiId, org.instansi.id, expires));

    const rows = await bot.db.linkCode.findMany();
    expect(rows.map((r) => r.codeHash)).toEqual([hashLinkCode(second)]);
    expect(JSON.stringify(rows)).not.toContain(second);
    const phone = bot.account('phone');
    await bot.as(phone).command('start', first);
    expect(bot.lastText(phone)).toMatch(/^Kode penghubung tidak valid/);
    await bot.as(phone).command('start', second);
    expect(bot.lastText(phone)).toMatch(/^Akun berhasil terhubung/);
  });
});
