import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

function withJuniorPelaksana(profile: string) {
  const org = smallOrganisation(profile);
  Object.assign(org.pegawai[7]!, { pendidikan: 'SMA', golongan: 'II/c' });
  return org;
}

describe('designating a replacement ketua tim (WF-11)', () => {
  it('refuses a candidate below D3 or III/b in Tulang Bawang Barat, naming the criteria, and designates an eligible one', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, withJuniorPelaksana('TBB'));
    const head = await org.link(NIP.kabidA);
    const oldKetua = await org.link(NIP.pfMuda);

    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    const refused = await bot.as(head).press(/^Pelaksana Uji/);
    expect(refused.status).toBe('refused');
    expect(bot.lastText(head)).toBe('Pelaksana Uji belum memenuhi syarat ketua tim pengganti (001-TBB Lamp. D.f): pendidikan minimal D3, tercatat SMA; golongan ruang minimal III/b, tercatat II/c.');

    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Analis Madya Uji/);
    const ketua = await bot.db.membership.findMany({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' }, include: { pegawai: true } });
    expect(ketua.map((m) => m.pegawai.nip)).toEqual([NIP.pfMadya]);
    expect(bot.lastText(oldKetua)).toBe('Analis Madya Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });

  it('sets no education or rank bar where the regulation sets none (Samarinda)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, withJuniorPelaksana('SMD'));
    const head = await org.link(NIP.kabidA);
    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Pelaksana Uji/);
    // No criteria refusal: only the owner-unit preference asks for a reason (the next test).
    expect(bot.lastText(head)).toMatch(/^Pelaksana Uji bukan dari Bidang Aplikasi Informatika/);
    await bot.as(head).say('Menguasai pengolahan data statistik yang menjadi inti tim');
    expect(bot.lastText(head)).toBe('Pelaksana Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });
});

describe('a ketua who leaves the instansi (mutasi): TBB Lamp. D.f "kekosongan jabatan, perpindahan ketua tim"', () => {
  it('the re-import that no longer lists them ends their seat; the owner head is asked for a replacement, chosen by the Perbup\'s criteria (AC-47)', async () => {
    bot = await TestBot.start();
    const organisation = withJuniorPelaksana('TBB');
    const org = await loadOrganisation(bot, organisation);
    const head = await org.link(NIP.kabidA);
    const member = await org.link(NIP.pfMadya);

    organisation.pegawai = organisation.pegawai.filter((p) => p.nip !== NIP.pfMuda);
    organisation.timKerja[0]!.anggota = organisation.timKerja[0]!.anggota.filter((a) => a.nip !== NIP.pfMuda);
    await loadOrganisation(bot, organisation);
    await bot.core.drainOutbox();
    expect(bot.lastText(head)).toBe('Pranata Muda Uji, ketua Tim Satu Data, tidak lagi tercatat sebagai pegawai aktif instansi (pemutakhiran data pegawai); tim kini tanpa ketua. Mohon tunjuk ketua pengganti dengan /tunjukketua.');
    expect(await bot.db.membership.count({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' } })).toBe(0);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'tim.keanggotaanBerakhir' } })).toMatchObject({ rule: 'S12', outcome: 'OK' });

    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    expect((await bot.as(head).press(/^Pelaksana Uji/)).status).toBe('refused');
    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Analis Madya Uji/);
    expect(bot.lastText(member)).toBe('Analis Madya Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });
});

describe('the ketua from the owner unit first (WF-6)', () => {
  it('asks for a recorded reason before a ketua from another unit while an eligible member of the owner unit exists (Samarinda Ps 11(6), AC-41)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidA);
    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Pelaksana Uji/);
    expect(bot.lastText(head)).toBe('Pelaksana Uji bukan dari Bidang Aplikasi Informatika, padahal ketua tim diutamakan berasal dari sana (000-SMD Ps 11(6)) dan anggota berikut memenuhi syarat: Analis Madya Uji. Bila tetap memilih Pelaksana Uji, tuliskan alasannya (minimal 10 karakter); alasan dicatat. Ketik /batal untuk memilih ulang.');
    await bot.as(head).say('Ahli');
    expect(bot.lastText(head)).toBe('Alasan terlalu singkat. Mohon tuliskan minimal 10 karakter.');
    const ketuaOf = async () => (await bot.db.membership.findMany({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' }, include: { pegawai: true } })).map((m) => m.pegawai.nip);
    expect(await ketuaOf()).toEqual([NIP.pfMuda]);

    await bot.as(head).say('Satu-satunya yang menguasai statistik sektoral');
    expect(await ketuaOf()).toEqual([NIP.pelaksana]);
    const audit = await bot.db.auditLog.findFirstOrThrow({ where: { action: 'tim.tunjukKetua' } });
    expect(audit.rule).toBe('000-SMD Ps 11(6)');
    expect(JSON.parse(audit.details!)).toMatchObject({ alasanLuarUnit: 'Satu-satunya yang menguasai statistik sektoral', diutamakan: ['Analis Madya Uji'] });
  });

  it('designates a member of the owner unit at once, and in Magelang anyone of the owner Perangkat Daerah (Ps 11(3))', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidA);
    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Analis Madya Uji/);
    expect(bot.lastText(head)).toBe('Analis Madya Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
    await bot.stop();

    bot = await TestBot.start();
    const magelang = await loadOrganisation(bot, smallOrganisation('MGL'));
    const kabid = await magelang.link(NIP.kabidA);
    await bot.as(kabid).command('tunjukketua');
    await bot.as(kabid).press('Tim Satu Data');
    await bot.as(kabid).press(/^Pelaksana Uji/); // Bidang Statistik, the same Dinas
    expect(bot.lastText(kabid)).toBe('Pelaksana Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });
});
