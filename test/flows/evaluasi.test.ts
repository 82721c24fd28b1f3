import { afterEach, describe, expect, it } from 'vitest';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const RESULT = 'Portal satu data memuat 40 dataset terverifikasi sesuai target.';

/** R9: the result is submitted against one of the team's targets, with the value reached. */
async function submit(ketua: TestUser) {
  await bot.as(ketua).command('hasil');
  await bot.as(ketua).say(RESULT);
  await bot.as(ketua).press('Dataset terbit');
  expect(bot.lastText(ketua)).toBe('Capaian yang sudah dicapai untuk "Dataset terbit" (target 40 dataset)? Tuliskan angkanya saja.');
  await bot.as(ketua).say('40');
}

async function status() {
  return (await bot.db.evaluasi.findFirstOrThrow()).status;
}

/** A Samarinda Dinas (permodelan 3): the ketua has submitted; the Kabid (L2) reviews, the Kepala Dinas (L1) accepts. */
async function submittedInSamarindaDinas() {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation('SMD'));
  const ketua = await org.link(NIP.pfMuda);
  const administrator = await org.link(NIP.kabidA);
  const kepalaDinas = await org.link(NIP.kadis);
  await submit(ketua);
  return { ketua, administrator, kepalaDinas };
}

describe('evaluasi hasil (WF-9, Appendix B)', () => {
  it('AC-59: in a Samarinda Dinas the Administrator may only forward or return; the Kepala Dinas accepts', async () => {
    const { ketua, administrator, kepalaDinas } = await submittedInSamarindaDinas();
    expect(bot.lastText(ketua)).toBe('Hasil nomor 1 diajukan kepada Kabid Aptika Uji untuk ditinjau.');

    const adminCard = bot.inbox(administrator).at(-1)!;
    expect(adminCard.kind === 'choice' && adminCard.text).toMatch(/^Hasil kerja nomor 1 untuk ditinjau \(tahap 1 dari 2\)\nPekerjaan: Tim Satu Data\nDiajukan oleh: Pranata Muda Uji\nTarget: Dataset terbit: 40 dari 40 dataset\n\n/);
    expect(adminCard.kind === 'choice' && adminCard.rows.flat().map((b) => b.label)).toEqual(['Teruskan', 'Kembalikan']);
    // A forged "Terima (selesai)" from the Administrator: the card the Kepala Dinas will get has it, his does not.
    await bot.as(administrator).press('Teruskan');
    const acceptToken = bot.findButton(kepalaDinas, 'Terima (selesai)');
    const forged = await bot.as(administrator).pressToken(acceptToken);
    expect(forged.status).toBe('refused');
    expect(await status()).toBe('UNDER_REVIEW');

    await bot.as(kepalaDinas).press('Terima (selesai)');
    expect(await status()).toBe('ACCEPTED');
    expect(bot.lastText(ketua)).toMatch(/DITERIMA \(SELESAI\) oleh Kepala Dinas Uji/);
    expect((await bot.db.evaluasiAction.findMany({ orderBy: { at: 'asc' } })).map((a) => a.action)).toEqual(['SUBMIT', 'FORWARD', 'ACCEPT']);
  });

  it('refuses "selesai" from a reviewer below the final acceptor', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    const administrator = await org.link(NIP.kabidA);
    await submit(ketua);
    const evaluasi = await bot.db.evaluasi.findFirstOrThrow();
    // Through the flow's own action with the Administrator's identity: the button the card never showed.
    const result = await bot.core.handleEvent({
      kind: 'button', token: await issueAcceptToken(evaluasi.id, administrator.pegawaiId),
      meta: { eventKey: 'forged-accept', account: { platform: 'fake', workspace: '', accountId: administrator.accountId, chatId: administrator.chatId } },
    });
    await bot.core.drainOutbox();
    expect(result.status).toBe('refused');
    expect(bot.lastText(administrator)).toMatch(/^Hasil hanya dapat dinyatakan selesai oleh penerima akhir/);
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED', rule: 'WF-9 G' } })).not.toBeNull();
  });

  it('AC-62: in Lamandau the Kepala UO returns a result below target with a note, and resubmission starts again at the Penilai', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('LMD'));
    const ketua = await org.link(NIP.pfMuda); // Penilai: Kabid Aptika; owner unit: Bidang Aptika (head: Kabid Aptika)
    const penilai = await org.link(NIP.kabidA);
    await submit(ketua);
    // LMD Lamp. II.E: Penilai → Kepala UO; here both are the Kabid, so the chain is one reviewer.
    await bot.as(penilai).press('Kembalikan');
    await bot.as(penilai).say('Baru 30 dataset terverifikasi; target 40.');
    expect(await status()).toBe('RETURNED');
    expect(bot.lastText(ketua)).toMatch(/dikembalikan untuk disesuaikan: DIKEMBALIKAN oleh Kabid Aptika Uji .*Catatan: Baru 30 dataset/);

    await submit(ketua);
    const second = await bot.db.evaluasi.findFirstOrThrow({ where: { number: 2 } });
    expect([second.status, second.position]).toEqual(['UNDER_REVIEW', 0]);
  });

  it('SMD returns "secara berjenjang": a return by the Kepala Dinas goes back to the Administrator first', async () => {
    const { administrator, kepalaDinas } = await submittedInSamarindaDinas();
    await bot.as(administrator).press('Teruskan');
    await bot.as(kepalaDinas).press('Kembalikan');
    await bot.as(kepalaDinas).say('Sertakan daftar dataset yang terverifikasi.');

    const evaluasi = await bot.db.evaluasi.findFirstOrThrow();
    expect([evaluasi.status, evaluasi.position]).toEqual(['UNDER_REVIEW', 0]);
    expect(bot.lastText(administrator)).toContain('Dikembalikan oleh atasan dengan catatan: Sertakan daftar dataset');
  });
});

