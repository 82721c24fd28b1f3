import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { pdfText } from '../helpers/pdfText';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const buttonsOf = (message: ReturnType<TestBot['inbox']>[number] | undefined) => (message?.kind === 'choice' ? message.rows.flat().map((b) => b.label) : []);

describe('Lamandau Ps 24: a team set by Keputusan', () => {
  it('is set by the Kepala PD within one Perangkat Daerah, and across them by the Sekda; the ketua and members receive it', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('LMD');
    organisation.timKerja[0]!.lingkup = 'LINTAS_PD';
    const org = await loadOrganisation(bot, organisation);
    const kadis = await org.link(NIP.kadis);
    const sekda = await org.link(NIP.sekda);
    const ketua = await org.link(NIP.pfPertama);
    const head = await org.link(NIP.kabidB);

    await bot.as(kadis).command('keputusantim');
    expect(buttonsOf(bot.inbox(kadis).at(-1))).toEqual(['Tim Statistik Sektoral', 'Batal']);
    await bot.as(kadis).press('Tim Statistik Sektoral');
    expect(bot.lastText(kadis)).toBe('Tetapkan Tim Statistik Sektoral dengan Keputusan?\nKetua: Statistisi Pertama Uji\nAnggota: -\nDasar: 002-LMD Ps 24(1)-(3)');
    await bot.as(kadis).press('Terbitkan Keputusan');
    expect(bot.lastText(kadis)).toBe('Keputusan penetapan Tim Statistik Sektoral nomor 0001/DISKOMINFO/2026 terbit dan dikirim kepada ketua, anggota dan pimpinan unit pemilik kinerja.');
    const decree = bot.inbox(ketua).find((m) => m.kind === 'document');
    const text = (await pdfText(Buffer.from(decree && decree.kind === 'document' ? decree.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('KEPUTUSAN JABATAN KEPALA DINAS UJI NOMOR : 0001/DISKOMINFO/2026 TENTANG');
    expect(text).toContain('bahwa untuk pelaksanaan tugas Tim Statistik Sektoral');
    expect(text).toContain('TIM KERJA TIM STATISTIK SEKTORAL');
    expect(text).toMatch(/Statistisi Pertama Uji .*Ketua/);
    expect(bot.inbox(head).map(messageText)).toContainEqual(expect.stringMatching(/^Keputusan penetapan Tim Kerja nomor 0001\/DISKOMINFO\/2026/));
    expect(await bot.db.auditLog.findFirst({ where: { action: 'tim.keputusan' } })).toMatchObject({ outcome: 'OK', rule: '002-LMD Ps 24(1)-(3)' });

    // Across Perangkat Daerah: the Sekda (role SEKDA) sets it, with its ketua and members.
    await bot.as(sekda).command('keputusantim');
    expect(buttonsOf(bot.inbox(sekda).at(-1))).toEqual(['Tim Satu Data', 'Batal']);
    await bot.as(sekda).press('Tim Satu Data');
    expect(bot.lastText(sekda)).toMatch(/^Tetapkan Tim Satu Data dengan Keputusan\?\nKetua: Pranata Muda Uji\nAnggota: (Analis Madya Uji, Pelaksana Uji|Pelaksana Uji, Analis Madya Uji)\n/);
    // The Kepala PD may not press the Sekda's button (AC-46): refused, nothing issued.
    expect((await bot.as(kadis).press('Terbitkan Keputusan', sekda)).status).toBe('refused');
    expect(await bot.db.surat.count()).toBe(1);
    await bot.as(sekda).press('Terbitkan Keputusan');
    const sekdaDecree = bot.inbox(sekda).filter((m) => m.kind === 'document').at(-1);
    expect((await pdfText(Buffer.from(sekdaDecree && sekdaDecree.kind === 'document' ? sekdaDecree.contentBase64 : '', 'base64'))).join(' ').replace(/\s+/g, ' '))
      .toContain('KEPUTUSAN JABATAN SEKRETARIS DAERAH UJI');
  });

  it('a team across governments is set by the Bupati alone (AC-46)', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('LMD');
    organisation.timKerja[0]!.lingkup = 'LINTAS_INSTANSI';
    const bupatiNip = '196505051990031005';
    const { nipPenilai: _penilai, ...model } = organisation.pegawai.find((p) => p.nip === NIP.sekda)!;
    organisation.pegawai.push({ ...model, nip: bupatiNip, nama: 'Bupati Uji', jabatan: 'Bupati', email: 'bupati@contoh.go.id' });
    organisation.peran.push({ peran: 'KEPALA_DAERAH', nip: bupatiNip });
    const org = await loadOrganisation(bot, organisation);
    const sekda = await org.link(NIP.sekda);
    const kadis = await org.link(NIP.kadis);
    const bupati = await org.link(bupatiNip);
    for (const notBupati of [sekda, kadis]) {
      await bot.as(notBupati).command('keputusantim');
      expect(buttonsOf(bot.inbox(notBupati).at(-1))).not.toContain('Tim Satu Data');
    }
    await bot.as(bupati).command('keputusantim');
    expect(buttonsOf(bot.inbox(bupati).at(-1))).toContain('Tim Satu Data');
    await bot.as(bupati).press('Tim Satu Data');
    await bot.as(bupati).press('Terbitkan Keputusan');
    expect(bot.lastText(bupati)).toMatch(/^Keputusan penetapan Tim Satu Data nomor \S+ terbit/);
  });

  it('refuses a team without a ketua, naming the rule, and is not offered outside Lamandau', async () => {
    bot = await TestBot.start();
    const organisation = smallOrganisation('LMD');
    organisation.timKerja[1]!.anggota = [{ nip: NIP.pelaksana, peran: 'ANGGOTA' }];
    const org = await loadOrganisation(bot, organisation);
    const kadis = await org.link(NIP.kadis);
    await bot.as(kadis).command('keputusantim');
    await bot.as(kadis).press('Tim Statistik Sektoral');
    expect((await bot.as(kadis).press('Terbitkan Keputusan')).status).toBe('refused');
    expect(bot.lastText(kadis)).toBe('Tim Statistik Sektoral belum memiliki ketua. Tim yang ditetapkan dengan Keputusan terdiri atas ketua dan anggota (002-LMD Ps 24(1)-(3)); tunjuk ketuanya dahulu dengan /tunjukketua.');
    expect(await bot.db.surat.count()).toBe(0);
    await bot.stop();

    bot = await TestBot.start();
    const smd = await loadOrganisation(bot, smallOrganisation('SMD'));
    const smdKadis = await smd.link(NIP.kadis);
    expect((await bot.as(smdKadis).command('keputusantim')).status).toBe('refused');
  });
});
