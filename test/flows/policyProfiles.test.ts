import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { recommendAsKetua, volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function latestRequest(instansiId: string) {
  return bot.db.penugasan.findFirstOrThrow({ where: { instansiId }, orderBy: { number: 'desc' }, include: { steps: { orderBy: { position: 'asc' }, include: { assignee: true } } } });
}

describe('domain-spec §7.A: profiles and master data', () => {
  it('AC-01: takes the order of approvals of a cross-unit voluntary request from each instansi profile', async () => {
    bot = await TestBot.start();
    const a = await loadOrganisation(bot, smallOrganisation('SMD', 'kota-a'));
    const b = await loadOrganisation(bot, smallOrganisation('LMD', 'kab-b'));
    const pfA = await a.link(NIP.pfPertama);
    const targetHeadA = await a.link(NIP.kabidA);
    const pfB = await b.link(NIP.pfPertama);
    const ownPenilaiB = await b.link(NIP.kabidB);
    const targetHeadB = await b.link(NIP.kabidA);
    const ketuaA = await a.link(NIP.pfMuda);

    await volunteer(bot, pfA, /^Tim Satu Data/);
    await volunteer(bot, pfB, /^Tim Satu Data/);

    // Samarinda: the ketua tim recommends (formats 4b and 5), then the target head decides.
    const requestA = await latestRequest(a.instansi.id);
    expect(requestA.status).toBe('AWAITING_KETUA_RECOMMENDATION');
    expect(requestA.steps.map((s) => [s.performer, s.assigneeId])).toEqual([
      ['TARGET_KETUA_TIM', await a.idOf(NIP.pfMuda)], ['TARGET_PIMPINAN_UO', await a.idOf(NIP.kabidA)], ['HOME_PENILAI', await a.idOf(NIP.kabidB)],
    ]);
    expect(bot.lastText(ketuaA)).toContain('Dasar: 000-SMD Lamp. BAB III format 4b dan 5');
    await recommendAsKetua(bot, ketuaA);
    expect(bot.lastText(targetHeadA)).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.b.ii');

    const requestB = await latestRequest(b.instansi.id);
    expect(requestB.status).toBe('AWAITING_HOME_PRE_APPROVAL');
    expect(requestB.steps[0]).toMatchObject({ status: 'PENDING', performer: 'HOME_PENILAI', assigneeId: await b.idOf(NIP.kabidB) });
    expect(bot.lastText(ownPenilaiB)).toContain('Dasar: 002-LMD Ps 19(7)');
    expect(bot.inbox(targetHeadB).map(messageText)).toEqual([expect.stringMatching(/^Akun berhasil terhubung/)]);
  });

  it('AC-02: accepts the approval of a delegated Penilai on behalf of the Penilai and refuses an undelegated official', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('TBB', 'kab-tbb'));
    const applicant = await org.link(NIP.pelaksana); // X, whose Penilai is kabidB (P)
    const penilai = await org.link(NIP.kabidB); // P
    const delegate = await org.link(NIP.pfPertama); // Q: PLH from P, lingkup PENILAI
    const outsider = await org.link(NIP.pfMuda); // R: no delegation

    await volunteer(bot, applicant, /^Tim Statistik Sektoral/);
    const request = await latestRequest(org.instansi.id);
    expect(request.steps[0]!.assigneeId).toBe(await org.idOf(NIP.kabidB));
    expect(bot.findButton(delegate, 'Setujui')).toBeTruthy(); // the delegate is sent the request too

    const refused = await bot.as(outsider).pressToken(bot.findButton(penilai, 'Setujui'));
    expect(refused.status).toBe('refused');
    expect(bot.lastText(outsider)).toContain('tidak berwenang');
    expect((await latestRequest(org.instansi.id)).status).toBe('SUBMITTED');
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED', actorId: await org.idOf(NIP.pfMuda) } })).toMatchObject({ rule: 'C7' });

    await bot.as(delegate).press('Setujui');

    const decided = await latestRequest(org.instansi.id);
    expect(decided.status).toBe('APPROVED');
    expect(decided.steps[0]).toMatchObject({ status: 'APPROVED', decidedById: await org.idOf(NIP.pfPertama), onBehalfOf: await org.idOf(NIP.kabidB) });
    const edited = bot.inbox(penilai).find((m) => m.kind === 'text' && m.text.includes('DISETUJUI'));
    expect(edited && edited.kind === 'text' && edited.text).toContain('atas nama Kabid Statistik Uji (pendelegasian)');
    expect(bot.inbox(applicant).map(messageText)).toContainEqual(expect.stringMatching(/telah disetujui seluruhnya/));
    expect(bot.lastText(penilai)).toMatch(/^Permohonan nomor 1 telah diputuskan atas nama Bapak\/Ibu: DISETUJUI oleh Statistisi Pertama Uji atas nama Kabid Statistik Uji/);
    // The letters are signed by the delegate "a.n." the official whose step it was.
    const letter = await bot.db.surat.findFirstOrThrow({ where: { kind: 'SURAT_PENUGASAN' } }); // TBB B.1.c: "menerima surat penugasan"
    expect(JSON.parse(letter.document).signature).toMatchObject({ nama: 'Statistisi Pertama Uji', atasNama: 'a.n. JABATAN KABID STATISTIK UJI,' });
  });

  it('AC-04, AC-55: delivers the member-performance report on a Samarinda ahli madya to the JPT as Penilai and to the Administrator as the unit head', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD', 'kota-smd'));
    const ketua = await org.link(NIP.pfMuda); // T
    const jpt = await org.link(NIP.kadis); // K, Y's Penilai
    const administrator = await org.link(NIP.kabidA); // A, head of Y's home unit

    await bot.as(ketua).command('kinerjaanggota');
    await bot.as(ketua).press(/^Analis Madya Uji/);
    await bot.as(ketua).say('Menyelesaikan 12 dataset prioritas tepat waktu dengan kualitas baik.');

    const laporan = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KINERJA_ANGGOTA' }, include: { addressees: true } });
    const capacities = Object.fromEntries(laporan.addressees.map((a) => [a.pegawaiId, a.capacity]));
    expect(capacities).toEqual({ [await org.idOf(NIP.kadis)]: 'PENILAI', [await org.idOf(NIP.kabidA)]: 'PIMPINAN_UO_ASAL' });
    expect(bot.lastText(jpt)).toContain('sebagai Pejabat Penilai Kinerja');
    expect(bot.lastText(administrator)).toContain('sebagai Pimpinan Unit Organisasi asal (pemberi tugas)');
    const madya = await bot.db.pegawai.findUniqueOrThrow({ where: { id: await org.idOf(NIP.pfMadya) } });
    expect(madya.penilaiId).not.toBe(await org.idOf(NIP.kabidA));
  });
});

describe('member-performance addressees beyond the home unit', () => {
  it('adds the pemberi tugas (owner unit head) in Karanganyar for a member from another unit', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('KRA', 'kab-kra'));
    const ketua = await org.link(NIP.pfMuda);
    await bot.as(ketua).command('kinerjaanggota');
    await bot.as(ketua).press(/^Pelaksana Uji/); // home Bidang Statistik, Penilai Kabid Statistik; team owned by Bidang Aptika
    await bot.as(ketua).say('Mengolah 20 tabel statistik sektoral dengan rapi.');
    const laporan = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KINERJA_ANGGOTA' }, include: { addressees: true } });
    expect(Object.fromEntries(laporan.addressees.map((a) => [a.pegawaiId, a.capacity]))).toEqual({
      [await org.idOf(NIP.kabidB)]: 'PENILAI,PIMPINAN_UO_ASAL', [await org.idOf(NIP.kabidA)]: 'PEMBERI_TUGAS',
    });
  });
});
