import { expect } from 'vitest';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { TestBot, type TestUser } from './botHarness';
import { EKSPEKTASI, KOMPETENSI, MAKSUD } from './involvement';
import { loadOrganisation } from './organisationBot';

export const TARGET = 'Pemerintah Kabupaten Kutai Kartanegara';
/** Two officials as another government's answer names them, one per line. */
export const DAFTAR = [
  'Rudi Hartono, S.Kom.; 198701012010011001; Pranata Komputer Ahli Muda; Dinas Komunikasi dan Informatika',
  'Sari Dewi, S.Si.; 199002022015032002; Statistisi Ahli Pertama; Badan Pusat Data',
].join('\n');

/** The small organisation whose Sekretaris Daerah the admin made Pejabat yang Berwenang (the role is the instansi's choice, S6). */
export function organisationWithPyb(profile: string, kode?: string) {
  const organisation = smallOrganisation(profile, kode);
  organisation.peran.push({ peran: 'PEJABAT_BERWENANG', nip: NIP.sekda });
  return organisation;
}

/** The organisation loaded, with the officials a WF-3 request involves linked. */
export async function lintasBot(profile: string, organisation = organisationWithPyb(profile)) {
  const bot = await TestBot.start();
  const org = await loadOrganisation(bot, organisation);
  const people = {
    requester: await org.link(NIP.kabidB), pyb: await org.link(NIP.sekda), admin: await org.link(NIP.admin),
    kadis: await org.link(NIP.kadis), ketua: await org.link(NIP.pfPertama),
  };
  return { bot, org, ...people };
}

/**
 * /mintainstansi by `head` for Tim Statistik Sektoral: `jumlah` officials of `target` (typed), or of
 * the government `pick` (a button: one this deployment serves), until the team's end.
 */
export async function askAcrossInstansi(bot: TestBot, head: TestUser, options: { target?: string; pick?: RegExp; jumlah?: number } = {}) {
  await bot.as(head).command('mintainstansi');
  await bot.as(head).press('Tim Statistik Sektoral');
  if (options.pick) await bot.as(head).press(options.pick);
  else await bot.as(head).say(options.target ?? TARGET);
  await bot.as(head).say(String(options.jumlah ?? 2));
  await bot.as(head).say(MAKSUD);
  await bot.as(head).say(KOMPETENSI);
  await bot.as(head).say(EKSPEKTASI);
  await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
  await bot.as(head).press('Kirim');
}

/** /catatsurat: the other government's letter with `outcome`, uploaded, with its list or reason. */
export async function recordLetter(bot: TestBot, recorder: TestUser, outcome: string | RegExp, fill: { daftar?: string; alasan?: string } = {}, nomor = 1) {
  await bot.as(recorder).command('catatsurat');
  await bot.as(recorder).press(new RegExp(`^Nomor ${nomor}:`));
  await bot.as(recorder).press(outcome);
  await bot.as(recorder).sendFile(`file-${outcome.toString().length}-${nomor}`, 'surat-balasan.pdf', 'application/pdf');
  if (fill.daftar) await bot.as(recorder).say(fill.daftar);
  if (fill.alasan) await bot.as(recorder).say(fill.alasan);
  await bot.as(recorder).press('Simpan');
}

export const SEBERANG = 'Pemerintah Kabupaten Seberang';

/**
 * Two governments on one deployment: the requesting Kota Uji (`profile`) and the Kabupaten
 * Seberang (`targetProfile`), each with its Sekretaris Daerah as PyB. Both organisations have the
 * same shape; people of the second carry the prefix `seberang`.
 */
export async function twoGovernments(profile: string, targetProfile: string, targetPengaturan?: object, targetInstansi: object = {}) {
  const started = await lintasBot(profile);
  const target = organisationWithPyb(targetProfile, 'kab-seberang');
  Object.assign(target.instansi, { nama: SEBERANG }, targetPengaturan && { pengaturan: targetPengaturan }, targetInstansi);
  const other = await loadOrganisation(started.bot, target);
  const seberang = {
    pyb: await other.link(NIP.sekda), kabidAptika: await other.link(NIP.kabidA), kadis: await other.link(NIP.kadis),
    pranata: await other.link(NIP.pfMuda), analis: await other.link(NIP.pfMadya),
  };
  return { ...started, other, seberang };
}

/** Their PyB approves the request and instructs the head of their Bidang Aplikasi Informatika to answer. */
export async function instructAptika(bot: TestBot, pybSeberang: TestUser) {
  await bot.as(pybSeberang).press('Setujui');
  await bot.as(pybSeberang).press('Pilih unit yang menjawab');
  await bot.as(pybSeberang).say('aplikasi');
  await bot.as(pybSeberang).press(/^Bidang Aplikasi Informatika/);
}

/** Their Kabid Aptika names officials by their numbers in the list (default the second, the Pranata Muda). */
export async function namePranata(bot: TestBot, kabidAptika: TestUser, numbers = '2') {
  await bot.as(kabidAptika).press('Tunjuk pegawai');
  await bot.as(kabidAptika).say(numbers);
  await bot.as(kabidAptika).press('Kirim');
}

/** Our head asks Kabupaten Seberang, our PyB forwards it, and their PyB has their Bidang Aplikasi Informatika answer. */
export async function askedAndInstructed(bot: TestBot, started: Awaited<ReturnType<typeof twoGovernments>>) {
  await askAcrossInstansi(bot, started.requester, { pick: /^Pemerintah Kabupaten Seberang/ });
  await bot.as(started.pyb).press('Setujui dan teruskan');
  await instructAptika(bot, started.seberang.pyb);
  const statuses = Object.fromEntries((await bot.db.pelibatanLintasInstansi.findMany()).map((r) => [r.direction, r.status]));
  expect(statuses).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'TARGET_INSTRUCTED_PENILAI' });
}
