import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import type { SlackUser } from '../fakes/slackUser';
import { pdfText } from '../helpers/pdfText';

let h: SlackHarness;
afterEach(async () => { await h?.stop(); });

type View = { id: string; callback_id: string; private_metadata: string; blocks: Array<Record<string, unknown>> };
const formValues = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { nilai: value }]));

async function startSamarinda() {
  h = await SlackHarness.start({ linkByEmail: false });
  await loadOrganisation(h.bot, smallOrganisation('SMD'));
  const applicant = h.user('U0APPLY', 'statistisi');
  const targetHead = h.user('U0KABIDA', 'kabid.aptika');
  const ownPenilai = h.user('U0KABIDB', 'kabid.statistik');
  const ketua = h.user('U0KETUA', 'pranata');
  await h.link(applicant, NIP.pfPertama);
  await h.link(targetHead, NIP.kabidA);
  await h.link(ownPenilai, NIP.kabidB);
  await h.link(ketua, NIP.pfMuda);
  return { applicant, targetHead, ownPenilai, ketua };
}

/** /timkerja ajukan → team button → modal (one error, then accepted) → Kirim. */
async function volunteerFromSlack(applicant: SlackUser) {
  await h.send(applicant.slash('ajukan'));
  await h.press(applicant, /^Tim Satu Data/);
  const modal = h.fake.modalOf(applicant.id) as View;
  expect(modal.blocks.map((b) => b.block_id)).toEqual(['motivasi']);
  const tooShort = await h.send(applicant.submitView(modal, formValues({ motivasi: 'Mau ikut' })));
  expect(tooShort.json).toEqual({ response_action: 'errors', errors: { motivasi: 'Mohon tuliskan kompetensi dan motivasi minimal 20 karakter.' } });
  const accepted = await h.send(applicant.submitView(modal, formValues({ motivasi: 'Berpengalaman mengelola portal data selama empat tahun' })));
  expect(accepted.status).toBe(200);
  expect(accepted.body).toBe('');
  await h.press(applicant, 'Kirim');
}

