import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { TestBot, type TestUser } from './botHarness';
import { loadOrganisation } from './organisationBot';
import { pdfText } from './pdfText';

export const MAKSUD = 'Menyusun statistik sektoral layanan aplikasi';
export const KOMPETENSI = 'Analisis data dan basis data';
export const EKSPEKTASI = 'Menyusun 12 tabel statistik layanan aplikasi';

/** The small organisation under a profile, with the officials a WF-2 request involves linked. */
export async function involvementBot(profile: string, organisation = smallOrganisation(profile)) {
  const bot = await TestBot.start();
  const org = await loadOrganisation(bot, organisation);
  const people = {
    requester: await org.link(NIP.kabidB), kabidAptika: await org.link(NIP.kabidA), kadis: await org.link(NIP.kadis),
    pranata: await org.link(NIP.pfMuda), analis: await org.link(NIP.pfMadya), ketua: await org.link(NIP.pfPertama),
  };
  return { bot, org, ...people };
}

/**
 * /mintapegawai by `head` for Tim Statistik Sektoral, asking for `person` of the unit found by
 * `unitQuery`, with the four required items, until the team's end.
 */
export async function askForOfficial(bot: TestBot, head: TestUser, person: RegExp, options: { unitQuery?: string; unit?: RegExp; team?: string } = {}) {
  await bot.as(head).command('mintapegawai');
  await bot.as(head).press(options.team ?? 'Tim Statistik Sektoral');
  await bot.as(head).say(options.unitQuery ?? 'aplikasi');
  await bot.as(head).press(options.unit ?? /^Bidang Aplikasi Informatika/);
  await bot.as(head).press(person);
  await bot.as(head).say(MAKSUD);
  await bot.as(head).say(KOMPETENSI);
  await bot.as(head).say(EKSPEKTASI);
  await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
  await bot.as(head).press('Kirim');
}

/** The text of the PDF documents a user received, in order. */
export async function documentsOf(bot: TestBot, user: TestUser): Promise<Array<{ fileName: string; text: string }>> {
  const documents = bot.inbox(user).filter((m) => m.kind === 'document');
  return Promise.all(documents.map(async (d) => ({
    fileName: d.kind === 'document' ? d.fileName : '',
    text: d.kind === 'document' ? (await pdfText(Buffer.from(d.contentBase64, 'base64'))).join('\n') : '',
  })));
}

/**
 * /mintapegawai by `head` for Tim Statistik Sektoral, asking the Aptika unit for `jumlah` officials
 * it nominates, until `lastDay` (TTTT-BB-HH) or the team's end.
 */
export async function askUnitFor(bot: TestBot, head: TestUser, jumlah: number, lastDay?: string) {
  await bot.as(head).command('mintapegawai');
  await bot.as(head).press('Tim Statistik Sektoral');
  await bot.as(head).say('aplikasi');
  await bot.as(head).press(/^Bidang Aplikasi Informatika/);
  await bot.as(head).press('Minta sejumlah pegawai, unit yang menunjuk');
  await bot.as(head).say(String(jumlah));
  await bot.as(head).say(MAKSUD);
  await bot.as(head).say(KOMPETENSI);
  await bot.as(head).say(EKSPEKTASI);
  if (lastDay) await bot.as(head).say(lastDay);
  else await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
  await bot.as(head).press('Kirim');
}

/** The unit's head nominates the officials at these list positions (1-based, in the list's name order). */
export async function nominate(bot: TestBot, head: TestUser, positions: string) {
  await bot.as(head).press('Tunjuk pegawai');
  await bot.as(head).say(positions);
  await bot.as(head).press('Kirim');
}
