import type { FlowContext } from '../../engine/defineFlow';
import { kopFor, placeOf } from '../../letters/letterhead';
import { suratPenolakan, suratPersetujuan, suratTugas, type VoluntaryLetterInput } from '../../letters/penugasanLetters';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { readSettings } from '../instansiSettings';
import type { LoadedRequest } from '../pengajuan/loadRequest';
import { issueLetter } from './issueLetter';
import type { ApproverCapacity } from '../../auth/requireApprover';

const NATIONAL_DASAR = [
  'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi',
];

/** What every letter of one voluntary request shares: kop of the signer's perangkat daerah, people, team. */
async function common(ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity) {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const signer = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ctx.actor.id }, include: { homeUnit: { include: { perangkatDaerah: true } } } });
  const applicant = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId }, include: { homeUnit: true } });
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: request.timId! },
    include: { ownerUnit: { include: { perangkatDaerah: true } }, targets: { orderBy: { createdAt: 'asc' } }, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: true } } },
  });
  const zone = ctx.actor.timeZone;
  const place = placeOf(instansi.name);
  // Tembusan: the applicant's own Penilai and own unit head, who must know where their staff works.
  const copies = await ctx.tx.pegawai.findMany({ where: { id: { in: [applicant.penilaiId, applicant.homeUnit.headId].filter((id): id is string => !!id && id !== ctx.actor.id) } } });
  const requested = request.steps[0]?.pendingSince ?? request.createdAt;
  const principal = capacity.onBehalfOf ? await ctx.tx.pegawai.findUnique({ where: { id: capacity.onBehalfOf.id } }) : null;
  const input: VoluntaryLetterInput = {
    kop: kopFor(instansi.letterhead, signer.homeUnit.perangkatDaerah.name), issuedAt: ctx.now, nomor: '',
    tempatTanggal: `${place}, ${formatDate(ctx.now, zone)}`, regulation: getPolicyProfile(instansi.policyProfile).regulation, instansiName: instansi.name,
    applicant, requestDate: formatDate(requested, zone), team: tim.name, ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
    // A delegate (Plh/Plt) signs "a.n." the official whose step it was (C6).
    signer: { ...signer, ...(principal ? { atasNama: `a.n. ${principal.jabatan.toUpperCase()}` } : {}) }, tembusan: copies.map((p) => `${p.jabatan} (${p.name})`),
  };
  return { instansi, tim, input, place, copies, unitCode: signer.homeUnit.perangkatDaerah.code };
}

/** WF-4/5 approved: the persetujuan (format 3) and the Surat Tugas with its lampiran (format 6). */
export async function issueApprovalLetters(ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity): Promise<void> {
  const { instansi, tim, input, place, copies, unitCode } = await common(ctx, request, capacity);
  const sendTo = [request.pegawaiId, ctx.actor.id, ...copies.map((p) => p.id)];
  const ketua = tim.memberships.filter((m) => m.role === 'KETUA');
  const readers = ketua.map((m) => m.pegawaiId);
  await issueLetter(ctx, { kind: 'PERSETUJUAN', penugasanId: request.id, unitCode, sendTo, readers, build: (nomor) => suratPersetujuan({ ...input, nomor }) });
  const settings = readSettings(instansi.settings);
  const zone = ctx.actor.timeZone;
  await issueLetter(ctx, {
    kind: 'SURAT_TUGAS', penugasanId: request.id, unitCode, sendTo, readers,
    build: (nomor) => suratTugas({
      ...input, nomor, place, date: formatDate(ctx.now, zone),
      dasar: settings.dasarSuratTugas.length > 0 ? settings.dasarSuratTugas : [...NATIONAL_DASAR, input.regulation],
      ketua: ketua.map((m) => m.pegawai.name).join(', ') || '-',
      members: [...tim.memberships.filter((m) => m.role === 'ANGGOTA').map((m) => m.pegawai.name), input.applicant.name],
      targets: tim.targets, period: `${formatDate(tim.startsOn, zone)} s.d. ${formatDate(tim.endsOn, zone)}`,
    }),
  });
}

/** WF-4/5 refused: the letter (format 4) carries the reason the approver gave. */
export async function issueRefusalLetter(ctx: FlowContext, request: LoadedRequest, reason: string, capacity: ApproverCapacity): Promise<void> {
  const { input, copies, unitCode } = await common(ctx, request, capacity);
  await issueLetter(ctx, {
    kind: 'PENOLAKAN', penugasanId: request.id, unitCode, sendTo: [request.pegawaiId, ctx.actor.id, ...copies.map((p) => p.id)], readers: [],
    build: (nomor) => suratPenolakan({ ...input, nomor, reason }),
  });
}
