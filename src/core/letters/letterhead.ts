import { z } from 'zod';
import type { LetterDocument } from './letterDocument';

// The instansi's letterhead as imported (`kopSurat` of the import file, src/admin/importSchema.ts).
const LetterheadSchema = z.object({
  pemerintah: z.string(), alamat: z.string(), kodePos: z.string().optional(), telepon: z.string().optional(),
  faks: z.string().optional(), laman: z.string().optional(), posEl: z.string().optional(),
});

/** The kop of a letter from the instansi's letterhead and the issuing perangkat daerah or unit. */
export function kopFor(letterheadJson: string, unitName: string): NonNullable<LetterDocument['kop']> {
  const head = LetterheadSchema.parse(JSON.parse(letterheadJson));
  const contact = [head.telepon && `Telp. ${head.telepon}`, head.faks && `Fax. ${head.faks}`].filter(Boolean).join(' ');
  const online = [head.laman && `Laman: ${head.laman}`, head.posEl && `Pos-el: ${head.posEl}`].filter(Boolean).join(' ');
  return {
    pemerintah: head.pemerintah.toUpperCase(),
    unit: unitName.toUpperCase(),
    lines: [`${head.alamat}${head.kodePos ? `, Kode Pos ${head.kodePos}` : ''}`, contact, online].filter((line) => line.length > 0),
  };
}

/** "Samarinda" from "Pemerintah Kota Samarinda": the place a letter is signed in. */
export function placeOf(instansiName: string): string {
  return instansiName.replace(/^Pemerintah\s+(Kota|Kabupaten)\s+/i, '').trim() || instansiName;
}
