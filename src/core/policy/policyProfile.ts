import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JenisJabatanSchema, JfJenjangSchema, UnitTypeSchema } from '../domain/enums';
import { LintasInstansiSchema } from './lintasInstansiSchema';

export const PerformerSchema = z.enum([
  'HOME_PENILAI', 'HOME_PIMPINAN_UO', 'HOME_KEPALA_PD', 'TARGET_PIMPINAN_UO', 'TARGET_KEPALA_PD', 'TARGET_KETUA_TIM',
]);
export type Performer = z.infer<typeof PerformerSchema>;

const StepSchema = z.object({
  performer: PerformerSchema,
  kind: z.enum(['APPROVE', 'ACKNOWLEDGE', 'RECOMMEND']),
  pendingStatus: z.string().regex(/^[A-Z_]+$/),
  rejectedStatus: z.string().regex(/^[A-Z_]+$/),
  citation: z.string().min(1),
  /**
   * An advisory recommendation (Samarinda's ketua tim, formats 4b and 5): "not recommended" does
   * not end the request; the next step decides with the recommendation in view.
   */
  advisory: z.boolean().optional(),
  /** Left out when nobody holds the role (a team without a ketua: "dapat dipimpin oleh Ketua Tim"). */
  skipWithoutHolder: z.boolean().optional(),
  /** Decided at the same time as the step before; the request goes on once both approve (Magelang Lamp. II.B.2). */
  parallelWithPrevious: z.boolean().optional(),
});

const WorkflowSchema = z.object({
  workflow: z.enum(['WF-4', 'WF-5']),
  steps: z.array(StepSchema).min(1),
  approvedStatus: z.string().regex(/^[A-Z_]+$/),
  /** The letter that assigns the applicant once approved ("menerima surat penugasan"; Samarinda: the Surat Tugas of format 6). */
  document: z.enum(['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH']),
  /** FREE: any written reason; otherwise the prescribed alternatives (e.g. SMD alternatif 1 and 2). */
  rejectReasons: z.union([z.literal('FREE'), z.array(z.enum(['KUALIFIKASI_TIDAK_SESUAI', 'ANGGOTA_MENCUKUPI'])).min(1)]),
  /**
   * The applicant's own letter (format 1): who else its template copies, by instansi role (Samarinda:
   * the Kepala Bagian Organisasi Setda), and whether it offers a CV and other documents as lampiran.
   */
  suratPemohon: z.object({ tembusan: z.array(z.literal('KEPALA_BAGIAN_ORGANISASI')), lampiranCv: z.boolean(), citation: z.string().min(1) }).optional(),
});
export type SukarelaWorkflow = z.infer<typeof WorkflowSchema>;

/** WF-2: roles relative to the official asked for (the "dituju" of the regulations). */
export const PelibatanPerformerSchema = z.enum(['DITUJU_PENILAI', 'DITUJU_PIMPINAN_UO', 'DITUJU_KEPALA_PD']);
export type PelibatanPerformer = z.infer<typeof PelibatanPerformerSchema>;

/**
 * WF-2 (domain-spec §3.2): the owner unit's head asks another unit for a named official. The
 * steps are decided by the holders of roles around that official; a step whose holder is the
 * same as the previous one's is not asked twice (e.g. Penilai dituju = Pimpinan UO dituju).
 */
const PelibatanSchema = z.object({
  workflow: z.literal('WF-2'),
  /** Who may ask: the head of the team's owner unit, or of its Perangkat Daerah. */
  pemohon: z.array(z.enum(['PIMPINAN_UO_PEMILIK', 'KEPALA_PD_PEMILIK'])).min(1),
  /** The addressee of the surat permohonan pelibatan; null where the request is not made by letter. */
  kepada: PelibatanPerformerSchema.nullable(),
  tembusan: z.array(z.enum(['PENILAI_PEMOHON', 'DITUJU_PENILAI'])),
  steps: z.array(z.object({
    performer: PelibatanPerformerSchema,
    /** ISSUE: the step that issues the surat penugasan (after a recommendation, by the Penilai). */
    kind: z.enum(['APPROVE', 'RECOMMEND', 'ISSUE']),
    pendingStatus: z.string().regex(/^[A-Z_]+$/),
    citation: z.string().min(1),
  })).min(1),
  /** Where the target answers an approval in writing too (LMD Ps 23(5)); a refusal is always written. */
  jawabanTertulis: z.boolean(),
  /** Lamandau: the owner sets the team by Surat Keputusan Tim Kerja before the member is active. */
  skTimKerja: z.object({ citation: z.string().min(1) }).nullable(),
  document: z.enum(['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH']),
  /** Where the four required items of the request (domain-spec §5.7) come from. */
  isian: z.string().min(1),
  citation: z.string().min(1),
});
export type PelibatanWorkflow = z.infer<typeof PelibatanSchema>;

