import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { holidayCommand } from '../../src/admin/commands/holidayCommand';
import { loadDemoOrganisation } from '../../src/admin/loadDemoOrganisation';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { tickAt } from '../scheduler/schedulerHarness';

const quiet = { line: () => {}, error: (text: string) => { throw new Error(text); } };

/** A SQLite file whatever TEST_DATABASE says: the move always starts from one. */
export function sqliteFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-pindah-')), 'timkerja.db');
}

/**
 * The demo organisation (Kota Samarinda) after a working week, through the real flows: a sent
 * progress report with evidence and a revision request, a volunteer request half-way through its approvals
 * (with the letters of the first two), a request to another government forwarded by the PyB, leave, a kendala with a follow-up, a resignation, a submitted
 * result, a request to a unit for two of its officials, a half-filled report, a team's group chat, a day off and a scheduler tick.
 */
export async function demoWithActivity(): Promise<{ bot: TestBot; people: Record<'ketua' | 'halfway', TestUser> }> {
  const bot = await TestBot.start({ file: sqliteFile() });
  await loadDemoOrganisation(bot.db, bot.clock.now());
  const instansi = await bot.db.instansi.findFirstOrThrow();
  const link = async (nip: string): Promise<TestUser> => bot.link((await bot.db.pegawai.findFirstOrThrow({ where: { nip } })).id, `akun-${nip}`);
  // Tim Satu Data (owner: Bidang Statistik dan Persandian): its ketua and three members, a Sandiman
  // of that Bidang who volunteers elsewhere, and the head of Bidang Aplikasi Informatika.
  const ketua = await link('198611212010012009');
  const member = await link('199601172020031007');
  const otherMember = await link('199410102019032006');
  const applicant = await link('199704042020031005');
  const kabidAptika = await link('198109232006011006');
  const ketuaTransformasi = await link('197712022002031004');
  const halfway = await link('198909092014121002');

  await bot.as(member).command('lapor');
  for (const answer of ['3', '4', '1', 'Menerbitkan dataset kependudukan', '3 dataset di portal']) await bot.as(member).say(answer);
  await bot.as(member).sendFile('AgACAgUAAxkBAAIB', undefined, 'image/jpeg');
  await bot.as(member).press('Lanjut');
  await bot.as(member).press('Tidak ada kendala');
  await bot.as(member).say('Menerbitkan dataset pendidikan');
  await bot.as(member).press('Kirim');
  await bot.as(ketua).press('Minta revisi');
  await bot.as(ketua).say('Lampirkan tautan portal untuk tiap dataset');

  await bot.as(applicant).command('ajukan');
  await bot.as(applicant).press(/^Tim Percepatan Transformasi Digital/);
  await bot.as(applicant).say('Saya berpengalaman membangun integrasi aplikasi layanan publik');
  await bot.as(applicant).press('Kirim');
  await bot.as(ketuaTransformasi).press('Rekomendasikan');
  await bot.as(kabidAptika).press('Setujui');

  // WF-3: the same head asks another government for two officials; the Sekda, the demo's PyB, forwards it.
  const pyb = await link('196903141994031001');
  await bot.as(kabidAptika).command('mintainstansi');
  await bot.as(kabidAptika).press('Tim Percepatan Transformasi Digital');
  for (const answer of ['Pemerintah Kabupaten Kutai Kartanegara', '2', 'Mengintegrasikan layanan perizinan kedua daerah', 'Integrasi sistem dan interoperabilitas data', 'Dua layanan perizinan terintegrasi']) {
    await bot.as(kabidAptika).say(answer);
  }
  await bot.as(kabidAptika).press(/^Sampai akhir masa tim/);
  await bot.as(kabidAptika).press('Kirim');
  await bot.as(pyb).press('Setujui dan teruskan');

  // WF-2 without a named official: the same head asks Bidang IKP for two officials it nominates.
  await bot.as(kabidAptika).command('mintapegawai');
  await bot.as(kabidAptika).press('Tim Percepatan Transformasi Digital');
  await bot.as(kabidAptika).say('informasi dan komunikasi');
  await bot.as(kabidAptika).press(/^Bidang Informasi dan Komunikasi Publik/);
  await bot.as(kabidAptika).press('Minta sejumlah pegawai, unit yang menunjuk');
  for (const answer of ['2', 'Menyebarluaskan layanan digital kepada masyarakat', 'Komunikasi publik dan pengelolaan media sosial', 'Kampanye layanan digital di 10 kelurahan']) {
    await bot.as(kabidAptika).say(answer);
  }
  await bot.as(kabidAptika).press(/^Sampai akhir masa tim/);
  await bot.as(kabidAptika).press('Kirim');

  await bot.as(otherMember).command('cuti');
  await bot.as(otherMember).press('Cuti tahunan');
  await bot.as(otherMember).say('30/11/2026 s.d. 2/12/2026');
  await bot.as(otherMember).press('Simpan');

  await bot.as(ketua).command('kendala');
  for (const text of ['Data sektoral terlambat diterima', 'Akses basis data belum dibuka', 'Surat permintaan akses dari Kepala Dinas']) await bot.as(ketua).say(text);
  await bot.as(ketua).press('Selesai');
  await bot.as(ketua).press('Ya, perlu kolaborasi');
  await bot.as(kabidAptika).press('Catat tindak lanjut');
  await bot.as(kabidAptika).say('Muhammad Ilham Syahputra menyiapkan surat permintaan akses.');

  await bot.as(ketua).command('hasil');
  await bot.as(ketua).say('Portal Satu Data memuat 120 dataset terverifikasi.');
  await bot.as(ketua).press(/^Jumlah dataset/);
  await bot.as(ketua).say('120');

  await bot.as(otherMember).command('mundur');
  await bot.as(otherMember).press('Tim Satu Data Samarinda');
  await bot.as(otherMember).press('Mutasi');
  await bot.as(otherMember).press('Ya, saya menyatakan');

  await linkGroupChat(bot, ketua, /Satu Data/);
  await holidayCommand(bot.db, { instansiCode: instansi.code, action: 'tambah', date: '2026-12-24', name: 'Cuti bersama Natal', now: bot.clock.now() }, quiet);
  await tickAt(bot, '2026-11-26T06:00:00Z');
  // Last, so the conversation is still open at the clock's time: it has not expired.
  await bot.as(halfway).command('lapor');
  await bot.as(halfway).say('2');
  return { bot, people: { ketua, halfway } };
}

/** `/hubungkangrup` sent in a group chat by the ketua, who then picks the team. */
async function linkGroupChat(bot: TestBot, ketua: TestUser, team: RegExp): Promise<void> {
  const inGroup = { ...ketua, chatId: 'grup-satu-data' };
  const meta = (eventKey: string) => ({ eventKey, account: { platform: 'fake', workspace: '', accountId: ketua.accountId, chatId: inGroup.chatId, direct: false } });
  await bot.core.handleEvent({ kind: 'command', command: 'hubungkangrup', args: '', meta: meta('grup-1') });
  await bot.core.drainOutbox();
  await bot.core.handleEvent({ kind: 'button', token: bot.findButton(inGroup, team), meta: meta('grup-2') });
  await bot.core.drainOutbox();
}
