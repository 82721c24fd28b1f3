import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('laporan tim (R3)', () => {
  it('drafts the team report from the members’ reports, takes the ketua’s note, and sends it to the owner unit’s head', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    const ketua = await org.link(NIP.pfMuda);
    const ownerHead = await org.link(NIP.kabidA);
    await bot.as(member).command('lapor');
    for (const answer of ['12', 'Menerbitkan dataset kependudukan', '12 dataset']) await bot.as(member).say(answer);
    await bot.as(member).press('Lanjut');
    await bot.as(member).say('Server portal sering mati');
    await bot.as(member).say('Menerbitkan 10 dataset berikutnya');
    await bot.as(member).press('Kirim');

    await bot.as(ketua).command('laporantim');
    const draft = bot.lastText(ketua);
    expect(draft).toContain('- Analis Madya Uji: sudah melapor');
    expect(draft).toContain('- Pelaksana Uji: belum melapor');
    expect(draft).toContain('- Dataset terbit: 12 dari 40 dataset');
    expect(draft).toContain('- Analis Madya Uji: Server portal sering mati');
    await bot.as(ketua).press('Tambah catatan');
    await bot.as(ketua).say('Pelaksana Uji sedang cuti sakit.');
    expect(bot.lastText(ketua)).toContain('Catatan ketua tim: Pelaksana Uji sedang cuti sakit.');
    await bot.as(ketua).press('Kirim');

    const report = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'TIM' }, include: { addressees: true } });
    expect(report.status).toBe('SUBMITTED');
    expect(report.addressees.map((a) => a.pegawaiId)).toEqual([ownerHead.pegawaiId]);
    expect(bot.lastText(ownerHead)).toMatch(/^Laporan tim dari ketua tim Pranata Muda Uji \(000-SMD Ps 13\(2\)\)[\s\S]*Catatan ketua tim: Pelaksana Uji sedang cuti sakit\./);
    await bot.as(ownerHead).press('Terima');
    expect(bot.lastText(ketua)).toMatch(/DITERIMA oleh Kabid Aptika Uji/);
    await bot.as(ketua).command('laporantim');
    expect(bot.lastText(ketua)).toBe('Laporan tim untuk periode ini sudah dikirim.');
  });

  it('lets the ketua correct a capaian and summarise the kendala before sending; a later member report keeps the edits', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    const other = await org.link(NIP.pelaksana);
    const ketua = await org.link(NIP.pfMuda);
    const ownerHead = await org.link(NIP.kabidA);
    const report = async (who: typeof member, capaian: string, kendala: string) => {
      await bot.as(who).command('lapor');
      for (const answer of [capaian, 'Menerbitkan dataset', '-']) await bot.as(who).say(answer);
      await bot.as(who).press('Lanjut');
      await bot.as(who).say(kendala);
      await bot.as(who).say('Dataset berikutnya');
      await bot.as(who).press('Kirim');
    };
    await report(member, '12', 'Server portal sering mati');

    await bot.as(ketua).command('laporantim');
    await bot.as(ketua).press('Ubah capaian');
    await bot.as(ketua).press('Dataset terbit');
    expect(bot.lastText(ketua)).toBe('Capaian tim untuk "Dataset terbit" (target 40 dataset); menurut laporan anggota 12. Tuliskan angkanya saja.');
    await bot.as(ketua).say('banyak');
    expect(bot.lastText(ketua)).toMatch(/angka/);
    await bot.as(ketua).say('10');
    expect(bot.lastText(ketua)).toContain('- Dataset terbit: 10 dari 40 dataset (disesuaikan ketua tim; laporan anggota: 12)');
    await bot.as(ketua).press('Ubah kendala');
    await bot.as(ketua).say('Server portal tidak stabil; sudah dilaporkan ke Bidang Aptika.');
    expect(bot.lastText(ketua)).toContain('Kendala:\nServer portal tidak stabil; sudah dilaporkan ke Bidang Aptika.\nCatatan');
    await bot.as(ketua).press('Batal');

    // Another member reports meanwhile: the redraft counts them, and the ketua's edits stay.
    await report(other, '5', 'Belum ada akses');
    await bot.as(ketua).command('laporantim');
    const draft = bot.lastText(ketua);
    expect(draft).toContain('- Pelaksana Uji: sudah melapor');
    expect(draft).toContain('- Dataset terbit: 10 dari 40 dataset (disesuaikan ketua tim; laporan anggota: 17)');
    expect(draft).toContain('Server portal tidak stabil; sudah dilaporkan ke Bidang Aptika.');
    await bot.as(ketua).press('Kirim');
    expect(bot.lastText(ownerHead)).toContain('- Dataset terbit: 10 dari 40 dataset (disesuaikan ketua tim; laporan anggota: 17)');
    expect(bot.lastText(ownerHead)).not.toContain('Belum ada akses');
    expect(await bot.db.auditLog.count({ where: { action: 'laporan.tim.ubah' } })).toBe(2);
  });

  it('is not offered to someone who leads no team', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    expect((await bot.as(member).command('laporantim')).status).toBe('refused');
  });
});
