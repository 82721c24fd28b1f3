// Issue 6, "tests must show": the same scenarios under each of the five regional profiles and the
// baseline, through the core, each with the chain, the letter and the refusals its regulation gives.
import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { documentsOf, askForOfficial } from '../helpers/involvement';
import { approveAll } from '../helpers/approveAll';
import { volunteer } from '../helpers/volunteer';
import { askAcrossInstansi, lintasBot } from '../helpers/lintasInstansi';
import { designatePelaksana } from '../helpers/designation';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const PROFILES = ['SMD', 'TBB', 'LMD', 'MGL', 'KRA', 'BASELINE'] as const;
type Profile = (typeof PROFILES)[number];

/** The letter each profile designates with (SMD format 6; TBB, MGL, KRA: surat penugasan; LMD Ps 20: surat perintah). */
const TITLE: Record<Profile, string> = {
  SMD: 'SURAT TUGAS', TBB: 'SURAT PENUGASAN', LMD: 'SURAT PERINTAH', MGL: 'SURAT PENUGASAN', KRA: 'SURAT PENUGASAN', BASELINE: 'SURAT PENUGASAN',
};
/** A voluntary request ends with "menerima surat penugasan" everywhere; Samarinda writes it as its format-6 Surat Tugas. */
const VOLUNTARY_TITLE: Record<Profile, string> = { ...TITLE, LMD: 'SURAT PENUGASAN' };

/** WF-4: who decides a Pelaksana's request to join a team of their own unit (the Kabid Statistik either way). */
const IN_UNIT: Record<Profile, string[]> = {
  SMD: ['HOME_PIMPINAN_UO'], TBB: ['HOME_PENILAI'], LMD: ['HOME_PIMPINAN_UO'], MGL: ['HOME_PENILAI'], KRA: ['HOME_PIMPINAN_UO'], BASELINE: ['HOME_PENILAI'],
};

/** WF-5 (Magelang: WF-4): a Statistisi asking to join Tim Satu Data of the Bidang Aplikasi Informatika, in order. */
const CROSS_UNIT: Record<Profile, string[]> = {
  SMD: ['TARGET_KETUA_TIM', 'TARGET_PIMPINAN_UO', 'HOME_PENILAI'],
  TBB: ['HOME_PENILAI', 'TARGET_PIMPINAN_UO', 'HOME_PENILAI'],
  LMD: ['HOME_PENILAI', 'TARGET_PIMPINAN_UO'],
  MGL: ['HOME_PENILAI'],
  KRA: ['TARGET_PIMPINAN_UO', 'HOME_PENILAI'],
  BASELINE: ['TARGET_PIMPINAN_UO', 'HOME_PENILAI'],
};

/**
 * The target head's approval letter (format 3) names the letter still to come, and says "dari kami"
 * only where that head decides last and issues it (Lamandau). Magelang, within one Perangkat Daerah: none.
 */
const APPROVAL_CLOSING: Record<Profile, string | null> = {
  SMD: 'Setelah Saudara menerima Surat Tugas,', TBB: 'Setelah Saudara menerima Surat Penugasan,', LMD: 'Setelah Saudara menerima Surat Penugasan dari kami,',
  MGL: null, KRA: 'Setelah Saudara menerima Surat Penugasan,', BASELINE: 'Setelah Saudara menerima Surat Penugasan,',
};

async function start(profile: Profile) {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  const everyone: Record<string, TestUser> = {};
  for (const [role, nip] of Object.entries(NIP)) everyone[role] = await org.link(nip);
  return { org, people: everyone as Record<keyof typeof NIP, TestUser>, all: Object.values(everyone) };
}

const letterTitles = async (user: TestUser) => (await documentsOf(bot, user)).map((d) => d.text.match(/SURAT (TUGAS|PENUGASAN|PERINTAH)/)?.[0]).filter(Boolean);

