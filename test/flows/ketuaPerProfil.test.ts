import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { documentsOf } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const KASI = '198707072011011007';
const BUPATI = '196505051990031005';
const KEPALA_UPTD = '198808082012011008';

/** The small organisation with a Kepala Seksi (pengawas) in the Bidang Aplikasi Informatika, a Kepala UPTD and a Bupati. */
async function start(profile: string, change: (organisation: ReturnType<typeof smallOrganisation>) => void = () => {}) {
  const organisation = smallOrganisation(profile);
  change(organisation);
  // A structural official has no JF kategori or jenjang: the Kabid's row is the model.
  const { nipPenilai: _penilai, ...model } = organisation.pegawai.find((p) => p.nip === NIP.kabidA)!;
  organisation.pegawai.push(
    { ...model, nip: KASI, nama: 'Kasi Aplikasi Uji', jabatan: 'Kepala Seksi Aplikasi', jenisJabatan: 'PENGAWAS', nipPenilai: NIP.kabidA, email: 'kasi@contoh.go.id' },
    { ...model, nip: BUPATI, nama: 'Bupati Uji', jabatan: 'Bupati', jenisJabatan: 'JPT_MADYA', kodeUnit: 'SETDA', email: 'bupati@contoh.go.id' },
  );
  organisation.peran.push({ peran: 'KEPALA_DAERAH', nip: BUPATI });
  // A pengawas who heads a UPTD of the Dinas (Magelang Ps 8(3) excepts them).
  organisation.unitOrganisasi.push({ kode: 'DISKOMINFO.UPTD', nama: 'UPTD Jaringan', kodePerangkatDaerah: 'DISKOMINFO', kodeInduk: 'DISKOMINFO', tipeUnit: 'UPTD', jenisPimpinan: 'PENGAWAS', nipPimpinan: KEPALA_UPTD });
  organisation.pegawai.push({ ...model, nip: KEPALA_UPTD, nama: 'Kepala UPTD Uji', jabatan: 'Kepala UPTD Jaringan', jenisJabatan: 'PENGAWAS', kodeUnit: 'DISKOMINFO.UPTD', nipPenilai: NIP.kadis, email: 'uptd@contoh.go.id' });
  bot = await TestBot.start();
  return loadOrganisation(bot, organisation);
}

