import { afterEach, describe, expect, it } from 'vitest';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function startTeam() {
  bot = await TestBot.start(); // Monday 23 November 2026, 10:00 WITA; Tim Satu Data reports Fridays 15:00
  const org = await loadOrganisation(bot, smallOrganisation('SMD'));
  return { org, member: await org.link(NIP.pfMadya), ketua: await org.link(NIP.pfMuda), ownerHead: await org.link(NIP.kabidA) };
}

async function fillReport(member: TestUser, options: { evidence?: boolean } = {}) {
  await bot.as(member).command('lapor');
  await bot.as(member).say('12');
  await bot.as(member).say('Membersihkan dan menerbitkan dataset kependudukan');
  await bot.as(member).say('12 dataset di portal');
  if (options.evidence) await bot.as(member).sendFile('AgACAgUAAxkBAAIB', undefined, 'image/jpeg');
  await bot.as(member).press('Lanjut');
  await bot.as(member).press('Tidak ada kendala');
  await bot.as(member).say('Menerbitkan 10 dataset berikutnya');
}

describe('laporan kemajuan (WF-7, R1) and umpan balik (R8)', () => {
  it('AC-49: sends a complete weekly report with evidence to the ketua tim only, on time', async () => {
    const { member, ketua, ownerHead } = await startTeam();
    await fillReport(member, { evidence: true });
    expect(bot.lastText(member)).toContain('- Dataset terbit: 12 dataset dari 40');
    await bot.as(member).press('Kirim');

    const laporan = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KEMAJUAN_ANGGOTA' }, include: { attachments: true, addressees: true } });
    expect(laporan).toMatchObject({ status: 'SUBMITTED', late: false });
    expect(laporan.addressees.map((a) => [a.pegawaiId, a.capacity])).toEqual([[ketua.pegawaiId, 'KETUA_TIM']]);
    expect(laporan.attachments).toMatchObject([{ fileId: 'AgACAgUAAxkBAAIB', mimeType: 'image/jpeg', platform: 'fake' }]);
    expect(bot.lastText(ketua)).toMatch(/^Laporan kemajuan dari Analis Madya Uji[\s\S]*Bukti dukung: 1 berkas \(foto 1\)\n/);
    expect(bot.lastText(member)).toBe('Laporan kemajuan Tim Satu Data telah dikirim kepada Pranata Muda Uji.');
    expect(bot.inbox(ownerHead).filter((m) => m.kind !== 'text' || !m.text.startsWith('Akun berhasil'))).toHaveLength(0); // R1
  });

  it('keeps a half-filled report across a restart and continues where it stopped', async () => {
    const { member } = await startTeam();
    await bot.as(member).command('lapor');
    await bot.as(member).say('12');
    await bot.as(member).say('Membersihkan dataset kependudukan');
    bot = await bot.restart();
    await bot.as(member).command('lapor');
    expect(bot.lastText(member)).toMatch(/^Output apa yang dihasilkan/);
    const draft = await bot.db.laporan.findFirstOrThrow();
    expect(JSON.parse(draft.content)).toMatchObject({ kegiatan: 'Membersihkan dataset kependudukan', capaian: [{ nilai: 12 }] });
  });

  it('marks a report sent after the due time as late, for the member and the ketua', async () => {
    const { member, ketua } = await startTeam();
    bot.clock.set(new Date('2026-11-27T08:00:00Z')); // Friday 16:00 WITA, an hour past due
    await fillReport(member);
    await bot.as(member).press('Kirim');
    expect((await bot.db.laporan.findFirstOrThrow()).late).toBe(true);
    expect(bot.lastText(member)).toContain('(terlambat: melewati batas waktu 27 November 2026');
    expect(bot.lastText(ketua)).toMatch(/^Laporan kemajuan dari Analis Madya Uji \(NIP \d+\) — TERLAMBAT/);
  });

  it('lets the ketua acknowledge, see the evidence, and ask for a revision that the member then answers', async () => {
    const { member, ketua } = await startTeam();
    await fillReport(member, { evidence: true });
    await bot.as(member).press('Kirim');

    await bot.as(ketua).press('Lihat bukti dukung (1)');
    expect(bot.inbox(ketua).at(-1)).toMatchObject({ kind: 'attachment', fileId: 'AgACAgUAAxkBAAIB', caption: 'Bukti dukung 1 dari 1, laporan Analis Madya Uji' });

    await bot.as(ketua).press('Minta revisi');
    await bot.as(ketua).say('Lampirkan tautan portal untuk tiap dataset');
    expect((await bot.db.laporan.findFirstOrThrow()).status).toBe('REVISION_REQUESTED');
    expect(bot.lastText(member)).toMatch(/REVISI diminta oleh Pranata Muda Uji .*: Lampirkan tautan portal[\s\S]*Ketik \/lapor/);

    await bot.as(member).command('lapor');
    expect(bot.lastText(member)).toMatch(/Kirim laporan ini kepada ketua tim\?$/);
    await bot.as(member).press('Ubah isian');
    for (const answer of ['14', 'Menerbitkan dataset, tautan portal terlampir', 'https://data.contoh.go.id/dataset']) await bot.as(member).say(answer);
    await bot.as(member).press('Lanjut');
    await bot.as(member).press('Tidak ada kendala');
    await bot.as(member).say('Menerbitkan 10 dataset berikutnya');
    await bot.as(member).press('Kirim');
    expect(bot.lastText(ketua)).toMatch(/— DIPERBARUI[\s\S]*- Dataset terbit: 14 dataset dari 40[\s\S]*Output: https:\/\/data\.contoh\.go\.id\/dataset/);
    expect(bot.inbox(ketua).some((m) => m.kind === 'text' && m.text.startsWith('Laporan kemajuan Analis Madya Uji untuk Tim Satu Data telah diperbarui'))).toBe(true);
    await bot.as(ketua).press('Terima');

    const laporan = await bot.db.laporan.findFirstOrThrow({ include: { feedback: { orderBy: { createdAt: 'asc' } } } });
    expect(laporan.status).toBe('REVIEWED');
    expect(laporan.feedback.map((f) => f.kind)).toEqual(['REVISION', 'ACK']);
    expect(bot.lastText(member)).toMatch(/DITERIMA oleh Pranata Muda Uji/);
    expect(bot.inbox(ketua).some((m) => m.kind === 'text' && /^Laporan kemajuan dari[\s\S]*DITERIMA oleh/.test(m.text))).toBe(true);
  });

  it('refuses feedback buttons pressed by anyone but the addressee', async () => {
    const { member, ketua, ownerHead } = await startTeam();
    await fillReport(member);
    await bot.as(member).press('Kirim');
    const result = await bot.as(ownerHead).pressToken(bot.findButton(ketua, 'Terima'));
    expect(result).toMatchObject({ status: 'refused', notice: 'Mohon maaf, laporan ini tidak ditujukan kepada Bapak/Ibu.' });
    expect((await bot.db.laporan.findFirstOrThrow()).status).toBe('SUBMITTED');
  });

  it('refuses to change a report after its period has closed', async () => {
    const { member } = await startTeam();
    bot.clock.set(new Date('2026-11-29T15:30:00Z')); // Sunday 23:30 WITA
    await bot.as(member).command('lapor');
    await bot.as(member).say('12');
    bot.clock.set(new Date('2026-11-29T16:30:00Z')); // Monday 00:30 WITA: the week has closed
    const result = await bot.as(member).say('Kegiatan yang terlambat dilaporkan');
    expect(result.status).toBe('refused');
    expect(bot.lastText(member)).toBe('Periode laporan ini sudah ditutup, sehingga laporan tidak dapat diubah lagi.');
    expect(JSON.parse((await bot.db.laporan.findFirstOrThrow()).content).kegiatan).toBeUndefined();
  });
});

