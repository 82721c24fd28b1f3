import type { FlowContext } from '../../engine/defineFlow';
import type { Lingkup } from '../enums';
import type { InvolvementDetails } from './involvementWorkflow';

export interface StoredStep {
  performer: string;
  kind: string;
  assigneeId: string;
  citation: string;
  /** Set for a step already decided when the request is stored: a unit head's nomination. */
  decided?: { byId: string; onBehalfOf: string | null };
}

/**
 * Stores a WF-2 request for one official with its chain: the decided steps first, the next one
 * pending (from now), the rest waiting. Returns it with its steps in order.
 */
export async function storeInvolvement(ctx: FlowContext, input: {
  tim: { id: string; ownerUnitId: string }; pegawaiId: string; assignerId: string; scope: Lingkup; status: string; endsOn: Date;
  details: InvolvementDetails; steps: StoredStep[]; permintaanId?: string;
}) {
  const { tx, actor } = ctx;
  const open = input.steps.findIndex((step) => !step.decided);
  const last = await tx.penugasan.findFirst({ where: { instansiId: actor.instansiId }, orderBy: { number: 'desc' } });
  return tx.penugasan.create({
    data: {
      instansiId: actor.instansiId, number: (last?.number ?? 0) + 1, workflow: 'WF-2', mode: 'PENUNJUKAN', scope: input.scope, status: input.status,
      pegawaiId: input.pegawaiId, assignerId: input.assignerId, timId: input.tim.id, ownerUnitId: input.tim.ownerUnitId,
      role: 'ANGGOTA', endsOn: input.endsOn, details: JSON.stringify(input.details), permintaanId: input.permintaanId ?? null, createdAt: ctx.now,
      steps: {
        create: input.steps.map((step, position) => ({
          position, kind: step.kind, performer: step.performer, assigneeId: step.assigneeId, citation: step.citation,
          status: step.decided ? 'APPROVED' : position === open ? 'PENDING' : 'WAITING',
          pendingSince: step.decided || position === open ? ctx.now : null,
          ...(step.decided ? { decidedById: step.decided.byId, onBehalfOf: step.decided.onBehalfOf, decidedAt: ctx.now } : {}),
        })),
      },
    },
    include: { steps: { orderBy: { position: 'asc' } } },
  });
}
