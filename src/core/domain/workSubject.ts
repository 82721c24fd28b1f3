import { nested, type Param } from '../catalog/t';
import { individualTaskName } from './penunjukan/individualTaskName';

/** How texts name a team's work: "tim {tim}" (which reads "Tim Satu Data" for such names). */
export const teamSubject = (name: string): Param => nested('laporan.subjekTim', { tim: name });

/** How texts name an individual task: "tugas individu: {tugas}". */
export const taskSubject = (details: string): Param => nested('individu.judul', { tugas: individualTaskName(details) });

/** What a report or result is about: its team, or else its individual task. */
export function workSubject(of: { tim: { name: string } | null; penugasan: { details: string } | null }): Param {
  return of.tim ? teamSubject(of.tim.name) : of.penugasan ? taskSubject(of.penugasan.details) : '-';
}
