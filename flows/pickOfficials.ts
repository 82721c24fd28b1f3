// Officials chosen by typing their numbers on a list ("1, 3"): shared by a unit answering a
// request for a number of its officials (permintaanPegawai) and an inbound request from another
// government (permohonanMasuk).
import type { FlowContext } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';

type Official = { id: string; name: string; nip: string; jabatan: string };

/** The officials the typed numbers pick, at most `max`, each once; null (after saying so) for anything else. */
export function pickOfficials<P extends Official>(ctx: FlowContext, input: string, list: P[], max: number): P[] | null {
  const numbers = input.split(/[\s,;]+/).filter(Boolean).map(Number);
  const valid = numbers.length > 0 && numbers.length <= max && new Set(numbers).size === numbers.length
    && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= list.length);
  if (!valid) {
    ctx.reply(text('umum.nomorPegawaiTidakSah', { jumlah: max }));
    return null;
  }
  return numbers.map((n) => list[n - 1]!);
}

/** The chosen officials as the confirmation lists them. */
export const officialLines = (chosen: Official[]) => chosen.map((p, i) => `${i + 1}. ${p.name}, NIP ${p.nip}, ${p.jabatan}`).join('\n');
