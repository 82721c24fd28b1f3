import { z } from 'zod';

/** A stored WF-3 request (PelibatanLintasInstansi) as the domain reads it. */
export interface LintasRequest {
  id: string;
  instansiId: string;
  number: number;
  direction: string;
  status: string;
  requesterId: string | null;
  timId: string | null;
  targetName: string;
  targetInstansiId: string | null;
  counterpartId: string | null;
  details: string;
  createdAt: Date;
}

const OfficialSchema = z.object({ name: z.string().min(1), nip: z.string().min(1), jabatan: z.string().min(1), unit: z.string().min(1) });
export type ExternalOfficial = z.infer<typeof OfficialSchema>;

/** What a WF-3 request records besides its columns: the §5.7 items, the number asked for, and the letters so far. */
export const LintasInstansiDetailsSchema = z.object({
  profile: z.string(),
  team: z.string(),
  ownerUnit: z.string(),
  ownInstansi: z.string(),
  maksudTujuan: z.string().min(1),
  kompetensi: z.string().min(1),
  ekspektasi: z.string().min(1),
  jumlah: z.number().int().min(1),
  /** The last day, TTTT-BB-HH: the durasi pelibatan. */
  selesai: z.string(),
  /** The requester's letter to the PyB (T1) and the PyB's letter out (T2). */
  suratPermohonan: z.object({ nomor: z.string(), tanggal: z.string() }).optional(),
  suratKeluar: z.object({ nomor: z.string(), tanggal: z.string() }).optional(),
  /** The officials the other government named in its answer. */
  daftar: z.array(OfficialSchema).optional(),
});
export type LintasInstansiDetails = z.infer<typeof LintasInstansiDetailsSchema>;

export const readLintasDetails = (json: string): LintasInstansiDetails => LintasInstansiDetailsSchema.parse(JSON.parse(json));

/** A recorded event's note: the reason given, or the officials named. */
export const EventNoteSchema = z.object({ alasan: z.string().optional(), daftar: z.array(OfficialSchema).optional() });
export type EventNote = z.infer<typeof EventNoteSchema>;

/** What a request that arrived from another government records: its content as that government sent it, and our answer so far. */
export const InboundDetailsSchema = z.object({
  /** Our profile: the stages this instansi runs for a request it receives. */
  profile: z.string(),
  team: z.string(),
  ownerUnit: z.string(),
  requester: z.object({ name: z.string(), jabatan: z.string() }),
  maksudTujuan: z.string(),
  kompetensi: z.string(),
  ekspektasi: z.string(),
  jumlah: z.number().int().min(1),
  selesai: z.string(),
  /** The letter that brought the request (the other PyB's). */
  suratMasuk: z.object({ nomor: z.string(), tanggal: z.string() }),
  /** The unit our PyB instructed, and the officials its head named. */
  unitId: z.string().optional(),
  pegawaiIds: z.array(z.string()).optional(),
  daftar: z.array(OfficialSchema).optional(),
  alasan: z.string().optional(),
});
export type InboundDetails = z.infer<typeof InboundDetailsSchema>;

export const readInboundDetails = (json: string): InboundDetails => InboundDetailsSchema.parse(JSON.parse(json));