export const ReportRecipientSchema = z.enum(['PENILAI', 'PIMPINAN_UO_ASAL', 'KEPALA_PD_ASAL', 'PEMBERI_TUGAS']);

const KedudukanRuleSchema = z.object({
  jfJenjang: z.array(JfJenjangSchema).optional(),
  jenisJabatan: z.array(JenisJabatanSchema).optional(),
  penilaiJenisJabatan: z.array(JenisJabatanSchema).min(1),
  citation: z.string().min(1),
});

/** A region's rules as data (domain-spec §4, C8): adding a profile is adding a JSON file. */
export const PolicyProfileSchema = z.object({
  id: z.string().regex(/^[A-Z0-9_]+$/),
  name: z.string(),
  /** The regional regulation, as a letter's Dasar names it; null for the baseline profile (no regional rule). */
  regulation: z.string().nullable(),
  sukarela: z.object({
    DALAM_UO: WorkflowSchema, LINTAS_UO: WorkflowSchema, LINTAS_PD: WorkflowSchema.optional(),
    /** Voluntary requests stay inside the instansi (AC-40): the regulation's words where it says so, else null. */
    batasInstansi: z.object({ kutipan: z.string().min(1).nullable(), citation: z.string().min(1) }),
  }),
  laporanKinerjaAnggota: z.object({
    recipients: z.array(z.object({ role: ReportRecipientSchema, citation: z.string() })).min(1),
  }),
  kedudukan: z.array(KedudukanRuleSchema),
  /** R3: who receives the ketua's periodic team report. */
  laporanTim: z.object({
    recipients: z.array(z.object({ role: z.enum(['PIMPINAN_UO_PEMILIK', 'KEPALA_PD_PEMILIK']), citation: z.string() })).min(1),
    /** Where the team agreement sets the reporting cadence, each team must state it (the citation). */
    iramaDisepakati: z.string().optional(),
  }),
  /** R2 (and SMD R6, LMD Ps 27): who receives the progress reports of an individual assignment. */
  laporanIndividu: z.object({
    recipients: z.array(z.object({ role: z.enum(['PIMPINAN_UO_PEMILIK', 'PENILAI']), citation: z.string() })).min(1),
  }),
  /** WF-9 (App. B): the review chain by the owner unit's type, as steps up the unit tree. */
  evaluasi: z.object({
    returnMode: z.enum(['BERJENJANG', 'LANGSUNG']),
    chains: z.record(z.string(), z.array(z.enum(['UNIT', 'PARENT', 'GRANDPARENT', 'SUBMITTER_PENILAI'])).min(1)),
    citation: z.string(),
  }),
  /** Rule P (domain-spec §3.13): how work for another unit is labelled, if the regulation says so. */
  prioritas: z.object({ label: z.enum(['PRIORITAS_RENDAH', 'TUGAS_TAMBAHAN']).nullable(), citation: z.string() }),
  /** WF-10: resignation from a team, where the regulation provides it (Samarinda only). */
  pengunduranDiri: z.object({ enabled: z.boolean(), citation: z.string() }),
  /** WF-12: butir kegiatan for angka kredit approved by the Kepala UO (Karanganyar only). */
  angkaKredit: z.object({ enabled: z.boolean(), citation: z.string() }),
  /**
   * WF-6: with members from other units, the ketua is "diutamakan" from the owner unit (MGL: the
   * owner Perangkat Daerah): a preference, so an outsider needs a recorded reason.
   */
  ketuaDiutamakan: z.object({ dari: z.enum(['UNIT', 'PERANGKAT_DAERAH']), citation: z.string().min(1) }),
  /**
   * K12/K14: who may be ketua tim and who designates them, by kind of post. PIMPINAN_UO: the head of
   * the owner unit or its Kepala PD; otherwise an official of that kind (Karanganyar Lamp. BAB II.A:
   * an Administrator ketua by the JPT Pratama) or the Kepala Daerah; `suratPenugasan`: with a letter.
   */
  ketuaTim: z.array(z.object({
    jenisJabatan: z.array(JenisJabatanSchema).min(1),
    penunjuk: z.enum(['PIMPINAN_UO', 'KEPALA_DAERAH', 'JPT_PRATAMA', 'ADMINISTRATOR']),
    suratPenugasan: z.boolean(),
    /** Heads of these kinds of unit are not (Magelang Ps 8(3): "kecuali … kepala unit pelaksana teknis daerah"). */
    kecualiKepala: z.array(UnitTypeSchema).optional(),
    /** Only for a team another regulation wants set by Keputusan (Lamandau Ps 24(4) "sebagaimana dimaksud pada ayat (3)"). */
    hanyaTimKeputusan: z.boolean().optional(),
    citation: z.string().min(1),
  })).min(1),
  /** K13: the rule that a team must have a ketua (Karanganyar "dipimpin oleh Ketua Tim"); null where it "dapat dipimpin". */
  ketuaWajib: z.string().min(1).nullable(),
  /** WF-11: criteria for a replacement ketua tim, where the regulation sets them (TBB Lamp. D.f). */
  ketuaPengganti: z.object({ minPendidikan: z.string().nullable(), minGolongan: z.string().nullable(), citation: z.string() }),
  /** WF-1 (domain-spec §3.1): who designates a member within the unit, and the document it produces. */
  penunjukan: z.object({
    DALAM_UO: z.object({
      issuer: z.enum(['PIMPINAN_UO', 'PENILAI', 'PIMPINAN_UO_ATAU_PENILAI']),
      document: z.enum(['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH']),
      citation: z.string().min(1),
      /** C1: who may be designated (every regulation: PF and pelaksana; Karanganyar Ps 10(6) also a Pengawas). */
      subjek: z.object({ jenisJabatan: z.array(JenisJabatanSchema).min(1), citation: z.string().min(1) }),
      /**
       * Where the Penilai issues "atas usulan Pimpinan Unit Organisasi" (Tulang Bawang Barat): the
       * unit head who does not appraise the official proposes, and the official's Penilai issues.
       */
      usulan: z.object({ citation: z.string().min(1) }).optional(),
    }),
    LINTAS_UO: PelibatanSchema,
    /** Absent: a request to another Perangkat Daerah follows LINTAS_UO. */
    LINTAS_PD: PelibatanSchema.optional(),
    LINTAS_INSTANSI: LintasInstansiSchema,
  }),
  /**
   * Tulang Bawang Barat: a team formed from voluntary requests is a "Tim Kerja Insidental" (the
   * citation); null where the regulation has no such kind.
   */
  timInsidental: z.string().min(1).nullable(),
  /**
   * Lamandau Ps 24: where another regulation mandates it, a team is set by Keputusan, by whom
   * depending on its reach; null where the regulation has no such decree.
   */
  keputusanTim: z.object({
    penetap: z.object({
      DALAM_PD: z.array(z.enum(['KEPALA_PD_PEMILIK', 'SEKDA', 'KEPALA_DAERAH'])).min(1),
      LINTAS_PD: z.array(z.enum(['KEPALA_PD_PEMILIK', 'SEKDA', 'KEPALA_DAERAH'])).min(1),
      LINTAS_INSTANSI: z.array(z.enum(['KEPALA_PD_PEMILIK', 'SEKDA', 'KEPALA_DAERAH'])).min(1),
    }),
    citation: z.string().min(1),
  }).nullable(),
  /** R4: who may ask for a report at any time, and of whom. */
  laporanDiminta: z.object({
    requesters: z.array(z.enum(['PIMPINAN_UO_PEMILIK', 'KEPALA_PD_PEMILIK'])).min(1),
    addressees: z.array(z.enum(['KETUA', 'ANGGOTA'])).min(1),
    citation: z.string(),
  }),
});
export type PolicyProfile = z.infer<typeof PolicyProfileSchema>;

export const bundledProfilesDir = path.join(import.meta.dirname, 'profiles');
const cache = new Map<string, Map<string, PolicyProfile>>();

/** Loads and validates every profile file in a folder (once per folder). */
export function loadPolicyProfiles(dir = bundledProfilesDir): Map<string, PolicyProfile> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const profiles = new Map<string, PolicyProfile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = PolicyProfileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`profil kebijakan ${file} tidak valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    profiles.set(parsed.data.id, parsed.data);
  }
  cache.set(dir, profiles);
  return profiles;
}

export function getPolicyProfile(id: string, dir?: string): PolicyProfile {
  const profile = loadPolicyProfiles(dir).get(id);
  if (!profile) throw new Error(`profil kebijakan ${id} tidak dikenal`);
  return profile;
}