describe('Slack adapter: the core flows through bolt', () => {
  it('onboards by the admin code with /timkerja hubungkan, and tells a stranger how', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const stranger = h.user('U0STRANGE', 'orang');
    const ack = await h.send(stranger.slash(''));
    expect(ack.status).toBe(200);
    expect(h.lastText(stranger)).toMatch(/^Akun ini belum terhubung .* lalu kirim \/timkerja hubungkan <kode>\.$/);

    const applicant = h.user('U0APPLY', 'statistisi');
    await h.link(applicant, NIP.pfPertama);
    expect(h.lastText(applicant)).toMatch(/^Akun berhasil terhubung sebagai Statistisi Pertama Uji \(NIP 199006062015032006\)/);
    await h.send(applicant.slash('bantuan'));
    // Commands are written the Slack way: subcommands of /timkerja.
    expect(h.lastText(applicant)).toContain('/timkerja ajukan: mengajukan diri');
    expect(h.lastText(applicant)).not.toMatch(/(^|\n)\/ajukan/);
    const identity = await h.bot.db.platformIdentity.findFirstOrThrow({ where: { accountId: applicant.id } });
    expect(identity).toMatchObject({ platform: 'slack', workspace: h.fake.teamId });
  });

  it('links automatically by the verified Slack profile email, unless the instansi turned it off', async () => {
    h = await SlackHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const pelaksana = h.user('U0PELAKS', 'pelaksana', 'Pelaksana.Uji@contoh.go.id');
    await h.send(pelaksana.say('selamat pagi'));
    const texts = h.messages(pelaksana).map((m) => m.text);
    expect(texts[0]).toMatch(/^Akun ini terhubung otomatis sebagai Pelaksana Uji \(NIP /);
    expect(await h.bot.db.auditLog.findFirst({ where: { action: 'identitas.hubungkanEmail' } })).toMatchObject({ platform: 'slack', outcome: 'OK' });
    await h.stop();

    h = await SlackHarness.start();
    const org = smallOrganisation('SMD');
    const instansi = { ...org.instansi, pengaturan: { hubungkanViaEmail: false } };
    await loadOrganisation(h.bot, { ...org, instansi } as typeof org);
    const other = h.user('U0PELAKS', 'pelaksana', 'pelaksana.uji@contoh.go.id');
    await h.send(other.say('selamat pagi'));
    expect(h.lastText(other)).toMatch(/^Akun ini belum terhubung/);
    expect(await h.bot.db.platformIdentity.count()).toBe(0);
  });

  it('takes a cross-unit voluntary request through a modal with a field error, then updates the approval message after the decision', async () => {
    const { applicant, targetHead, ownPenilai, ketua } = await startSamarinda();
    await volunteerFromSlack(applicant);
    expect(h.lastText(applicant)).toMatch(/^Pengajuan nomor 1 telah dikirim kepada Pranata Muda Uji \(Ketua tim yang dituju\)/);
    await h.press(ketua, 'Rekomendasikan');

    const { message: request, button: reject } = h.findButton(targetHead, 'Tolak');
    expect(request.text).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.b.ii langkah 1-2');
    // A rejection asks first (Block Kit confirm dialog).
    expect(reject).toMatchObject({ style: 'danger', confirm: { confirm: { text: 'Ya' }, deny: { text: 'Tidak' } } });

    await h.press(targetHead, 'Setujui');
    const updated = h.fake.messagesIn(targetHead.dmChannel).find((m) => m.ts === request.ts)!;
    expect(updated.edited).toBeDefined();
    expect(updated.text).toMatch(/DISETUJUI oleh Kabid Aptika Uji pada \d+ November 2026/);
    expect(updated.blocks!.some((b) => b.type === 'actions')).toBe(false);
    expect(h.lastText(ownPenilai)).toMatch(/^Permohonan nomor 1/);

    // The last approval issues the letters: PDFs uploaded into the applicant's DM, text checked.
    await h.press(ownPenilai, 'Setujui');
    const files = h.fake.uploadedFiles(applicant.dmChannel);
    expect(files.map((f) => f.filename)).toEqual([
      'permohonan-individu-2026-11-23.pdf', 'rekomendasi-0001-DISKOMINFO-2026.pdf', 'persetujuan-0002-DISKOMINFO-2026.pdf', 'surat-tugas-0003-DISKOMINFO-2026.pdf',
    ]);
    const tugas = (await pdfText(files[3]!.content)).join('\n');
    expect(tugas).toContain('NOMOR : 0003/DISKOMINFO/2026');
    expect(tugas).toMatch(/Statistisi Pertama Uji, NIP 199006062015032006/);
    expect(tugas).toContain('Tim Satu Data');
  });

  it('refuses a button clicked by someone else, records it, and changes nothing', async () => {
    const { applicant, targetHead, ownPenilai, ketua } = await startSamarinda();
    await volunteerFromSlack(applicant);
    await h.press(ketua, 'Rekomendasikan');
    const { message, button } = h.findButton(targetHead, 'Setujui');
    // The Penilai replays the unit head's button from their own DM.
    await h.send(ownPenilai.click({ ...message, channel: ownPenilai.dmChannel }, button.action_id));
    expect(h.lastText(ownPenilai)).toMatch(/^Mohon maaf, Bapak\/Ibu tidak berwenang memutuskan langkah ini \(C7\)/);
    expect((await h.bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED_TO_TARGET');
    expect(await h.bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED' } })).toMatchObject({ platform: 'slack', rule: 'C7' });
  });

  it('publishes App Home with teams, reports and approvals, and refreshes it after a change', async () => {
    const { applicant, targetHead, ketua } = await startSamarinda();
    await h.send(targetHead.openHome());
    const homeText = (userId: string) => JSON.stringify(h.fake.homeOf(userId)?.blocks ?? []);
    expect(homeText(targetHead.id)).toContain('Tidak ada permohonan yang menunggu keputusan Bapak/Ibu.');

    await volunteerFromSlack(applicant);
    expect(homeText(applicant.id)).toContain('Nomor 1: Tim Satu Data, menunggu Ketua tim yang dituju (Pranata Muda Uji)');
    await h.press(ketua, 'Rekomendasikan');
    expect(homeText(targetHead.id)).toMatch(/Nomor 1: Statistisi Pertama Uji, Tim Satu Data/);
    expect(homeText(applicant.id)).toContain('Nomor 1: Tim Satu Data, menunggu Pimpinan Unit Organisasi yang dituju (Kabid Aptika Uji)');
    expect(homeText(applicant.id)).toContain('Tim Statistik Sektoral');

    await h.press(targetHead, 'Setujui');
    expect(homeText(targetHead.id)).toContain('Tidak ada permohonan yang menunggu keputusan Bapak/Ibu.');
    expect(homeText(applicant.id)).not.toContain('(Kabid Aptika Uji)');
    expect(homeText(applicant.id)).toMatch(/Nomor 1: Tim Satu Data, menunggu [^"]*\(Kabid Statistik Uji\)/);
  });

  it('fills a progress report in a modal, attaches a file in the DM, and the ketua tim receives it with a link', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = h.user('U0MEMBER', 'pelaksana');
    const ketua = h.user('U0KETUA', 'pranata');
    await h.link(member, NIP.pelaksana);
    await h.link(ketua, NIP.pfMuda);

    await h.send(member.slash('lapor'));
    const modal = h.fake.modalOf(member.id) as View;
    expect(modal.blocks.map((b) => b.block_id)).toEqual(['capaian_0', 'kegiatan', 'output', 'kendala', 'rencana']);
    const wrong = await h.send(member.submitView(modal, formValues({ capaian_0: 'dua belas', kegiatan: 'Ok', rencana: 'Validasi dataset baru' })));
    expect(wrong.json).toEqual({ response_action: 'errors', errors: {
      capaian_0: 'Mohon tuliskan capaian sebagai angka, misalnya 12 atau 12,5.', kegiatan: 'Mohon isi minimal 3 karakter.',
    } });
    await h.send(member.submitView(modal, formValues({
      capaian_0: '12', kegiatan: 'Menyusun metadata dataset', output: 'Katalog data', kendala: '', rencana: 'Validasi dataset baru',
    })));
    expect(h.messages(member).map((m) => m.text)).toContain('Isian formulir tersimpan dalam draf laporan Tim Satu Data.');
    expect(h.lastText(member)).toMatch(/^Kirim foto atau berkas bukti dukung/);

    await h.send(member.sendFile({ id: 'F0BUKTI', name: 'notulen.pdf', mimetype: 'application/pdf' }));
    expect(h.lastText(member)).toMatch(/^Bukti dukung diterima \(1 berkas\)/);
    await h.press(member, 'Lanjut');
    expect(h.lastText(member)).toContain('Dataset terbit: 12 dataset dari 40');
    await h.press(member, 'Kirim');
    expect(h.lastText(member)).toMatch(/^Laporan kemajuan Tim Satu Data telah dikirim kepada Pranata Muda Uji/);

    expect(h.lastText(ketua)).toContain('Kegiatan: Menyusun metadata dataset');
    await h.press(ketua, 'Lihat bukti dukung (1)');
    // A file shared in another DM goes to the ketua as its Slack permalink, never re-uploaded.
    const link = JSON.stringify(h.messages(ketua).at(-1)!.blocks);
    expect(link).toContain('notulen.pdf');
    expect(link).toMatch(/<https?:\/\/[^|]+F0BUKTI[^|]*\|notulen\.pdf>/);
    await h.press(ketua, 'Terima');
    expect(h.lastText(member)).toMatch(/^Umpan balik ketua tim atas laporan kemajuan Tim Satu Data: /);
    expect(await h.bot.db.feedback.count()).toBe(1);
  });

  it('links a team to a Slack channel from the channel itself', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const ketua = h.user('U0KETUA', 'pranata');
    await h.link(ketua, NIP.pfMuda);
    h.fake.addChannel({ id: 'C0TIMDATA', name: 'tim-satu-data' });
    await h.send(ketua.slash('hubungkangrup', { channelId: 'C0TIMDATA', channelName: 'tim-satu-data' }));
    await h.press(ketua, 'Tim Satu Data', 'C0TIMDATA');
    expect(h.fake.messagesIn('C0TIMDATA').at(-1)?.text).toMatch(/^Grup ini sekarang terhubung dengan Tim Satu Data/);
    expect(await h.bot.db.teamChat.findFirstOrThrow()).toMatchObject({ platform: 'slack', chatId: 'C0TIMDATA', workspace: h.fake.teamId });
  });

  it('answers the same invalid form twice with its errors, refuses a form whose conversation ended, and opens forms only on the flow\'s own turns', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = h.user('U0MEMBER', 'pelaksana');
    await h.link(member, NIP.pelaksana);
    await h.send(member.slash('lapor'));
    expect(h.fake.callsOf('views.open')).toHaveLength(1);
    const modal = h.fake.modalOf(member.id) as View;
    const invalid = formValues({ capaian_0: 'banyak', kegiatan: 'Menyusun metadata', rencana: 'Validasi' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await h.send(member.submitView(modal, invalid));
      expect(answer.json, `attempt ${attempt}`).toEqual({ response_action: 'errors', errors: { capaian_0: 'Mohon tuliskan capaian sebagai angka, misalnya 12 atau 12,5.' } });
    }
    // A typo or help while the report is open answers in the chat and opens no modal.
    await h.send(member.slash('lapr'));
    await h.send(member.slash('bantuan'));
    expect(h.fake.callsOf('views.open')).toHaveLength(1);

    await h.send(member.slash('batal'));
    const stale = await h.send(member.submitView(modal, formValues({ capaian_0: '3', kegiatan: 'Menyusun metadata', rencana: 'Validasi' })));
    expect(stale.status).toBe(200);
    expect(stale.body).toBe('');
    expect(h.lastText(member)).toMatch(/^Formulir ini sudah tidak berlaku/);
    const draft = await h.bot.db.laporan.findFirstOrThrow();
    expect(JSON.parse(draft.content)).toEqual({});
  });

  it('answers in the sender\'s DM when a command comes from a channel the bot is not in, and sends nothing to an unlinked user opening App Home', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const ketua = h.user('U0KETUA', 'pranata');
    await h.link(ketua, NIP.pfMuda);
    h.fake.addChannel({ id: 'C0LUAR', name: 'umum', member: false });
    await h.send(ketua.slash('hubungkangrup', { channelId: 'C0LUAR', channelName: 'umum' }));
    expect(h.lastText(ketua)).toMatch(/^Bot tidak dapat menulis di grup atau kanal tempat perintah tadi dikirim \(not_in_channel\)/);

    const stranger = h.user('U0STRANGE', 'orang');
    for (let visit = 0; visit < 3; visit++) await h.send(stranger.openHome());
    expect(h.messages(stranger)).toEqual([]);
  });
});