describe('review chains from unit data', () => {
  it('AC-61: a Puskesmas result is final at the Kepala Puskesmas in Samarinda, but goes on to the JPT Pratama in Magelang', async () => {
    const { reviewChain } = await import('../../src/core/domain/evaluasi/reviewChain');
    const { getPolicyProfile } = await import('../../src/core/policy/policyProfile');
    const chains: Record<string, string[]> = {};
    for (const profile of ['SMD', 'MGL']) {
      bot = await TestBot.start();
      const org = smallOrganisation(profile);
      org.unitOrganisasi.push({ kode: 'PKM', nama: 'UPTD Puskesmas Uji', kodePerangkatDaerah: 'DISKOMINFO', kodeInduk: 'DISKOMINFO', tipeUnit: 'PUSKESMAS', jenisPimpinan: 'FUNGSIONAL', nipPimpinan: '198101012006042011' });
      org.pegawai.push({ ...org.pegawai[6]!, nip: '198101012006042011', nama: 'Kepala Puskesmas Uji', kodeUnit: 'PKM', kategoriJf: 'KEAHLIAN', jenjangJf: 'AHLI_MADYA', nipPenilai: NIP.kadis });
      const loaded = await loadOrganisation(bot, org);
      const unit = await bot.db.unitOrganisasi.findFirstOrThrow({ where: { code: 'PKM' } });
      const submitter = await bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfPertama } });
      const ids = await reviewChain(bot.db, getPolicyProfile(profile), unit.id, submitter);
      chains[profile] = await Promise.all(ids.map(async (id) => (await bot.db.pegawai.findUniqueOrThrow({ where: { id } })).name));
      expect(loaded.instansi.policyProfile).toBe(profile);
      await bot.stop();
    }
    expect(chains).toEqual({ SMD: ['Kepala Puskesmas Uji'], MGL: ['Kepala Puskesmas Uji', 'Kepala Dinas Uji'] });
  });
});

async function issueAcceptToken(evaluasiId: string, presserId: string): Promise<string> {
  const { issueToken } = await import('../../src/core/engine/buttonTokens');
  return bot.db.$transaction((tx) => issueToken(tx, {
    kind: 'ACTION', flowId: 'evaluasi', step: null, action: 'terima', args: { evaluasiId }, allowedIds: [presserId], messageId: 'forged', expiresAt: new Date('2027-01-01'),
  }));
}
