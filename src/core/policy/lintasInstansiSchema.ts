import { z } from 'zod';

const Status = z.string().regex(/^[A-Z_]+$/);

/** What the other government did, as the PyB or the admin records it from its letter. */
export const PeristiwaSchema = z.enum([
  'JAWABAN_TERSEDIA', 'TIDAK_TERSEDIA', 'DITOLAK_PYB_TUJUAN', 'PYB_TUJUAN_SETUJU', 'PERSETUJUAN', 'PENOLAKAN', 'SURAT_PENUGASAN',
]);
export type Peristiwa = z.infer<typeof PeristiwaSchema>;

/** The other government acts outside the bot; whoever records it picks the outcome and uploads the letter. */
export const PeristiwaStageSchema = z.object({
  kind: z.literal('PERISTIWA'), status: Status, citation: z.string().min(1),
  outcomes: z.array(z.object({
    peristiwa: PeristiwaSchema,
    next: Status,
    /** What the recorder must add from the letter: the list of officials named, or the reason given. */
    isian: z.enum(['DAFTAR', 'ALASAN']).nullable(),
    /** The request ends here: BERHASIL (the officials are assigned) or GAGAL. */
    akhir: z.enum(['BERHASIL', 'GAGAL']).nullable(),
  })).min(1),
});

/**
 * One stage of a WF-3 request, named by the status the request waits in:
 * - PUTUSAN (the first stage only): the PyB approves, which sends the letter out, or refuses with a reason;
 * - PERISTIWA: see above;
 * - TERUSKAN: the PyB passes the other government's approval on to the owner (Lamandau Lamp. II.C.a(4) huruf e);
 * - SK_TIM: Lamandau's owner sets the team by Surat Keputusan Tim Kerja.
 */
export const LintasInstansiStageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PUTUSAN'), status: Status, performer: z.literal('PYB'), approved: Status, rejected: Status, citation: z.string().min(1) }),
  PeristiwaStageSchema,
  z.object({ kind: z.literal('TERUSKAN'), status: Status, performer: z.literal('PYB'), next: Status, citation: z.string().min(1) }),
  z.object({ kind: z.literal('SK_TIM'), status: Status, performer: z.literal('PEMOHON'), next: Status, citation: z.string().min(1) }),
]);
export type LintasInstansiStage = z.infer<typeof LintasInstansiStageSchema>;

/** What the requesting side learns from a step of the receiving side, when both run timkerja. */
export const KabarSchema = z.enum(['INSTRUKSI', 'PENOLAKAN', 'TIDAK_TERSEDIA', 'JAWABAN', 'PENUGASAN']);
export type Kabar = z.infer<typeof KabarSchema>;

/**
 * One stage of a request that arrived from another government served by this deployment (domain-spec
 * §3.3: "the same machine runs mirrored"):
 * - PUTUSAN: our PyB decides; `kabar…` is what the requesting side then learns;
 * - TUNJUK_UNIT: our PyB names the unit whose Penilai answers ("menginstruksikan Pejabat Penilai Kinerja");
 * - JAWAB: that unit's head names the officials assigned, or answers that none is available, with the reason;
 * - TERBITKAN: that unit's head issues the surat penugasan to the officials named.
 */
export const InboundStageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('PUTUSAN'), status: Status, performer: z.literal('PYB'), approved: Status, rejected: Status, citation: z.string().min(1),
    kabarSetuju: KabarSchema.nullable(), kabarTolak: KabarSchema.nullable(),
  }),
  z.object({ kind: z.literal('TUNJUK_UNIT'), status: Status, performer: z.literal('PYB'), next: Status, citation: z.string().min(1), kabar: KabarSchema.nullable() }),
  z.object({
    kind: z.literal('JAWAB'), status: Status, performer: z.literal('PIMPINAN_UO_DITUJU'), tersedia: Status, tidakTersedia: Status, citation: z.string().min(1),
    /** JAWABAN where the unit head's answer goes straight to the requesting side (Lamandau's surat persetujuan); null where our PyB approves it first. */
    kabarTersedia: KabarSchema.nullable(),
    /** Likewise for "none available" (TIDAK_TERSEDIA, with the reason), or null where our PyB answers it. */
    kabarTidakTersedia: KabarSchema.nullable(),
  }),
  z.object({ kind: z.literal('TERBITKAN'), status: Status, performer: z.literal('PIMPINAN_UO_DITUJU'), next: Status, document: z.enum(['SURAT_TUGAS', 'SURAT_PENUGASAN', 'SURAT_PERINTAH']), citation: z.string().min(1) }),
]);
export type InboundStage = z.infer<typeof InboundStageSchema>;

/**
 * WF-3 (domain-spec §3.3): the owner unit's head asks for officials of another government through
 * the instansi's Pejabat yang Berwenang. The other government's steps are events recorded here.
 */
export const LintasInstansiSchema = z.discriminatedUnion('workflow', [
  z.object({
    workflow: z.literal('WF-3'),
    pemohon: z.array(z.enum(['PIMPINAN_UO_PEMILIK', 'KEPALA_PD_PEMILIK'])).min(1),
    /** Who the PyB's letter goes to in the other government. */
    kepadaLuar: z.enum(['PYB_TUJUAN', 'PIMPINAN_UO_TUJUAN']),
    /** The first letter's tembusan: the requester's Penilai here, or the official's Pimpinan UO over there (LMD). */
    tembusan: z.array(z.enum(['PENILAI_PEMOHON', 'PIMPINAN_UO_TUJUAN'])),
    stages: z.array(LintasInstansiStageSchema).min(1),
    /**
     * Where the regulation stops before the request ends (Tulang Bawang Barat after step 3): the
     * request waits in `status` for stages the instansi sets in its own settings.
     */
    batasRegulasi: z.object({ status: Status, citation: z.string().min(1) }).nullable(),
    isian: z.string().min(1),
    citation: z.string().min(1),
    /** When another government served by this deployment asks this one; the regulation may stop early here too. */
    masuk: z.object({ stages: z.array(InboundStageSchema).min(1), batasRegulasi: z.object({ status: Status, citation: z.string().min(1) }).nullable() }),
  }),
  /** The regulation provides no penunjukan across governments (Magelang: one PD or across PDs only). */
  z.object({ workflow: z.literal('TIDAK_ADA'), citation: z.string().min(1) }),
]);
export type LintasInstansiWorkflow = Extract<z.infer<typeof LintasInstansiSchema>, { workflow: 'WF-3' }>;
