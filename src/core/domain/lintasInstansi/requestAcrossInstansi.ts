import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { joinParams, nested, type Param } from '../../catalog/t';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { issueLintasRequestLetter } from '../surat/acrossInstansiLetters';
import { lintasTeam } from './lintasChoices';
import type { LintasInstansiDetails } from './lintasDetails';
import { lintasWorkflow } from './lintasStages';
import { pybHolders, pybRecipients } from './pejabatBerwenang';
import { notifyPyb } from './pybCard';

export interface LintasInstansiInput {
  timId: string;
  /** The other government as the letters name it, and its id when this deployment serves it. */
  target: { name: string; instansiId?: string };
  jumlah: number;
  maksudTujuan: string;
  kompetensi: string;
  ekspektasi: string;
  /** The last day, TTTT-BB-HH. */
  selesai: string;
}

const REQUIRED = ['maksudTujuan', 'kompetensi', 'ekspektasi', 'selesai'] as const;
export const MAX_JUMLAH = 20;

/**
 * WF-3 T1: the owner unit's head asks for officials of another government. The request goes to the
 * own Pejabat yang Berwenang "terlebih dahulu" (AC-22): nothing is sent out before the PyB agrees.
 */
export async function requestAcrossInstansi(ctx: FlowContext, input: LintasInstansiInput) {
  const { tx, actor } = ctx;
  const profile = getPolicyProfile(actor.policyProfile);
  const workflow = lintasWorkflow(profile);
  const missing = REQUIRED.filter((item) => !input[item]?.trim());
  if (missing.length > 0) {
    const isian = joinParams(missing.map((m): Param => nested(`pelibatan.isian.${m}`)), 'pelibatan.isianGabung');
    throw new Refused('WF-3', 'pelibatan.isianKurang', { isian, citation: workflow.isian });
  }
  if (!Number.isInteger(input.jumlah) || input.jumlah < 1 || input.jumlah > MAX_JUMLAH) throw new Refused('WF-3', 'lintas.jumlahTidakValid', { maks: MAX_JUMLAH });
  const tim = await lintasTeam(ctx, input.timId);
  const endsOn = zonedMidnight(input.selesai, actor.timeZone);
  if (!(endsOn > ctx.now && endsOn <= tim.endsOn)) throw new Refused('C2', 'penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, actor.timeZone) });
  if (input.target.instansiId === actor.instansiId) throw new Refused('WF-3', 'lintas.instansiSendiri');
  const target = input.target.instansiId ? await tx.instansi.findUnique({ where: { id: input.target.instansiId } }) : null;
  if (input.target.instansiId && !target) throw new Refused('WF-3', 'lintas.instansiTidakDikenal');
  if ((await pybHolders(tx, actor.instansiId)).length === 0) throw new Refused('DATA', 'lintas.tanpaPyb');
  // A PyB asking for their own unit's team needs another PyB, or a Plh, to decide (C7).
  if ((await pybRecipients(tx, actor.instansiId, ctx.now, [actor.id])).length === 0) throw new Refused('C7', 'lintas.pybPemohon');

  const own = await tx.instansi.findUniqueOrThrow({ where: { id: actor.instansiId } });
  const first = workflow.stages[0]!;
  const details: LintasInstansiDetails = {
    profile: profile.id, team: tim.name, ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`, ownInstansi: own.name,
    maksudTujuan: input.maksudTujuan.trim(), kompetensi: input.kompetensi.trim(), ekspektasi: input.ekspektasi.trim(), jumlah: input.jumlah, selesai: input.selesai,
  };
  const last = await tx.pelibatanLintasInstansi.findFirst({ where: { instansiId: actor.instansiId }, orderBy: { number: 'desc' } });
  const request = await tx.pelibatanLintasInstansi.create({
    data: {
      instansiId: actor.instansiId, number: (last?.number ?? 0) + 1, direction: 'KELUAR', status: first.status, requesterId: actor.id, timId: tim.id,
      targetName: target?.name ?? input.target.name.trim(), targetInstansiId: target?.id ?? null, details: JSON.stringify(details), createdAt: ctx.now,
    },
  });
  const surat = await issueLintasRequestLetter(ctx, request, workflow);
  const withLetter = { ...details, suratPermohonan: { nomor: surat.nomor, tanggal: formatDate(ctx.now, actor.timeZone) } };
  await tx.pelibatanLintasInstansi.update({ where: { id: request.id }, data: { details: JSON.stringify(withLetter) } });
  await tx.peristiwaLintasInstansi.create({
    data: { pelibatanId: request.id, kind: 'DIAJUKAN', statusTo: first.status, actorId: actor.id, suratId: surat.id, createdAt: ctx.now },
  });
  await notifyPyb(ctx, { ...request, details: JSON.stringify(withLetter) });
  ctx.audit({ action: 'lintas.ajukan', outcome: 'OK', subject: `lintas:${request.id}`, rule: first.citation, details: { nomor: request.number, target: request.targetName, jumlah: input.jumlah } });
  return request;
}