describe('an official in several teams', () => {
  it('gets one prompt with a section per team, own unit first, showing each report’s state', async () => {
    bot = await TestBot.start();
    const org = smallOrganisation('SMD');
    org.timKerja[1]!.anggota.push({ nip: NIP.pelaksana, peran: 'ANGGOTA' });
    const loaded = await loadOrganisation(bot, org);
    const pelaksana = await loaded.link(NIP.pelaksana); // Bidang Statistik; in Tim Satu Data (Aptika) and now Tim Statistik

    await bot.as(pelaksana).command('lapor');
    const prompt = bot.lastText(pelaksana);
    expect(prompt).toMatch(/^Laporan kemajuan minggu ini:\n\nTim Statistik Sektoral\nStatus: belum diisi\nBatas waktu: 26 November 2026/);
    expect(prompt).toContain('Tim Satu Data — prioritas rendah (000-SMD Ps 11(2))\nStatus: belum diisi\nBatas waktu: 27 November 2026');
    expect(bot.inbox(pelaksana).filter((m) => m.kind === 'choice')).toHaveLength(1);
  });
});

describe('review findings kept fixed', () => {
  it('records one decision when the ketua presses Terima twice', async () => {
    const { member, ketua } = await startTeam();
    await fillReport(member);
    await bot.as(member).press('Kirim');
    const terima = bot.findButton(ketua, 'Terima');
    await bot.as(ketua).pressToken(terima);
    await bot.as(ketua).pressToken(terima);
    expect(await bot.db.feedback.count()).toBe(1);
    expect(bot.lastText(ketua)).toMatch(/^Laporan ini sudah ditanggapi/);
  });

  it('keeps report commands out of group chats', async () => {
    const { member } = await startTeam();
    const result = await bot.core.handleEvent({
      kind: 'command', command: 'lapor', args: '',
      meta: { eventKey: 'group-lapor', account: { platform: 'fake', workspace: '', accountId: member.accountId, chatId: 'group-1', direct: false } },
    });
    await bot.core.drainOutbox();
    expect(result.status).toBe('processed');
    expect(bot.messenger.visibleTo('group-1').at(-1)).toMatchObject({ text: 'Perintah /lapor hanya dapat digunakan dalam percakapan pribadi dengan bot, agar isinya tidak terbaca anggota grup.' });
    expect(await bot.db.conversation.count()).toBe(0);
  });
});
