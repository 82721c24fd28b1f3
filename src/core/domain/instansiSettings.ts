import { z } from 'zod';
import { HariSchema } from './enums';
import { InboundStageSchema, PeristiwaStageSchema } from '../policy/lintasInstansiSchema';

const Jam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Product choices of one instansi ([SILENT] in the regulations), from the `pengaturan` of its import file. */
export const InstansiSettingsSchema = z.object({
  /** Link a Slack account by its verified profile email. */
  hubungkanViaEmail: z.boolean().default(true),
  /** When the weekly digests go out, in the instansi's zone. */
  ringkasan: z.object({ hari: HariSchema.default('JUMAT'), jam: Jam.default('16:00') }).default({ hari: 'JUMAT', jam: '16:00' }),
  /** Also post each team's digest to its linked group or channel. */
  ringkasanKeGrup: z.boolean().default(false),
  /** Working days an approval step may wait before its approver is reminded (twice that: their superior is told). */
  pengingatPersetujuanHariKerja: z.number().int().min(1).max(20).default(2),
  /** Letter numbering: {urutan} (per year), {unit} (the issuing perangkat daerah's code), {tahun}. */
  nomorSurat: z.string().min(1).default('{urutan}/{unit}/{tahun}'),
  /** "Dasar" of a Surat Tugas; empty means the national rules and the instansi's own regulation. */
  dasarSuratTugas: z.array(z.string().min(1)).default([]),
  /**
   * Menimbang a, b, … of the ketua tim's Rekomendasi (000-SMD formats 4b and 5: the Renstra and the
   * Peta Proses Bisnis); {perangkatDaerah} becomes the name of the team's Perangkat Daerah.
   */
  menimbangRekomendasi: z.array(z.string().min(1)).default([]),
  /** Where letters are signed (the capital of a kabupaten); default: the city's or kabupaten's name. */
  tempatSurat: z.string().min(1).optional(),
  /**
   * WF-3 stages the instansi sets where its regulation stops (Tulang Bawang Barat after step 3):
   * events recorded from the other government's letters, shown as "kebijakan instansi" whatever
   * their citation says. Its own officials' decisions stay the profile's.
   */
  lintasInstansiLanjutan: z.array(PeristiwaStageSchema).default([]),
  /**
   * The same for a request another government sends us (Tulang Bawang Barat after its PyB instructs
   * a Penilai): e.g. that unit's head answers with officials and issues their surat penugasan.
   */
  lintasInstansiMasukLanjutan: z.array(InboundStageSchema).default([]),
});
export type InstansiSettings = z.infer<typeof InstansiSettingsSchema>;

/** The stored settings, with defaults for whatever is missing or unreadable. */
export function readSettings(json: string): InstansiSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json || '{}');
  } catch {
    raw = {};
  }
  const parsed = InstansiSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : InstansiSettingsSchema.parse({});
}
