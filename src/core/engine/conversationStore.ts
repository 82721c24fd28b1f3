import type { Tx } from '../../db/tx';
import type { AnyFlow } from './defineFlow';

export type LoadedConversation =
  | { status: 'none' }
  | { status: 'ended'; reason: 'expired' | 'incompatible' }
  | { status: 'active'; flow: AnyFlow; state: { step: string } };

/**
 * Loads the actor's conversation and parses its state with the flow's schema (style R6).
 * An expired, unknown-flow, other-version or unparsable row is deleted and reported as ended.
 */
export async function loadConversation(tx: Tx, pegawaiId: string, flows: Map<string, AnyFlow>, now: Date): Promise<LoadedConversation> {
  const row = await tx.conversation.findUnique({ where: { pegawaiId } });
  if (!row) return { status: 'none' };
  const flow = flows.get(row.flowId);
  if (row.expiresAt <= now) {
    await tx.conversation.delete({ where: { id: row.id } });
    return { status: 'ended', reason: 'expired' };
  }
  const parsed = flow && flow.version === row.flowVersion ? flow.state.safeParse(safeJson(row.state)) : undefined;
  if (!flow || !parsed?.success || !(parsed.data.step in flow.steps)) {
    await tx.conversation.delete({ where: { id: row.id } });
    return { status: 'ended', reason: 'incompatible' };
  }
  return { status: 'active', flow, state: parsed.data };
}

export async function saveConversation(tx: Tx, pegawaiId: string, flow: AnyFlow, state: { step: string }, expiresAt: Date): Promise<void> {
  const data = { flowId: flow.id, flowVersion: flow.version, step: state.step, state: JSON.stringify(state), expiresAt };
  await tx.conversation.upsert({ where: { pegawaiId }, create: { pegawaiId, ...data }, update: data });
}

export async function endConversation(tx: Tx, pegawaiId: string): Promise<boolean> {
  const { count } = await tx.conversation.deleteMany({ where: { pegawaiId } });
  return count > 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
