import { z } from 'zod';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, t } from '../../catalog/t';
import { choice, label, text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';
import { startOfZonedDay } from '../zonedTime';
import { feedbackButtons } from './submitProgressReport';

export const REQUESTED_FLOW_ID = 'laporan-diminta';

export const RequestedContentSchema = z.object({ requesterId: z.string(), topik: z.string(), jawaban: z.string().nullable() });

/** R4: the teams whose work the actor owns as unit head (LMD: also as Kepala PD), per profile. */
export async function teamsActorMayAsk(ctx: FlowContext) {
  const rule = getPolicyProfile(ctx.actor.policyProfile).laporanDiminta;
  const owns = [
    ...(rule.requesters.includes('PIMPINAN_UO_PEMILIK') ? [{ ownerUnit: { headId: ctx.actor.id } }] : []),
    ...(rule.requesters.includes('KEPALA_PD_PEMILIK') ? [{ ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }] : []),
  ];
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, OR: owns },
    include: { memberships: { where: { status: 'ACTIVE' }, include: { pegawai: true }, orderBy: [{ role: 'desc' }, { pegawai: { name: 'asc' } }] } },
    orderBy: { name: 'asc' },
  });
}

/** Who of a team may be asked: the ketua, and members where the profile allows (MGL Ps 16(3): ketua only). */
export async function askableMembers(ctx: FlowContext, timId: string) {
  const tim = (await teamsActorMayAsk(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('R4', 'diminta.bukanPemilik');
  const allowed = getPolicyProfile(ctx.actor.policyProfile).laporanDiminta.addressees;
  return { tim, members: tim.memberships.filter((m) => allowed.includes(m.role as 'KETUA' | 'ANGGOTA')) };
}

/** Deadlines offered as buttons: later today at 16:00, tomorrow 09:00 and 16:00 (instansi zone). */
export function deadlineOptions(now: Date, timeZone: string): Array<{ key: 'diminta.batasHariIni' | 'diminta.batasBesokPagi' | 'diminta.batasBesokSore'; at: Date }> {
  const today = startOfZonedDay(now, timeZone).getTime();
  const hour = 3_600_000;
  const options = [
    { key: 'diminta.batasHariIni' as const, at: new Date(today + 16 * hour) },
    { key: 'diminta.batasBesokPagi' as const, at: new Date(today + 33 * hour) },
    { key: 'diminta.batasBesokSore' as const, at: new Date(today + 40 * hour) },
  ];
  return options.filter((option) => option.at > now);
}

/** R4 / WF-7 T4: records the request and asks the addressee, who answers with the button. */
export async function requestReport(ctx: FlowContext, input: { timId: string; addresseeId: string; dueAt: Date; topik: string }) {
  const { tim, members } = await askableMembers(ctx, input.timId);
  const addressee = members.find((m) => m.pegawaiId === input.addresseeId);
  if (!addressee) throw new Refused('R4', 'diminta.bukanPemilik');
  const laporan = await ctx.tx.laporan.create({
    data: {
      instansiId: ctx.actor.instansiId, kind: 'DIMINTA', authorId: addressee.pegawaiId, timId: tim.id, status: 'REQUESTED', dueAt: input.dueAt,
      content: JSON.stringify({ requesterId: ctx.actor.id, topik: input.topik, jawaban: null }),
      addressees: { create: [{ pegawaiId: ctx.actor.id, capacity: 'PEMINTA' }] },
    },
  });
  const batas = formatDateTime(input.dueAt, ctx.actor.timeZone);
  ctx.notify(addressee.pegawaiId, choice('diminta.masuk', [[{
    label: label('diminta.jawab'), action: 'jawab', args: { laporanId: laporan.id }, scope: 'action', flowId: REQUESTED_FLOW_ID, allowed: [addressee.pegawaiId], style: 'primary',
  }]], { peminta: ctx.actor.name, tim: tim.name, topik: input.topik, batas, citation: getPolicyProfile(ctx.actor.policyProfile).laporanDiminta.citation }));
  ctx.audit({ action: 'laporan.minta', outcome: 'OK', rule: 'R4', subject: `laporan:${laporan.id}`, details: { dueAt: input.dueAt.toISOString() } });
  ctx.reply(text('diminta.terkirim', { nama: addressee.pegawai.name, batas }));
  return laporan;
}

/** The open request the actor must answer. */
export async function openRequest(ctx: FlowContext, laporanId: string) {
  const laporan = await ctx.tx.laporan.findFirst({ where: { id: laporanId, authorId: ctx.actor.id, kind: 'DIMINTA' }, include: { tim: true } });
  if (!laporan) throw new Refused('R4', 'laporan.bukanAnggota');
  return { laporan, content: RequestedContentSchema.parse(JSON.parse(laporan.content)) };
}

/** The answer goes to whoever asked, marked late after the deadline, with the feedback buttons. */
export async function answerRequest(ctx: FlowContext, laporanId: string, jawaban: string): Promise<void> {
  const { laporan, content } = await openRequest(ctx, laporanId);
  if (laporan.status !== 'REQUESTED') {
    ctx.reply(text('diminta.sudahDijawab'));
    return;
  }
  const late = !!laporan.dueAt && ctx.now > laporan.dueAt;
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { status: 'SUBMITTED', submittedAt: ctx.now, late, content: JSON.stringify({ ...content, jawaban }) } });
  const status = late ? nested('laporan.statusTerlambat') : '';
  const messageId = ctx.notify(content.requesterId, choice('diminta.jawabanMasuk', feedbackButtons(laporanId, 0), {
    nama: ctx.actor.name, tim: laporan.tim?.name ?? '-', topik: content.topik, jawaban, status,
  }));
  await ctx.tx.laporan.update({ where: { id: laporanId }, data: { messageIds: JSON.stringify([messageId]) } });
  ctx.audit({ action: 'laporan.jawabPermintaan', outcome: 'OK', rule: 'R4', subject: `laporan:${laporanId}`, details: { late } });
  ctx.reply(text('diminta.jawabanTerkirim', { terlambat: late ? t(ctx.actor.locale, 'laporan.terlambat', { batas: formatDateTime(laporan.dueAt!, ctx.actor.timeZone) }) : '' }));
}
