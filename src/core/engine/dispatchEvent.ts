import { Refused } from '../errors';
import { text } from '../messages';
import { t } from '../catalog/t';
import { resolveToken, spendMessageTokens } from './buttonTokens';
import { endConversation, loadConversation, saveConversation } from './conversationStore';
import type { AnyFlow, Transition } from './defineFlow';
import type { TurnContext } from './turnContext';
import { runGlobalCommand } from './globalCommands';
import { formInstanceId } from './renderForm';

export interface FlowRegistry {
  byId: Map<string, AnyFlow>;
  byCommand: Map<string, AnyFlow>;
}

/** Where the conversation stands after the turn: decides which step the new step-buttons belong to. */
export interface TurnOutcome {
  flowId: string;
  step: string | null;
  /** The conversation's state after the turn, when one is running: a form step renders from it. */
  state?: { step: string };
  /** A flow step handled this turn (not a typo, a stale button or a global command): its form may open. */
  offersForm?: boolean;
}

/** Routes one event of a linked actor to the global commands, a flow's step or a flow's action. */
export async function dispatchEvent(turn: TurnContext, flows: FlowRegistry): Promise<TurnOutcome> {
  const event = turn.event;
  const loaded = await loadConversation(turn.tx, turn.actor.id, flows.byId, turn.now);
  if (loaded.status === 'ended') turn.reply(text('percakapan.kedaluwarsa'));
  const active = loaded.status === 'active' ? loaded : null;
  const idle: TurnOutcome = { flowId: active?.flow.id ?? 'core', step: active?.state.step ?? null, ...(active ? { state: active.state } : {}) };

  switch (event.kind) {
    case 'command': {
      if (await runGlobalCommand(turn, flows, event.command, event.args)) return { flowId: 'core', step: null };
      const flow = flows.byCommand.get(event.command);
      if (!flow?.start) {
        turn.reply(text('umum.perintahTidakDikenal', { command: event.command }));
        return idle;
      }
      // Reports, letters and exports must not land in a group where others read them.
      if (!turn.chat.direct && !flow.inGroups) {
        turn.reply(text('umum.hanyaPribadi', { command: event.command }));
        return idle;
      }
      if (flow.availableTo && !(await flow.availableTo(turn))) {
        throw new Refused(flow.refusal?.rule ?? 'ROLE', flow.refusal?.key ?? 'umum.perintahTidakTersedia', { command: event.command });
      }
      if (active) turn.reply(text('percakapan.digantikan'));
      return applyTransition(turn, flow, await flow.start(turn, event.args.trim()), null);
    }
    case 'text': {
      const handler = active?.flow.steps[active.state.step]?.text;
      if (active && handler) return applyTransition(turn, active.flow, await handler(turn, active.state, event.text), active.state);
      turn.reply(text(active ? 'umum.gunakanTombol' : 'umum.tidakDimengerti'));
      return idle;
    }
    case 'file': {
      const handler = active?.flow.steps[active.state.step]?.file;
      const file = { platform: event.meta.account.platform, fileId: event.fileId, fileName: event.fileName, mimeType: event.mimeType, caption: event.caption };
      if (active && handler) return applyTransition(turn, active.flow, await handler(turn, active.state, file), active.state);
      turn.reply(text('umum.berkasTidakDiharapkan'));
      return idle;
    }
    case 'button':
      return pressButton(turn, flows, active, event.token, idle);
    case 'form':
      return submitForm(turn, active, event.formId, event.values, idle);
    case 'home':
      turn.homeRequested = true;
      return idle;
  }
}

async function submitForm(
  turn: TurnContext, active: { flow: AnyFlow; state: { step: string } } | null, formId: string, values: Record<string, string>, idle: TurnOutcome,
): Promise<TurnOutcome> {
  const form = active?.flow.steps[active.state.step]?.form;
  // The conversation moved on (answered in the chat, cancelled, expired) since the form opened.
  if (!active || !form || formInstanceId(form, active.state) !== formId) {
    turn.reply(text('formulir.kedaluwarsa'));
    return idle;
  }
  const result = await form.submit(turn, active.state, values);
  if ('fieldErrors' in result) {
    turn.fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([name, error]) => [name, t(turn.locale, error.key, error.params)]));
    return applyTransition(turn, active.flow, { stay: true }, active.state);
  }
  return applyTransition(turn, active.flow, result, active.state);
}

async function pressButton(
  turn: TurnContext, flows: FlowRegistry, active: { flow: AnyFlow; state: { step: string } } | null, tokenId: string, idle: TurnOutcome,
): Promise<TurnOutcome> {
  const resolved = await resolveToken(turn.tx, tokenId, turn.actor.id, turn.now);
  if (resolved.status === 'forbidden') throw new Refused('C7', 'tombol.bukanUntukAnda');
  if (resolved.status !== 'ok') return stale(turn, resolved.status === 'used' ? 'tombol.sudahDipakai' : 'tombol.kedaluwarsa', idle);
  const token = resolved.token;
  const press = { action: token.action, args: token.args };
  if (token.kind === 'ACTION') {
    const flow = flows.byId.get(token.flowId);
    const handler = flow?.actions?.[token.action];
    if (!flow || !handler) return stale(turn, 'tombol.kedaluwarsa', idle);
    const transition = await handler(turn, token.args);
    return transition ? applyTransition(turn, flow, transition, null) : idle;
  }
  const handler = active?.flow.steps[active.state.step]?.button;
  if (!active || !handler || active.flow.id !== token.flowId || active.state.step !== token.step) return stale(turn, 'tombol.kedaluwarsa', idle);
  await spendMessageTokens(turn.tx, token.id, token.messageId, turn.now);
  return applyTransition(turn, active.flow, await handler(turn, active.state, press), active.state);
}

// An unknown, expired or spent button gets a polite answer in the chat and on the button itself.
function stale(turn: TurnContext, key: 'tombol.kedaluwarsa' | 'tombol.sudahDipakai', idle: TurnOutcome): TurnOutcome {
  turn.reply(text(key));
  turn.notice = t(turn.locale, key);
  return idle;
}

async function applyTransition(turn: TurnContext, flow: AnyFlow, transition: Transition<{ step: string }>, current: { step: string } | null): Promise<TurnOutcome> {
  const expiresAt = new Date(turn.now.getTime() + turn.settings.conversationTtlMs);
  if ('next' in transition) {
    const state = flow.state.parse(transition.next);
    await saveConversation(turn.tx, turn.actor.id, flow, state, expiresAt);
    return { flowId: flow.id, step: state.step, state, offersForm: true };
  }
  if ('end' in transition) {
    await endConversation(turn.tx, turn.actor.id);
    return { flowId: flow.id, step: null };
  }
  if (current) await saveConversation(turn.tx, turn.actor.id, flow, current, expiresAt);
  return { flowId: flow.id, step: current?.step ?? null, ...(current ? { state: current, offersForm: true } : {}) };
}
