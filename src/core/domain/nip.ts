import { z } from 'zod';

/** NIP: 18 digits (tanggal lahir 8, TMT 6, jenis kelamin 1, nomor urut 3). */
export const NipSchema = z.string().trim().regex(/^\d{18}$/, 'NIP harus terdiri dari 18 digit angka').brand<'Nip'>();
export type Nip = z.infer<typeof NipSchema>;
