import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import type { SlackUser } from '../fakes/slackUser';

let h: SlackHarness;
afterEach(async () => { await h?.stop(); });

// Each command of the core, from the Slack side, by someone allowed to use it: the flow's first
// answer arrives in the DM as Block Kit that Slack accepted.
const FIRST_ANSWERS: Array<[command: string, who: keyof typeof NIP, answer: RegExp]> = [
  ['tugas', 'pelaksana', /^Tim kerja dan tugas Bapak\/Ibu:\n- Tim Satu Data \(anggota\)/],
  ['ajukan', 'pelaksana', /^Pilih tim kerja yang ingin Bapak\/Ibu ikuti, atau ketik kode timnya:/],
  ['lapor', 'pelaksana', /^Capaian untuk indikator "Dataset terbit" \(target 40 dataset\)\?/],
  ['laporantim', 'pfMuda', /^Draf laporan tim, disusun dari laporan anggota:/],
  ['mintalaporan', 'kabidA', /^Pilih tim yang laporannya diminta:/],
  ['kendala', 'pfMuda', /^Tuliskan permasalahannya\./],
  ['kendalaterbuka', 'kabidA', /^Tidak ada kendala yang terbuka\./],
  ['hasil', 'pfMuda', /^Uraikan hasil kerja Tim Satu Data/],
  ['ekspor', 'kabidA', /^Pilih tim yang laporannya diekspor:/],
  ['mundur', 'pelaksana', /^Dari tim mana Bapak\/Ibu mengundurkan diri\?/],
  ['tunjukketua', 'kabidA', /^Pilih tim yang ketuanya akan ditunjuk:/],
  ['kinerjaanggota', 'pfMuda', /^Pilih anggota tim yang hasil kinerjanya akan dilaporkan:/],
  ['hubungkangrup', 'pfMuda', /^Perintah ini dijalankan di grup tim, bukan di percakapan pribadi\./],
  ['bantuan', 'kabidA', /^Perintah yang dapat Bapak\/Ibu gunakan:\n\/timkerja tugas: /],
  ['batal', 'kabidA', /^Tidak ada percakapan yang sedang berjalan\./],
  ['cuti', 'pfMuda', /^Catat cuti untuk siapa\?/],
  ['surat', 'pfMuda', /^Belum ada surat untuk Bapak\/Ibu\./],
  ['pengajuanku', 'pfMuda', /^Bapak\/Ibu belum pernah mengajukan diri ke tim kerja\./],
  ['tunjuk', 'kabidA', /^Tunjuk anggota untuk tim mana\?/],
  ['mintapegawai', 'kabidA', /^Untuk tim mana Bapak\/Ibu meminta pegawai dari unit lain\?/],
  ['mintainstansi', 'kabidA', /^Untuk tim mana Bapak\/Ibu meminta pegawai dari instansi lain\?/],
  ['catatsurat', 'admin', /^Tidak ada permohonan lintas instansi yang sedang menunggu surat dari instansi lain\./],
  ['bukti', 'pfMuda', /^Tuliskan kode bukti dukung dari berkas ekspor/],
  ['tugaskan', 'kabidA', /^Tugas individu untuk siapa\?/],
  ['batalkantugas', 'kabidA', /^Penugasan aktif yang Bapak\/Ibu terbitkan\. Pilih yang akan dibatalkan:/],
];

/** /batalkantugas is for whoever issued an active assignment: the Kabid Aptika designated the pelaksana earlier. */
async function activeAssignmentIssuedByKabidA(h: SlackHarness): Promise<void> {
  const [issuer, assignee, tim] = await Promise.all([
    h.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.kabidA } }), h.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.pelaksana } }),
    h.bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-DATA' } }),
  ]);
  await h.bot.db.penugasan.create({
    data: {
      instansiId: issuer.instansiId, number: 1, workflow: 'WF-1', mode: 'PENUNJUKAN', scope: 'DALAM_UO', status: 'ACTIVE', pegawaiId: assignee.id,
      assignerId: issuer.id, timId: tim.id, ownerUnitId: tim.ownerUnitId, role: 'ANGGOTA', startsOn: tim.startsOn, endsOn: tim.endsOn, details: '{}',
    },
  });
}
// Only Karanganyar's profile lets a PF ask for angka kredit (WF-12).
const KARANGANYAR_ONLY: Array<[string, keyof typeof NIP, RegExp]> = [['angkakredit', 'pfMuda', /^Tuliskan butir kegiatan jabatan/]];
// Only Lamandau's profile sets teams by Keputusan (Ps 24).
const LAMANDAU_ONLY: Array<[string, keyof typeof NIP, RegExp]> = [['keputusantim', 'kadis', /^Tim kerja mana yang ditetapkan dengan Keputusan\?/]];

describe('Slack adapter: every command of the core', () => {
  it('starts each flow from /timkerja <perintah> for someone allowed to use it', async () => {
    const commands: string[] = [];
    for (const [profile, table] of [['SMD', FIRST_ANSWERS], ['KRA', KARANGANYAR_ONLY], ['LMD', LAMANDAU_ONLY]] as const) {
      await h?.stop();
      h = await SlackHarness.start({ linkByEmail: false });
      await loadOrganisation(h.bot, smallOrganisation(profile));
      if (profile === 'SMD') await activeAssignmentIssuedByKabidA(h);
      commands.push(...h.bot.core.commands().map((c) => c.command));
      const users = new Map<string, SlackUser>();
      for (const who of new Set(table.map(([, person]) => person))) {
        const user = h.user(`U0${who.toUpperCase()}`, who);
        await h.link(user, NIP[who]);
        users.set(who, user);
      }
      for (const [command, who, answer] of table) {
        const user = users.get(who)!;
        await h.send(user.slash(command));
        expect(h.lastText(user), command).toMatch(answer);
        await h.send(user.slash('batal'));
      }
      expect(h.fake.calls.filter((call) => call.error)).toEqual([]);
    }
    // The tables cover the whole core: a new flow must be added here to be tried from Slack.
    expect([...FIRST_ANSWERS, ...KARANGANYAR_ONLY, ...LAMANDAU_ONLY].map(([command]) => command).sort()).toEqual([...new Set(commands)].sort());
  });

  it('delivers a generated document (the XLSX export) as a file upload in the DM', async () => {
    h = await SlackHarness.start({ linkByEmail: false });
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const head = h.user('U0KABIDA', 'kabid.aptika');
    await h.link(head, NIP.kabidA);
    await h.send(head.slash('ekspor'));
    await h.press(head, 'Tim Satu Data');
    await h.press(head, 'Bulan ini');
    await h.press(head, 'XLSX');
    const [file] = h.fake.uploadedFiles(head.dmChannel);
    expect(file?.filename).toMatch(/\.xlsx$/);
    // An XLSX is a zip file: it starts with PK.
    expect(file!.content.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file!.content.length).toBeGreaterThan(1000);
  });
});
