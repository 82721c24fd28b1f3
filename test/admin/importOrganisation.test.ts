import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/createDb';
import { importOrganisation } from '../../src/admin/importOrganisation';
import { openTestDb } from '../helpers/testDb';
import { lineContaining, NIP, smallOrganisation, toImportJson } from '../fixtures/smallOrganisation';

const now = new Date('2026-11-25T01:00:00Z');
let db: Db;
const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-import-'));
let fileSeq = 0;

function writeFile(content: string, ext = 'json'): string {
  const file = path.join(dir, `org-${++fileSeq}.${ext}`);
  writeFileSync(file, content);
  return file;
}

/** Every row of every organisation table, to prove that a refused import changed nothing. */
async function snapshot(database: Db) {
  return JSON.stringify(await Promise.all([
    database.instansi.findMany({ orderBy: { id: 'asc' } }), database.perangkatDaerah.findMany({ orderBy: { id: 'asc' } }),
    database.unitOrganisasi.findMany({ orderBy: { id: 'asc' } }), database.pegawai.findMany({ orderBy: { id: 'asc' } }),
    database.roleHolder.findMany({ orderBy: { id: 'asc' } }), database.delegation.findMany({ orderBy: { id: 'asc' } }),
    database.timKerja.findMany({ orderBy: { id: 'asc' } }), database.membership.findMany({ orderBy: { id: 'asc' } }),
    database.target.findMany({ orderBy: { id: 'asc' } }), database.auditLog.findMany({ orderBy: { id: 'asc' } }),
  ]));
}

beforeEach(async () => { ({ db } = await openTestDb()); });
afterEach(async () => { await db.$disconnect(); });