describe.each(PROFILES)('profile %s', (profile) => {
  it('WF-1: the unit head designates a Pelaksana of the unit with the profile\'s letter; the assignment starts when accepted (AC-05)', async () => {
    const designated = await designatePelaksana(profile);
    bot = designated.bot;
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ workflow: 'WF-1', mode: 'PENUNJUKAN', status: 'ISSUED', assignerId: designated.head.pegawaiId });
    expect(await letterTitles(designated.pelaksana)).toEqual([TITLE[profile]]);
    expect(await bot.db.membership.count({ where: { pegawaiId: designated.pelaksana.pegawaiId, tim: { code: 'TIM-STAT' } } })).toBe(0);
    await bot.as(designated.pelaksana).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { pegawaiId: designated.pelaksana.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-STAT' } } })).toBe(1);
  });

  it('WF-4 within the unit: the motivation alone suffices (an oral request, no letter or CV); the approver assigns with the profile\'s letter (AC-28, AC-29)', async () => {
    const { people, all } = await start(profile);
    await volunteer(bot, people.pelaksana, /^Tim Statistik Sektoral/);
    const request = await bot.db.penugasan.findFirstOrThrow();
    expect(request).toMatchObject({ workflow: 'WF-4', mode: 'PENGAJUAN_SUKARELA', scope: 'DALAM_UO' });
    expect(await bot.db.surat.count()).toBe(0);
    expect(await approveAll(bot, all, request.id)).toEqual(IN_UNIT[profile]);
    const decided = await bot.db.approvalStep.findFirstOrThrow({ where: { penugasanId: request.id }, orderBy: { position: 'desc' } });
    expect(decided.decidedById).toBe(people.kabidB.pegawaiId);
    expect(await letterTitles(people.pelaksana)).toEqual([VOLUNTARY_TITLE[profile]]);
    await bot.as(people.pelaksana).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { pegawaiId: people.pelaksana.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-STAT' } } })).toBe(1);
  });

  it('across units: the chain runs in the profile\'s order, and the last approver assigns', async () => {
    const { people, all } = await start(profile);
    await volunteer(bot, people.pfPertama, /^Tim Satu Data/);
    const request = await bot.db.penugasan.findFirstOrThrow();
    // Magelang: within one Perangkat Daerah it is the in-unit mechanism (003-MGL Lamp. II.B.1.a).
    expect(request).toMatchObject({ workflow: profile === 'MGL' ? 'WF-4' : 'WF-5', scope: 'LINTAS_UO' });
    expect(await approveAll(bot, all, request.id)).toEqual(CROSS_UNIT[profile]);
    expect(await letterTitles(people.pfPertama)).toContain(VOLUNTARY_TITLE[profile]);
    const approval = (await documentsOf(bot, people.pfPertama)).find((d) => d.fileName.startsWith('persetujuan-'));
    expect(approval?.text.replace(/\s+/g, ' ').match(/Setelah Saudara menerima [^,]*,/)?.[0] ?? null).toBe(APPROVAL_CLOSING[profile]);
    await bot.as(people.pfPertama).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { pegawaiId: people.pfPertama.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-DATA' } } })).toBe(1);
  });

  it('across units, refused at the last step: nobody is assigned, no assignment letter exists, and the applicant hears the reason', async () => {
    const { people, all } = await start(profile);
    await volunteer(bot, people.pfPertama, /^Tim Satu Data/);
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
    const last = request.steps.at(-1)!;
    // Decide all but the last step, then refuse there.
    for (const step of request.steps.slice(0, -1)) {
      await bot.as(all.find((p) => p.pegawaiId === step.assigneeId)!).press(/^(Setujui|Mengetahui|Rekomendasikan)$/);
    }
    const holder = all.find((p) => p.pegawaiId === last.assigneeId)!;
    await bot.as(holder).press('Tolak');
    if (profile === 'SMD') {
      // Samarinda: one of the two prescribed alternatives (format 4), never free text.
      await bot.as(holder).press(/Kualifikasi tidak sesuai/);
    } else {
      await bot.as(holder).say('Tidak');
      expect(bot.lastText(holder)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
      await bot.as(holder).say('Beban kerja bidang sedang penuh sampai akhir tahun');
    }
    const ended = await bot.db.penugasan.findFirstOrThrow({ include: { steps: true } });
    expect(ended.steps.find((s) => s.id === last.id)).toMatchObject({ status: 'REJECTED' });
    expect(ended.status).not.toMatch(/APPROVED|ISSUED|ACTIVE/);
    expect(await bot.db.surat.count({ where: { kind: { in: ['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH'] } } })).toBe(0);
    expect(await bot.db.membership.count({ where: { pegawaiId: people.pfPertama.pegawaiId, tim: { code: 'TIM-DATA' } } })).toBe(0);
    expect(bot.inbox(people.pfPertama).map(messageText)).toContainEqual(expect.stringMatching(/^Pengajuan nomor 1 ditolak oleh /));
    // AC-35: where the target head agreed before the own Penilai refused, the target head hears of it.
    if (CROSS_UNIT[profile].indexOf('TARGET_PIMPINAN_UO') >= 0 && CROSS_UNIT[profile].at(-1) === 'HOME_PENILAI') {
      expect(bot.inbox(people.kabidA).map(messageText).at(-1)).toMatch(/^Untuk diketahui: pengajuan nomor 1 dari Statistisi Pertama Uji untuk Tim Satu Data, yang sudah melalui langkah Bapak\/Ibu, ditolak oleh Kabid Statistik Uji \(Pejabat Penilai Kinerja pemohon\)\. Alasan: /);
    }
  });

  it('WF-2: the head of the owner unit asks for another unit\'s official; the profile\'s chain decides and the official accepts the assignment', async () => {
    const { people, all } = await start(profile);
    await askForOfficial(bot, people.kabidB, /^Pranata Muda Uji/);
    const request = await bot.db.penugasan.findFirstOrThrow();
    expect(request).toMatchObject({ workflow: 'WF-2', mode: 'PENUNJUKAN', assignerId: people.kabidB.pegawaiId });
    expect((await approveAll(bot, all, request.id)).length).toBeGreaterThan(0);
    if (profile === 'LMD') {
      // 002-LMD Lamp. II.C.a(3): the owner sets the team by SK Tim Kerja before the official is asked.
      expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('AWAITING_SK_TIM');
      await bot.as(people.kabidB).press('Terbitkan SK Tim Kerja');
    }
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ISSUED');
    expect((await documentsOf(bot, people.pfMuda)).some((d) => d.text.includes('SURAT PENUGASAN'))).toBe(true);
    await bot.as(people.pfMuda).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { pegawaiId: people.pfMuda.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-STAT' } } })).toBe(1);
  });

  it('WF-2 refused at its first step: the reason is required, the requesting head gets it, in writing where the request was by letter', async () => {
    const { people, all } = await start(profile);
    await askForOfficial(bot, people.kabidB, /^Pranata Muda Uji/);
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
    const holder = all.find((p) => p.pegawaiId === request.steps[0]!.assigneeId)!;
    await bot.as(holder).press('Tolak');
    await bot.as(holder).say('Tidak');
    expect(bot.lastText(holder)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    await bot.as(holder).say('Pegawai sedang menyelesaikan aplikasi layanan publik');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('REJECTED');
    expect(bot.inbox(people.kabidB).map(messageText)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1 \(Pranata Muda Uji\) ditolak oleh .*Alasan: Pegawai sedang menyelesaikan aplikasi layanan publik$/));
    const answers = (await documentsOf(bot, people.kabidB)).filter((d) => d.fileName.startsWith('jawaban-pelibatan'));
    // Magelang within one Perangkat Daerah asks without a letter (AC-20), so nothing is answered in writing.
    expect(answers).toHaveLength(profile === 'MGL' ? 0 : 1);
    if (answers[0]) expect(answers[0].text.replace(/\s+/g, ' ')).toContain('Pegawai sedang menyelesaikan aplikasi layanan publik');
    expect(await bot.db.surat.count({ where: { kind: { in: ['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH'] } } })).toBe(0);
  });
});

/** WF-3: where a request across governments waits first, and who the first letter copies. */
const ACROSS: Record<Exclude<Profile, 'MGL'>, { status: string; tembusan: RegExp }> = {
  SMD: { status: 'SUBMITTED_TO_OWN_PYB', tembusan: /Tembusan.*Kepala Dinas Uji/ },
  TBB: { status: 'SUBMITTED_TO_OWN_PYB', tembusan: /Tembusan.*Kepala Dinas Uji/ },
  LMD: { status: 'SUBMITTED_TO_PYB', tembusan: /Tembusan.*Pimpinan Unit Organisasi tempat Pejabat Fungsional/ },
  KRA: { status: 'SUBMITTED_TO_OWN_PYB', tembusan: /Tembusan.*Kepala Dinas Uji/ },
  BASELINE: { status: 'SUBMITTED_TO_OWN_PYB', tembusan: /Tembusan.*Kepala Dinas Uji/ },
};

describe.each(Object.keys(ACROSS) as Array<keyof typeof ACROSS>)('profile %s, across governments (WF-3)', (profile) => {
  it('the request goes to the own Pejabat yang Berwenang first, with the profile\'s tembusan; nothing is addressed outside yet (AC-22)', async () => {
    const started = await lintasBot(profile);
    bot = started.bot;
    await askAcrossInstansi(bot, started.requester);
    expect((await bot.db.pelibatanLintasInstansi.findFirstOrThrow()).status).toBe(ACROSS[profile].status);
    const [letter] = await documentsOf(bot, started.pyb);
    expect(letter!.text.replace(/\s+/g, ' ')).toMatch(ACROSS[profile].tembusan);
    expect((await bot.db.surat.findMany()).map((l) => l.kind)).toEqual(['PERMOHONAN_LINTAS_INSTANSI']);
  });
});
