import type { FlowContext } from '../../engine/defineFlow';
import { ASSIGNMENT_TITLES, suratTugas } from '../../letters/penugasanLetters';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { issueLetter } from './issueLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';
import { dasarOf } from './voluntaryLetters';

/**
 * Karanganyar Lamp. BAB II.A: a JPT Pratama, Administrator or Pengawas is made ketua tim "dengan
 * surat penugasan" by whoever designates them, with the team table as its lampiran. It goes to
 * the ketua, the designator and the tembusan: the ketua's Penilai and the owner unit's head.
 */
export async function issueKetuaLetter(ctx: FlowContext, tim: { id: string; ownerUnit: { headId: string | null } }, ketuaId: string) {
  const office = await signingOffice(ctx, { onBehalfOf: null });
  const ketua = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ketuaId } });
  const team = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: tim.id },
    include: { ownerUnit: { include: { perangkatDaerah: true } }, targets: { orderBy: { createdAt: 'asc' } }, memberships: { where: { status: 'ACTIVE', role: 'ANGGOTA' }, include: { pegawai: true } } },
  });
  const copies = await tembusanOf(ctx.tx, [ketua.penilaiId, tim.ownerUnit.headId], [ctx.actor.id, ketua.id]);
  const zone = ctx.actor.timeZone;
  const date = formatDate(ctx.now, zone);
  return issueLetter(ctx, {
    kind: 'SURAT_PENUGASAN', penugasanId: null, unitCode: office.unitCode, sendTo: [ketua.id, ctx.actor.id, ...copies.map((p) => p.id)], readers: [],
    build: (nomor) => suratTugas({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, instansiName: office.instansi.name, applicant: ketua,
      requestDate: date, team: team.name, ownerUnit: `${team.ownerUnit.name}, ${team.ownerUnit.perangkatDaerah.name}`, signer: office.signature,
      tembusan: copies.map(addressLine), dasar: dasarOf(office.settings.dasarSuratTugas, getPolicyProfile(office.instansi.policyProfile).regulation),
      ketua: ketua.name, members: team.memberships.map((m) => m.pegawai.name), targets: team.targets,
      period: `${date} s.d. ${formatDate(team.endsOn, zone)}`, place: office.place, date, title: ASSIGNMENT_TITLES.SURAT_PENUGASAN, peran: 'KETUA',
    }),
  });
}
