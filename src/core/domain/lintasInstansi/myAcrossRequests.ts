import type { FlowContext } from '../../engine/defineFlow';
import { nested, type Param } from '../../catalog/t';
import { formatDate } from '../formatTime';
import { readLintasDetails } from './lintasDetails';
import type { LintasInstansiStage } from '../../policy/lintasInstansiSchema';
import { endedWell, isFinal, stageAt, stagesOf } from './lintasStages';

const SHOWN = 10;

/** Issue 6 item 7 for WF-3: the actor's requests to other governments and where each stands. */
export async function myAcrossRequests(ctx: FlowContext): Promise<Array<{ id: string; number: number; open: boolean; line: Param }>> {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const requests = await ctx.tx.pelibatanLintasInstansi.findMany({
    where: { instansiId: ctx.actor.instansiId, direction: 'KELUAR', requesterId: ctx.actor.id },
    include: { events: { orderBy: { createdAt: 'desc' }, take: 1 } }, orderBy: { number: 'desc' }, take: SHOWN,
  });
  return requests.map((r) => {
    const details = readLintasDetails(r.details);
    const stages = stagesOf(details.profile, instansi.settings);
    const sejak = formatDate(r.events[0]?.createdAt ?? r.createdAt, ctx.actor.timeZone);
    const state = position(stages, r.status, { target: r.targetName, sejak });
    return {
      id: r.id, number: r.number, open: !isFinal(stages, r.status),
      line: nested('lintas.barisPengajuanku', { nomor: r.number, jumlah: details.jumlah, target: r.targetName, tim: details.team, keadaan: state }),
    };
  });
}

/** Where a request stands, in the words of /pengajuanku. */
function position(stages: LintasInstansiStage[], status: string, params: { target: string; sejak: string }): Param {
  const stage = stageAt(stages, status);
  if (status === 'WITHDRAWN') return nested('pengajuanku.ditarik');
  if (stage?.kind === 'SK_TIM') return nested('pengajuanku.menungguSk');
  if (stage) return nested(`lintas.posisi.${stage.kind}`, params);
  if (endedWell(stages, status)) return nested('lintas.posisi.BERHASIL');
  return nested(isFinal(stages, status) ? 'lintas.posisi.BERAKHIR' : 'lintas.posisi.TIDAK_DIATUR');
}