describe('organisation import', () => {
  it('loads units, people, Penilai, roles, delegations and teams from a JSON file', async () => {
    const report = await importOrganisation(db, writeFile(toImportJson(smallOrganisation())), { now });

    expect(report.errors).toEqual([]);
    expect(report.summary.pegawai).toEqual({ created: 9, updated: 0, unchanged: 0, removed: 0 });
    const madya = await db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfMadya }, include: { penilai: true, homeUnit: true } });
    expect(madya.penilai?.nip).toBe(NIP.kadis);
    expect(madya.homeUnit.code).toBe('DISKOMINFO.APTIKA');
    const unit = await db.unitOrganisasi.findFirstOrThrow({ where: { code: 'DISKOMINFO.APTIKA' }, include: { parent: true, head: true } });
    expect([unit.parent?.code, unit.head?.nip]).toEqual(['DISKOMINFO', NIP.kabidA]);
    const tim = await db.timKerja.findFirstOrThrow({ include: { memberships: { include: { pegawai: true } }, targets: true } });
    expect(tim.memberships.map((m) => [m.pegawai.nip, m.role]).sort()).toEqual([[NIP.pfMadya, 'ANGGOTA'], [NIP.pfMuda, 'KETUA'], [NIP.pelaksana, 'ANGGOTA']].sort());
    expect(tim.targets[0]).toMatchObject({ target: 40, satuan: 'dataset' });
    expect(await db.roleHolder.count()).toBe(2);
    expect(await db.delegation.count()).toBe(1);
    expect(await db.auditLog.findFirst({ where: { action: 'admin.impor' } })).not.toBeNull();
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = writeFile(toImportJson(smallOrganisation()));
    await importOrganisation(db, file, { now });
    const before = await snapshot(db);

    const again = await importOrganisation(db, file, { now });

    expect(again.changed).toBe(false);
    expect(again.summary.pegawai).toEqual({ created: 0, updated: 0, unchanged: 9, removed: 0 });
    expect(await snapshot(db)).toBe(before);
  });

  it('updates people and units by NIP and unit code without duplicates when the file changes', async () => {
    await importOrganisation(db, writeFile(toImportJson(smallOrganisation())), { now });
    const org = smallOrganisation();
    org.pegawai[5]!.nama = 'Pranata Muda Uji Berganti Nama';
    org.pegawai[5]!.kodeUnit = 'DISKOMINFO.STATISTIK';
    org.unitOrganisasi[3]!.nama = 'Bidang Statistik Sektoral';
    org.timKerja[0]!.anggota = org.timKerja[0]!.anggota.filter((a) => a.nip !== NIP.pelaksana);

    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });

    expect(report.summary.pegawai).toEqual({ created: 0, updated: 1, unchanged: 8, removed: 0 });
    expect(report.summary.unitOrganisasi).toEqual({ created: 0, updated: 1, unchanged: 3, removed: 0 });
    expect(await db.pegawai.count()).toBe(9);
    const moved = await db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfMuda }, include: { homeUnit: true } });
    expect([moved.name, moved.homeUnit.name]).toEqual(['Pranata Muda Uji Berganti Nama', 'Bidang Statistik Sektoral']);
    const ended = await db.membership.findFirstOrThrow({ where: { pegawai: { nip: NIP.pelaksana } } });
    expect(ended.status).toBe('ENDED');
  });

  it('deactivates people and revokes delegations that a new version of the file no longer lists', async () => {
    await importOrganisation(db, writeFile(toImportJson(smallOrganisation())), { now });
    const org = smallOrganisation();
    org.pegawai = org.pegawai.filter((p) => p.nip !== NIP.pelaksana);
    org.timKerja[0]!.anggota = org.timKerja[0]!.anggota.filter((a) => a.nip !== NIP.pelaksana);
    org.delegasi = [];

    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });

    expect(report.summary.pegawai).toMatchObject({ removed: 1 });
    expect(report.summary.delegasi).toMatchObject({ removed: 1 });
    expect(await db.pegawai.findFirstOrThrow({ where: { nip: NIP.pelaksana } })).toMatchObject({ active: false });
    expect((await db.delegation.findFirstOrThrow()).revokedAt).toEqual(now);
    expect(await db.pegawai.count()).toBe(9);
  });

  it('re-imports a Pemda-size file (1,500 pegawai) and deactivates the one it no longer lists', async () => {
    const org = smallOrganisation();
    const extra = Array.from({ length: 1_500 }, (_, i) => ({ ...org.pegawai[7]!, nip: `19900101202001${String(1000 + i).padStart(4, '0')}`, nama: `Pelaksana ${i}` }));
    org.pegawai.push(...extra);
    await importOrganisation(db, writeFile(toImportJson(org)), { now });
    org.pegawai = org.pegawai.filter((p) => p.nip !== extra[42]!.nip);

    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });

    expect(report.errors).toEqual([]);
    expect(report.summary.pegawai).toMatchObject({ removed: 1 });
    expect(await db.pegawai.findFirstOrThrow({ where: { nip: extra[42]!.nip } })).toMatchObject({ active: false });
    expect(await db.pegawai.count({ where: { active: true } })).toBe(9 + 1_499);
  });

  it('AC-56: in Lamandau refuses a team whose reporting cadence is not stated as the team agreement; elsewhere the weekly default applies', async () => {
    const lamandau = smallOrganisation('LMD');
    delete (lamandau.timKerja[1] as Record<string, unknown>).laporan;
    const refused = await importOrganisation(db, writeFile(toImportJson(lamandau)), { now });
    expect(refused.errors).toEqual([expect.objectContaining({
      section: 'timKerja', field: 'laporan', line: lineContaining(toImportJson(lamandau), '"kode":"TIM-STAT"'),
      reason: 'wajib diisi: irama pelaporan disepakati dalam perjanjian tim kerja (002-LMD Lamp. II.B(6))',
    })]);
    expect(await db.timKerja.count()).toBe(0);

    const samarinda = smallOrganisation('SMD');
    delete (samarinda.timKerja[1] as Record<string, unknown>).laporan;
    expect((await importOrganisation(db, writeFile(toImportJson(samarinda)), { now })).errors).toEqual([]);
  });

  it('stages an instansi sets for where its regulation stops must start where it stops; a profile that does not stop refuses them', async () => {
    const jawab = { kind: 'JAWAB', performer: 'PIMPINAN_UO_DITUJU', tersedia: 'ANSWERED', tidakTersedia: 'NOT_AVAILABLE', citation: 'jawaban Penilai', kabarTersedia: 'JAWABAN', kabarTidakTersedia: 'TIDAK_TERSEDIA' };
    const tulangBawang = smallOrganisation('TBB');
    Object.assign(tulangBawang.instansi, { pengaturan: { lintasInstansiMasukLanjutan: [{ ...jawab, status: 'APPROVED_BY_PYB' }] } });
    expect((await importOrganisation(db, writeFile(toImportJson(tulangBawang)), { now })).errors).toEqual([{
      line: 1, section: 'instansi', field: 'pengaturan.lintasInstansiMasukLanjutan',
      reason: 'tahap lanjutan pertama harus berstatus TARGET_INSTRUCTED_PENILAI, tempat peraturan berhenti (001-TBB Lamp. c. A.3 (tahapan hanya huruf a sampai c))',
    }]);
    const samarinda = smallOrganisation('SMD');
    Object.assign(samarinda.instansi, { pengaturan: { lintasInstansiMasukLanjutan: [{ ...jawab, status: 'TARGET_INSTRUCTED_PENILAI' }] } });
    expect((await importOrganisation(db, writeFile(toImportJson(samarinda)), { now })).errors).toEqual([{
      line: 1, section: 'instansi', field: 'pengaturan.lintasInstansiMasukLanjutan',
      reason: 'profil SMD tidak berhenti sebelum permohonan selesai; tahap lanjutan tidak dipakai',
    }]);
    expect(await db.instansi.count()).toBe(0);

    Object.assign(tulangBawang.instansi, { pengaturan: { lintasInstansiMasukLanjutan: [{ ...jawab, status: 'TARGET_INSTRUCTED_PENILAI' }, { ...jawab, status: 'TARGET_INSTRUCTED_PENILAI' }] } });
    expect((await importOrganisation(db, writeFile(toImportJson(tulangBawang)), { now })).errors).toEqual([expect.objectContaining({
      field: 'pengaturan.lintasInstansiMasukLanjutan', reason: 'status TARGET_INSTRUCTED_PENILAI sudah dipakai tahap lain; setiap tahap menunggu pada status sendiri',
    })]);
    Object.assign(tulangBawang.instansi, { pengaturan: { lintasInstansiMasukLanjutan: [{ ...jawab, status: 'TARGET_INSTRUCTED_PENILAI' }] } });
    expect((await importOrganisation(db, writeFile(toImportJson(tulangBawang)), { now })).errors).toEqual([]);
  });

  it('K13: in Karanganyar refuses a team without a ketua ("dipimpin oleh Ketua Tim"); where a team "dapat dipimpin" it is accepted', async () => {
    const karanganyar = smallOrganisation('KRA');
    karanganyar.timKerja[1]!.anggota = [{ nip: NIP.pelaksana, peran: 'ANGGOTA' }];
    const refused = await importOrganisation(db, writeFile(toImportJson(karanganyar)), { now });
    expect(refused.errors).toEqual([expect.objectContaining({
      section: 'timKerja', field: 'anggota', line: lineContaining(toImportJson(karanganyar), '"kode":"TIM-STAT"'),
      reason: 'tim wajib dipimpin ketua tim: tandai satu anggota dengan peran KETUA (004-KRA Lamp. BAB II.A, B.3 (tim kerja dipimpin oleh Ketua Tim))',
    })]);
    expect(await db.timKerja.count()).toBe(0);

    const samarinda = smallOrganisation('SMD');
    samarinda.timKerja[1]!.anggota = [{ nip: NIP.pelaksana, peran: 'ANGGOTA' }];
    expect((await importOrganisation(db, writeFile(toImportJson(samarinda)), { now })).errors).toEqual([]);
  });

  const badRows: Array<[string, (org: ReturnType<typeof smallOrganisation>) => string, string, RegExp]> = [
    ['a NIP that is not 18 digits', (o) => { o.pegawai[6]!.nip = '19900606201503200'; return '19900606201503200'; }, 'nip', /18 digit/],
    ['a missing name', (o) => { delete (o.pegawai[6] as Record<string, unknown>).nama; return NIP.pfPertama; }, 'nama', /wajib diisi/],
    ['an unknown jenis jabatan', (o) => { o.pegawai[6]!.jenisJabatan = 'KEPALA'; return NIP.pfPertama; }, 'jenisJabatan', /Pilihan tidak valid/],
    ['a fungsional without jenjang', (o) => { delete (o.pegawai[6] as Record<string, unknown>).jenjangJf; return NIP.pfPertama; }, 'jenjangJf', /jenjangJf/],
    ['an unknown unit', (o) => { o.pegawai[6]!.kodeUnit = 'DISKOMINFO.HILANG'; return NIP.pfPertama; }, 'kodeUnit', /unit DISKOMINFO.HILANG tidak ditemukan/],
    ['an unknown Penilai', (o) => { o.pegawai[6]!.nipPenilai = '199999999999999999'; return NIP.pfPertama; }, 'nipPenilai', /tidak ditemukan/],
    ['a duplicate NIP', (o) => { o.pegawai[7]!.nip = NIP.pfPertama; o.pegawai[7]!.nama = 'Ganda'; return '"Ganda"'; }, 'nip', /sudah muncul di baris/],
    ['a unit tree with a cycle', (o) => { o.unitOrganisasi[1]!.kodeInduk = 'DISKOMINFO.APTIKA'; return '"tipeUnit":"DINAS"'; }, 'kodeInduk', /lingkaran/],
    ['an invalid email', (o) => { o.pegawai[6]!.email = 'bukan-email'; return NIP.pfPertama; }, 'email', /email/],
    ['a delegation to an unknown NIP', (o) => { o.delegasi[0]!.nipKe = '199999999999999991'; return '199999999999999991'; }, 'nipKe', /tidak ditemukan/],
    ['a role for an unknown NIP', (o) => { o.peran[0]!.nip = '199999999999999992'; return '199999999999999992'; }, 'nip', /tidak ditemukan/],
    ['an unknown role', (o) => { (o.peran[0] as Record<string, unknown>).peran = 'BUPATI'; return '"BUPATI"'; }, 'peran', /Pilihan tidak valid/],
    ['a perangkat daerah head who does not exist', (o) => { o.perangkatDaerah[1]!.nipKepala = '199999999999999993'; return '199999999999999993'; }, 'nipKepala', /tidak ditemukan/],
    ['a team member who does not exist', (o) => { o.timKerja[0]!.anggota[1]!.nip = '199999999999999994'; return '199999999999999994'; }, 'anggota.1.nip', /tidak ditemukan/],
    ['two ketua in one team', (o) => { o.timKerja[0]!.anggota[1]!.peran = 'KETUA'; return '"kode":"TIM-DATA"'; }, 'anggota', /satu ketua/],
    ['a team ending before it starts', (o) => { o.timKerja[0]!.selesai = '2025-01-01'; return 'TIM-DATA'; }, 'selesai', /sebelum tanggal mulai/],
  ];

  it.each(badRows)('refuses a file with %s, naming line, field and reason, and changes nothing', async (_name, spoil, field, reason) => {
    await importOrganisation(db, writeFile(toImportJson(smallOrganisation())), { now });
    const before = await snapshot(db);
    const org = smallOrganisation();
    const needle = spoil(org);
    const content = toImportJson(org);

    const report = await importOrganisation(db, writeFile(content), { now });

    expect(report.ok).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ line: lineContaining(content, needle), field, reason: expect.stringMatching(reason) }));
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a CSV it cannot parse or whose header it does not know, changing nothing', async () => {
    await expect(importOrganisation(db, writeFile('nip,nama\n"199001012015011001,Tanpa penutup kutip\n', 'csv'), { now, instansiCode: 'kota-uji' }))
      .rejects.toThrow(/^Berkas CSV tidak dapat dibaca: /);
    await expect(importOrganisation(db, writeFile('kolom,lain\n1,2\n', 'csv'), { now, instansiCode: 'kota-uji' }))
      .rejects.toThrow(/^Kepala kolom CSV tidak dikenali \(kolom, lain\)/);
    expect(await db.pegawai.count()).toBe(0);
  });

  it('refuses an unknown time zone and an unknown policy profile in the instansi block', async () => {
    const org = smallOrganisation('ATLANTIS');
    (org.instansi as Record<string, unknown>).zonaWaktu = 'Asia/Samarinda';
    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });
    expect(report.errors.map((e) => e.field).sort()).toEqual(['profilKebijakan', 'zonaWaktu']);
    expect(await db.instansi.count()).toBe(0);
  });

  it('imports a CSV of people into an existing instansi and reports a bad CSV row by its line', async () => {
    await importOrganisation(db, writeFile(toImportJson(smallOrganisation())), { now });
    const header = 'nip,nama,status,jabatan,jenisJabatan,kategoriJf,jenjangJf,kodeUnit,nipPenilai';
    const good = `${header}\n199401012022031011,"Rina, S.Kom.",PPPK,Pranata Komputer Ahli Pertama,FUNGSIONAL,KEAHLIAN,AHLI_PERTAMA,DISKOMINFO.APTIKA,${NIP.kabidA}\n`;
    const added = await importOrganisation(db, writeFile(good, 'csv'), { now, instansiCode: 'kota-uji' });
    expect(added.summary.pegawai).toEqual({ created: 1, updated: 0, unchanged: 0, removed: 0 });
    expect((await db.pegawai.findFirstOrThrow({ where: { nip: '199401012022031011' } })).name).toBe('Rina, S.Kom.');

    const before = await snapshot(db);
    const bad = `${good}199501012022031012,Budi,PNS,Pelaksana,PELAKSANA,,,UNIT.TIDAK.ADA,\n`;
    const refused = await importOrganisation(db, writeFile(bad, 'csv'), { now, instansiCode: 'kota-uji' });
    expect(refused.errors).toEqual([{ line: 3, section: 'pegawai', field: 'kodeUnit', reason: 'unit UNIT.TIDAK.ADA tidak ditemukan' }]);
    expect(await snapshot(db)).toBe(before);
  });

  it('lists kedudukan that look inconsistent with the profile as warnings, not rejections', async () => {
    const org = smallOrganisation('LMD');
    org.pegawai[4]!.nipPenilai = NIP.kabidA; // an ahli madya under an Administrator: LMD Ps 18(3)(a)
    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });
    expect(report.ok).toBe(true);
    expect(report.warnings).toContainEqual(expect.objectContaining({ nip: NIP.pfMadya, citation: '002-LMD Ps 18(3)(a)' }));
    expect(report.warnings.find((w) => w.nip === NIP.pfMuda)).toBeUndefined();
    expect((await db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfMadya }, include: { penilai: true } })).penilai?.nip).toBe(NIP.kabidA);
  });

  it('warns of a Lamandau Administrator made ketua of a team no Keputusan sets (Ps 24(4)), and not once the team is marked so', async () => {
    const org = smallOrganisation('LMD');
    org.timKerja[0]!.anggota = [{ nip: NIP.kabidA, peran: 'KETUA' }, ...org.timKerja[0]!.anggota.filter((a) => a.peran !== 'KETUA')];
    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });
    expect(report.ok).toBe(true);
    expect(report.warnings).toContainEqual({
      nip: NIP.kabidA, nama: 'Kabid Aptika Uji', citation: '002-LMD Ps 24(1)-(4)',
      message: 'ketua Tim Satu Data, tetapi jabatan ADMINISTRATOR hanya dapat menjadi ketua tim yang ditetapkan dengan Keputusan (wajibKeputusan)',
    });
    Object.assign(org.timKerja[0]!, { wajibKeputusan: true });
    const marked = await importOrganisation(db, writeFile(toImportJson(org)), { now });
    expect(marked.warnings.filter((w) => w.nip === NIP.kabidA)).toEqual([]);
  });

  it('refuses a name with a NUL or half a surrogate pair by its line and field, and imports nothing', async () => {
    const org = smallOrganisation('SMD');
    org.pegawai[2]!.nama = 'Kabid\u0000Aptika';
    org.timKerja[0]!.nama = 'Tim \ud800Data';
    const report = await importOrganisation(db, writeFile(toImportJson(org)), { now });
    expect(report.ok).toBe(false);
    const reason = 'mengandung karakter yang tidak sah (karakter kendali atau kode Unicode yang terpotong)';
    expect(report.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ section: 'pegawai', field: 'nama', reason }), expect.objectContaining({ section: 'timKerja', field: 'nama', reason }),
    ]));
    expect(await db.instansi.count()).toBe(0);
  });
});