const ketuaOf = async () => (await bot.db.membership.findMany({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' }, include: { pegawai: true } })).map((m) => m.pegawai.name);

async function candidatesFor(user: Parameters<TestBot['as']>[0]) {
  await bot.as(user).command('tunjukketua');
  await bot.as(user).press('Tim Satu Data');
  const last = bot.inbox(user).at(-1);
  return { names: last?.kind === 'choice' ? last.rows.flat().map((b) => b.label) : [], text: bot.lastText(user) };
}

describe('who may be ketua tim, and who designates them, per profile (K12, K14)', () => {
  it('Magelang lets the unit head make a pengawas of the bidang ketua (Ps 8(3)); Samarinda offers only its Pejabat Fungsional and Pelaksana (Ps 11(4)) (AC-43)', async () => {
    let org = await start('MGL');
    let kabid = await org.link(NIP.kabidA);
    const { names } = await candidatesFor(kabid);
    expect(names).toContainEqual(expect.stringMatching(/^Kasi Aplikasi Uji/));
    expect(names.some((n) => n.startsWith('Kepala UPTD'))).toBe(false);
    await bot.as(kabid).press(/^Kasi Aplikasi Uji/);
    expect(await ketuaOf()).toEqual(['Kasi Aplikasi Uji']);
    expect((await bot.db.auditLog.findFirstOrThrow({ where: { action: 'tim.tunjukKetua' } })).rule).toMatch(/^003-MGL Ps 8\(3\)/);
    await bot.stop();

    org = await start('SMD');
    kabid = await org.link(NIP.kabidA);
    const samarinda = await candidatesFor(kabid);
    expect(samarinda.names.some((n) => n.startsWith('Kasi'))).toBe(false);
    expect(samarinda.names).toContainEqual(expect.stringMatching(/^Analis Madya Uji/));
    expect(samarinda.text).toBe('Pilih ketua Tim Satu Data:');
  });

  it('Lamandau: a JPT Pratama or Administrator may be ketua of a team set by Keputusan (Ps 24(4)), but nobody makes their superior or a peer ketua of their team', async () => {
    const org = await start('LMD', (organisation) => { Object.assign(organisation.timKerja[0]!, { wajibKeputusan: true }); });
    const kabid = await org.link(NIP.kabidA);
    const kadis = await org.link(NIP.kadis);
    const asKabid = await candidatesFor(kabid);
    expect(asKabid.names.some((n) => /^(Kepala Dinas|Kabid Statistik|Kasi)/.test(n))).toBe(false);
    expect(asKabid.text).toContain('- Kepala Dinas Uji: ditunjuk oleh pimpinan unit organisasi pemilik kinerja atau Kepala Perangkat Daerah (002-LMD Ps 24(1)-(4))');
    const asKadis = await candidatesFor(kadis);
    expect(asKadis.names).toContainEqual(expect.stringMatching(/^Kabid Aptika Uji/));
    await bot.as(kadis).press(/^Kabid Aptika Uji/);
    expect(await ketuaOf()).toEqual(['Kabid Aptika Uji']);
  });

  it('Lamandau: on a team no Keputusan sets, a JPT Pratama or Administrator is named with the rule and cannot be made ketua', async () => {
    const org = await start('LMD');
    const kadis = await org.link(NIP.kadis);
    const { names, text } = await candidatesFor(kadis);
    expect(names.some((n) => /^(Kabid|Kasi)/.test(n))).toBe(false);
    expect(names).toContainEqual(expect.stringMatching(/^Analis Madya Uji/));
    expect(text).toContain('Tidak dapat Bapak/Ibu tunjuk untuk tim ini:\n- Kabid Aptika Uji: hanya untuk tim kerja yang ditetapkan dengan Keputusan (002-LMD Ps 24(1)-(4))');
    // A button offered while the team was recorded as set by Keputusan no longer works once it is not.
    await bot.db.timKerja.updateMany({ where: { code: 'TIM-DATA' }, data: { wajibKeputusan: true } });
    await candidatesFor(kadis);
    const kabidButton = bot.findButton(kadis, /^Kabid Aptika Uji/);
    await bot.db.timKerja.updateMany({ where: { code: 'TIM-DATA' }, data: { wajibKeputusan: false } });
    const pressed = await bot.as(kadis).pressToken(kabidButton);
    expect(pressed).toMatchObject({ status: 'refused', notice: expect.stringMatching(/^Kabid Aptika Uji dapat menjadi ketua hanya untuk tim kerja yang pembentukannya ditetapkan dengan Keputusan \(002-LMD Ps 24\(1\)-\(4\)\)/) });
    expect(await ketuaOf()).toEqual(['Pranata Muda Uji']);
  });

  it('Karanganyar: a pengawas ketua comes from an Administrator, an Administrator from the JPT Pratama, a JPT Pratama from the Kepala Daerah, each with a surat penugasan (AC-44)', async () => {
    const org = await start('KRA');
    const kabid = await org.link(NIP.kabidA);
    const kadis = await org.link(NIP.kadis);
    const bupati = await org.link(BUPATI);
    const kasi = await org.link(KASI);
    const kabidStatistik = await org.link(NIP.kabidB);

    // The Kabid (Administrator) may name the Kasi, not the Kabid Statistik or the Kepala Dinas: those are named with their rule.
    const asKabid = await candidatesFor(kabid);
    expect(asKabid.names).toContainEqual(expect.stringMatching(/^Kasi Aplikasi Uji/));
    expect(asKabid.names.some((n) => /^(Kabid Statistik|Kepala Dinas)/.test(n))).toBe(false);
    expect(asKabid.text).toContain('- Kabid Statistik Uji: ditunjuk oleh Pejabat Pimpinan Tinggi Pratama (004-KRA Lamp. BAB II.A huruf b');
    expect(asKabid.text).toContain('- Kepala Dinas Uji: ditunjuk oleh Kepala Daerah (004-KRA Lamp. BAB II.A huruf a');
    await bot.as(kabid).press(/^Kasi Aplikasi Uji/);
    expect(await ketuaOf()).toEqual(['Kasi Aplikasi Uji']);
    const [letter] = await documentsOf(bot, kasi);
    const pdf = letter!.text.replace(/\s+/g, ' ');
    expect(letter!.fileName).toMatch(/^surat-penugasan-/);
    expect(pdf).toContain('Menjadi Ketua Tim Kerja Tim Satu Data');
    expect(pdf).toContain('Kabid Aptika Uji');

    // The Kepala Dinas (JPT Pratama) may name the Administrator; a Kasi is the Administrator's to name.
    const asKadis = await candidatesFor(kadis);
    expect(asKadis.names).toContainEqual(expect.stringMatching(/^Kabid Statistik Uji/));
    await bot.as(kadis).press(/^Kabid Statistik Uji/);
    expect(bot.lastText(kadis)).toMatch(/^Kabid Statistik Uji bukan dari Bidang Aplikasi Informatika, padahal ketua tim diutamakan berasal dari sana \(004-KRA Ps 12\(5\)/);
    await bot.as(kadis).say('Bidang Statistik memegang data sektoral yang menjadi inti tim');
    expect(await ketuaOf()).toEqual(['Kabid Statistik Uji']);
    expect((await documentsOf(bot, kabidStatistik)).map((d) => d.fileName)).toContainEqual(expect.stringMatching(/^surat-penugasan-/));

    // Only the Kepala Daerah names the JPT Pratama.
    const asBupati = await candidatesFor(bupati);
    expect(asBupati.names).toContainEqual(expect.stringMatching(/^Kepala Dinas Uji/));
    await bot.as(bupati).press(/^Kepala Dinas Uji/);
    expect(await ketuaOf()).toEqual(['Kepala Dinas Uji']);
  });
});
