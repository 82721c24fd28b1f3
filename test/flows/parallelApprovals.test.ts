import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const KABAG = '198102022006041012';

/** Magelang, across Perangkat Daerah: the Admin of the Setda, appraised by a Kabag, asks to join a Diskominfo team. */
async function requestAcrossPd() {
  bot = await TestBot.start();
  const organisation = smallOrganisation('MGL');
  const admin = organisation.pegawai.find((p) => p.nip === NIP.admin)!;
  organisation.pegawai.push({ ...admin, nip: KABAG, nama: 'Kabag Organisasi Uji', jabatan: 'Kepala Bagian Organisasi', jenisJabatan: 'ADMINISTRATOR', email: 'kabag@contoh.go.id', nipPenilai: NIP.sekda });
  admin.nipPenilai = KABAG;
  const org = await loadOrganisation(bot, organisation);
  const people = {
    applicant: await org.link(NIP.admin), penilai: await org.link(KABAG), kadis: await org.link(NIP.kadis), sekda: await org.link(NIP.sekda),
  };
  await volunteer(bot, people.applicant, /^Tim Satu Data/);
  await bot.as(people.penilai).press('Mengetahui');
  await bot.as(people.kadis).press('Setujui');
  return people;
}

describe('parallel approvals (Magelang Lamp. II.B.2: the home Kepala PD and the Penilai both approve)', () => {
  it('sends both home approvals at once and goes on only when both have approved', async () => {
    const { applicant, penilai, sekda } = await requestAcrossPd();
    const steps = await bot.db.approvalStep.findMany({ orderBy: { position: 'asc' } });
    expect(steps.map((s) => [s.performer, s.kind, s.status])).toEqual([
      ['HOME_PENILAI', 'ACKNOWLEDGE', 'APPROVED'], ['TARGET_KEPALA_PD', 'APPROVE', 'APPROVED'], ['HOME_KEPALA_PD', 'APPROVE', 'PENDING'], ['HOME_PENILAI', 'APPROVE', 'PENDING'],
    ]);
    expect(bot.lastText(sekda)).toMatch(/^Permohonan nomor 1: pengajuan sukarela[\s\S]*Pimpinan Perangkat Daerah dan Pejabat Penilai Kinerja bersangkutan menyetujui/);
    expect(bot.lastText(penilai)).toMatch(/^Permohonan nomor 1: pengajuan sukarela[\s\S]*Langkah: persetujuan sebagai Pejabat Penilai Kinerja pemohon/);

    await bot.as(sekda).press('Setujui');
    expect(bot.lastText(applicant)).toBe('Pengajuan nomor 1 disetujui oleh Sekretaris Daerah Uji (Kepala Perangkat Daerah asal). Masih menunggu persetujuan Kabag Organisasi Uji, yang diputuskan bersamaan.');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('FORWARDED_TO_HOME');
    expect(bot.inbox(applicant).some((m) => messageText(m).includes('telah disetujui seluruhnya'))).toBe(false);

    await bot.as(penilai).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('HOME_APPROVED');
    expect(bot.inbox(applicant).map(messageText)).toContainEqual(expect.stringMatching(/^Pengajuan nomor 1 untuk bergabung dengan Tim Satu Data telah disetujui seluruhnya/));
    await bot.as(applicant).press('Terima penugasan');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
  });

  it('ends the request when one of the two refuses, and the other approver\'s card says so', async () => {
    const { applicant, penilai, sekda } = await requestAcrossPd();
    await bot.as(penilai).press('Tolak');
    await bot.as(penilai).say('Tenaga administrasi bagian sedang kurang');
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { steps: { orderBy: { position: 'asc' } } } });
    expect(request.status).toBe('HOME_REJECTED');
    expect(request.steps.map((s) => s.status)).toEqual(['APPROVED', 'APPROVED', 'SKIPPED', 'REJECTED']);
    const sekdaCard = bot.inbox(sekda).find((m) => messageText(m).startsWith('Permohonan nomor 1'))!;
    expect(sekdaCard.kind).toBe('text');
    expect(messageText(sekdaCard)).toMatch(/DITOLAK oleh Kabag Organisasi Uji .*Alasan: Tenaga administrasi bagian sedang kurang/);
    expect(bot.inbox(applicant).map(messageText)).toContain('Pengajuan nomor 1 ditolak oleh Kabag Organisasi Uji (Pejabat Penilai Kinerja pemohon). Alasan: Tenaga administrasi bagian sedang kurang');
  });

  it('once an import makes the Kepala PD the applicant\'s Penilai too, they approve once, as if the request had been sent so', async () => {
    const { penilai, sekda } = await requestAcrossPd();
    const organisation = smallOrganisation('MGL');
    const admin = organisation.pegawai.find((p) => p.nip === NIP.admin)!;
    organisation.pegawai.push({ ...admin, nip: KABAG, nama: 'Kabag Organisasi Uji', jabatan: 'Kepala Bagian Organisasi', jenisJabatan: 'ADMINISTRATOR', email: 'kabag@contoh.go.id', nipPenilai: NIP.sekda });
    await loadOrganisation(bot, organisation); // the Admin's Penilai is the Sekda again
    await bot.core.drainOutbox();
    const steps = await bot.db.approvalStep.findMany({ orderBy: { position: 'asc' } });
    expect(steps.map((s) => [s.performer, s.status])).toEqual([['HOME_PENILAI', 'APPROVED'], ['TARGET_KEPALA_PD', 'APPROVED'], ['HOME_KEPALA_PD', 'PENDING']]);
    expect(() => bot.findButton(penilai, 'Setujui')).toThrow(/no button/);
    await bot.as(sekda).press('Setujui');
    expect(await bot.db.approvalStep.count({ where: { status: { in: ['PENDING', 'WAITING'] } } })).toBe(0);
    expect(bot.inbox(penilai).map(messageText)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1 \(Tim Satu Data\) tidak lagi menunggu keputusan Bapak\/Ibu/));
  });
});

