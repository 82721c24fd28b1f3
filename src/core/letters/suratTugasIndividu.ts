import type { LetterDocument } from './letterDocument';
import { signatureOf, type LetterPerson, type VoluntaryLetterInput } from './penugasanLetters';

export interface IndividualTaskLetterInput extends Omit<VoluntaryLetterInput, 'team' | 'requestDate'> {
  dasar: string[];
  /** The task as the issuer wrote it (maksud dan tujuan). */
  task: string;
  target: number;
  satuan: string;
  period: string;
  /** Whom the assignee reports to, from the profile (R2): "Kepala Bagian Hukum (Nama)". */
  reportTo: string[];
  place: string;
  date: string;
  /** The profile's document: SURAT TUGAS, SURAT PENUGASAN or SURAT PERINTAH. */
  title: string;
}

/**
 * The letter of an individual assignment (penugasan secara individu, WF-1 with no team): the
 * format-6 frame with the task, its target and period, and the direct reporting line of R2.
 */
export function suratTugasIndividu(input: IndividualTaskLetterInput): LetterDocument {
  const placeDate = [`Ditetapkan di : ${input.place}`, `pada tanggal : ${input.date}`];
  const person = (p: LetterPerson) => `${p.name}, NIP ${p.nip}, ${p.jabatan}`;
  return {
    issuedAt: input.issuedAt, kop: input.kop, title: input.title, nomor: input.nomor,
    body: [
      { kind: 'list', label: 'Dasar', style: 'number', items: input.dasar },
      { kind: 'heading', text: 'MEMERINTAHKAN :' },
      { kind: 'list', label: 'Kepada', style: 'number', items: [person(input.applicant)] },
      {
        kind: 'list', label: 'Untuk', style: 'number', items: [
          `Melaksanakan tugas secara individu pada ${input.ownerUnit}: ${input.task}, dengan target kinerja ${input.target} ${input.satuan}, selama ${input.period};`,
          `Melaporkan pelaksanaan tugas secara langsung kepada ${input.reportTo.join(' dan ')}, secara berkala atau pada saat ditemui permasalahan;`,
          'Melaksanakan tugas ini dengan penuh tanggung jawab.',
        ],
      },
    ],
    signature: signatureOf(input.signer, placeDate),
    tembusan: input.tembusan,
    attachments: [],
  };
}
