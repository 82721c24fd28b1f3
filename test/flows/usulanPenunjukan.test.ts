import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { documentsOf } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { tickAt } from '../scheduler/schedulerHarness';
import { homeView } from '../../src/core/domain/beranda/homeView';
import { loadPegawai, toActor } from '../../src/core/auth/resolveActor';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const KASUBBAG = '198906062014021006';

/**
 * Tulang Bawang Barat with a Kasubbag (level 3) who appraises the Pelaksana of the Bidang
 * Statistik: the Kabid, head of the unit, is not the Pelaksana's Penilai (AC-07).
 */
async function start(profile = 'TBB') {
  const organisation = smallOrganisation(profile);
  const pelaksana = organisation.pegawai.find((p) => p.nip === NIP.pelaksana)!;
  organisation.pegawai.push({ ...pelaksana, nip: KASUBBAG, nama: 'Kasubbag Uji', jabatan: 'Kepala Subbagian Statistik', jenisJabatan: 'PENGAWAS', nipPenilai: NIP.kabidB, email: 'kasubbag@contoh.go.id' });
  pelaksana.nipPenilai = KASUBBAG;
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, organisation);
  return { org, head: await org.link(NIP.kabidB), kasubbag: await org.link(KASUBBAG), pelaksana: await org.link(NIP.pelaksana), ketua: await org.link(NIP.pfPertama) };
}

async function propose(head: Parameters<TestBot['as']>[0]) {
  await bot.as(head).command('tunjuk');
  await bot.as(head).press('Tim Statistik Sektoral');
  await bot.as(head).press('Pelaksana Uji');
  await bot.as(head).say('Menyusun 12 tabel statistik sektoral per triwulan');
  await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
}

const penugasan = () => bot.db.penugasan.findFirstOrThrow({ include: { steps: true } });

describe('penunjukan on the unit head\'s proposal, issued by the Penilai (Tulang Bawang Barat, AC-07)', () => {
  it('the head who is not the Penilai proposes; only the official\'s Penilai issues it, with the surat penugasan; then the official accepts', async () => {
    const { head, kasubbag, pelaksana } = await start();
    await propose(head);
    expect(bot.lastText(head)).toMatch(/^Usulkan Pelaksana Uji sebagai anggota Tim Statistik Sektoral sampai 31 Desember 2026\? Surat penugasannya diterbitkan oleh Pejabat Penilai Kinerja-nya, Kasubbag Uji\./);
    expect(bot.lastText(head)).toContain('Dasar: 001-TBB Lamp. c. (penugasan dilakukan oleh Pejabat Penilai Kinerja atas usulan Pimpinan Unit Organisasi); A.1');
    await bot.as(head).press('Kirim usulan');
    expect(await penugasan()).toMatchObject({ status: 'PROPOSED', workflow: 'WF-1', mode: 'PENUNJUKAN', assignerId: head.pegawaiId });
    expect(bot.lastText(head)).toMatch(/^Usulan penunjukan nomor 1: Pelaksana Uji untuk Tim Statistik Sektoral dikirim kepada Pejabat Penilai Kinerja-nya, Kasubbag Uji/);
    // The official hears nothing yet, nor sees it on their home view: there is no assignment before the Penilai issues it.
    expect(bot.inbox(pelaksana).filter((m) => m.kind !== 'text' || !m.text.startsWith('Akun'))).toEqual([]);
    const home = await homeView({ tx: bot.db, actor: toActor((await loadPegawai(bot.db, pelaksana.pegawaiId))!), now: bot.clock.now() });
    expect(JSON.stringify(home)).not.toContain('Tim Statistik Sektoral');
    const card = bot.lastText(kasubbag);
    expect(card).toMatch(/^Usulan penunjukan nomor 1 dari Kabid Statistik Uji/);
    expect(card).toContain('Langkah: penerbitan surat penugasan sebagai Pejabat Penilai Kinerja pegawai yang diusulkan');

    // Neither the proposer nor the official may issue it: refused, audited, nothing moves.
    expect((await bot.as(head).press('Terbitkan surat penugasan', kasubbag)).status).toBe('refused');
    expect((await bot.as(pelaksana).press('Terbitkan surat penugasan', kasubbag)).status).toBe('refused');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(2);
    expect((await penugasan()).status).toBe('PROPOSED');

    await bot.as(kasubbag).press('Terbitkan surat penugasan');
    expect((await penugasan()).status).toBe('ISSUED');
    const [letter] = await documentsOf(bot, pelaksana);
    const pdf = letter!.text.replace(/\s+/g, ' ');
    expect(pdf).toContain('SURAT PENUGASAN');
    expect(pdf).toContain('Kasubbag Uji');
    expect((await documentsOf(bot, head)).map((d) => d.fileName)).toEqual(['surat-penugasan-0001-DISKOMINFO-2026.pdf']);
    // Named as the profile names it, not as a Surat Tugas.
    expect(bot.inbox(pelaksana).map(messageText)).toContainEqual('Surat Penugasan nomor 0001/DISKOMINFO/2026. Salinan dapat diunduh lagi (PDF atau DOCX) dengan /surat.');
    expect(bot.inbox(head).map(messageText)).toContainEqual('Usulan penunjukan nomor 1 (Pelaksana Uji, Tim Statistik Sektoral) diterbitkan oleh Kasubbag Uji. Penugasan berlaku setelah yang bersangkutan menerimanya.');
    expect(bot.lastText(pelaksana)).toMatch(/^Penunjukan nomor 1 dari Kasubbag Uji: .*\nEkspektasi: Menyusun 12 tabel statistik sektoral per triwulan\nDasar: 001-TBB Lamp\. c\. \(penugasan dilakukan oleh Pejabat Penilai Kinerja atas usulan/);
    await bot.as(pelaksana).press('Terima penugasan');
    expect(await bot.db.membership.findFirst({ where: { pegawaiId: pelaksana.pegawaiId, tim: { code: 'TIM-STAT' } } })).toMatchObject({ status: 'ACTIVE' });
    expect((await bot.db.auditLog.findMany({ where: { action: { startsWith: 'penunjukan.' } }, orderBy: { at: 'asc' } })).map((a) => [a.action, a.actorId]))
      .toEqual([['penunjukan.usul', head.pegawaiId], ['penunjukan.terbit', kasubbag.pegawaiId]]);
    // It is the Penilai's assignment: they, not the proposer, may cancel it (S3).
    expect((await bot.as(head).command('batalkantugas')).status).toBe('refused');
    await bot.as(kasubbag).command('batalkantugas');
    expect(bot.lastText(kasubbag)).toBe('Penugasan aktif yang Bapak/Ibu terbitkan. Pilih yang akan dibatalkan:');
  });

  it('at the end of its period the Penilai who issued it is told, with the head who proposed it (S8, S12)', async () => {
    const { head, kasubbag, pelaksana } = await start();
    await propose(head);
    await bot.as(head).press('Kirim usulan');
    await bot.as(kasubbag).press('Terbitkan surat penugasan');
    await bot.as(pelaksana).press('Terima penugasan');
    await tickAt(bot, '2027-01-01T16:00:30Z');
    const notice = 'Penugasan nomor 1: Pelaksana Uji selesai sebagai anggota Tim Statistik Sektoral pada 31 Desember 2026, akhir masa penugasannya.';
    for (const told of [kasubbag, head]) expect(bot.inbox(told).map(messageText).filter((t) => t.includes('akhir masa penugasannya'))).toEqual([notice]);
  });

  it('the Penilai may refuse it with a reason: the proposer hears why and the official is never asked; the proposer follows it in /pengajuanku', async () => {
    const { head, kasubbag, pelaksana } = await start();
    await propose(head);
    await bot.as(head).press('Kirim usulan');
    await bot.as(head).command('pengajuanku');
    expect(bot.lastText(head)).toMatch(/- Nomor 1, usulan penunjukan Pelaksana Uji untuk Tim Statistik Sektoral: menunggu Pejabat Penilai Kinerja pegawai yang diusulkan \(Kasubbag Uji\) sejak /);
    await bot.as(kasubbag).press('Tolak');
    await bot.as(kasubbag).say('Penuh');
    expect(bot.lastText(kasubbag)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    expect((await penugasan()).status).toBe('PROPOSED');
    await bot.as(kasubbag).say('Sedang menyusun laporan keuangan sampai akhir tahun');
    expect(await penugasan()).toMatchObject({ status: 'PROPOSAL_REJECTED', steps: [expect.objectContaining({ status: 'REJECTED', reason: 'Sedang menyusun laporan keuangan sampai akhir tahun' })] });
    expect(bot.inbox(head).map(messageText)).toContainEqual('Usulan penunjukan nomor 1 (Pelaksana Uji) tidak diterbitkan oleh Kasubbag Uji (Pejabat Penilai Kinerja pegawai yang diusulkan). Alasan: Sedang menyusun laporan keuangan sampai akhir tahun');
    expect(bot.inbox(pelaksana).map(messageText).filter((t) => t.includes('nomor 1'))).toEqual([]);
    expect(await bot.db.surat.count()).toBe(0);
    await bot.as(head).command('pengajuanku');
    expect(bot.lastText(head)).toContain('- Nomor 1, usulan penunjukan Pelaksana Uji untuk Tim Statistik Sektoral: ditolak');
  });

  it('a Penilai who does not answer is reminded after two working days, and their superior (the proposer here) after four; it is never issued by itself (S2)', async () => {
    const { head, kasubbag } = await start();
    await propose(head);
    await bot.as(head).press('Kirim usulan');
    await tickAt(bot, '2026-11-25T02:00:00Z');
    expect(bot.lastText(kasubbag)).toBe('Pengingat: permohonan nomor 1 dari Kabid Statistik Uji (Tim Statistik Sektoral) menunggu keputusan Bapak/Ibu sejak 23 November 2026 (2 hari kerja). Pesan permohonannya ada di atas; keputusan tetap di tangan Bapak/Ibu.');
    await tickAt(bot, '2026-11-27T02:00:00Z');
    expect(bot.lastText(head)).toMatch(/^Untuk diketahui: permohonan nomor 1 .*menunggu keputusan Kasubbag Uji/);
    expect((await penugasan()).status).toBe('PROPOSED');
  });

  it('the proposer may withdraw it before the Penilai decides; the Penilai\'s card says so', async () => {
    const { head, kasubbag } = await start();
    await propose(head);
    await bot.as(head).press('Kirim usulan');
    await bot.as(head).command('pengajuanku');
    await bot.as(head).press('Tarik pengajuan nomor 1');
    expect((await penugasan()).status).toBe('WITHDRAWN');
    expect(bot.inbox(kasubbag).map(messageText)).toContainEqual(expect.stringMatching(/DITARIK oleh pemohon, Kabid Statistik Uji/));
    expect(() => bot.findButton(kasubbag, 'Terbitkan surat penugasan')).toThrow(/no button/);
  });

  it('the official\'s own Penilai designates directly; where the unit head designates (Samarinda), nothing is proposed', async () => {
    let started = await start();
    await bot.as(started.kasubbag).command('tunjuk');
    await bot.as(started.kasubbag).press('Tim Statistik Sektoral');
    await bot.as(started.kasubbag).press('Pelaksana Uji');
    await bot.as(started.kasubbag).say('Menyusun 12 tabel statistik sektoral per triwulan');
    await bot.as(started.kasubbag).press('Sampai akhir masa tim (31 Desember 2026)');
    await bot.as(started.kasubbag).press('Terbitkan');
    expect(await penugasan()).toMatchObject({ status: 'ISSUED', steps: [] });
    await bot.stop();

    started = await start('SMD');
    await propose(started.head);
    await bot.as(started.head).press('Terbitkan');
    expect(await penugasan()).toMatchObject({ status: 'ISSUED', assignerId: started.head.pegawaiId, steps: [] });
  });
});
