import type { z } from 'zod';
import type { Tx } from '../../db/tx';
import type { CoreMessage, FormField, Text } from '../messages';
import type { CatalogKey } from '../catalog/t';
import type { Actor } from '../auth/resolveActor';
import type { AuditEntry } from '../auth/audit';

/** What a handler decides: move to a named step with new state, end, or stay where it is. */
export type Transition<S> = { next: S } | { end: true } | { stay: true };

export interface CoreSettings {
  conversationTtlMs: number;
  linkCodeTtlMs: number;
  /** The Telegram bot's username, for t.me links in exports; absent without Telegram. */
  telegramBotUsername?: string;
}

/** A chat on some platform; flows pass it along without looking inside (style R3). */
export interface ChatRef {
  platform: string;
  workspace: string;
  chatId: string;
}

/** What read-only domain queries need: the transaction, who asks, and when. */
export type ReadContext = Pick<FlowContext, 'tx' | 'actor' | 'now'>;

/** Everything a flow may touch in one turn. Sends are collected and enqueued in the turn's transaction. */
export interface FlowContext {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly now: Date;
  readonly settings: CoreSettings;
  /** The chat the event came from: the actor's private chat, or a group. */
  readonly chat: { direct: boolean; ref: ChatRef };
  /** Replies in the chat the event came from; returns the outbox id (for later edits). */
  reply(message: CoreMessage): string;
  /** Sends to a pegawai's linked chat; returns the outbox id. */
  notify(pegawaiId: string, message: CoreMessage): string;
  /** Sends to a given chat, e.g. a team's group; returns the outbox id. */
  sendToChat(chat: ChatRef, message: CoreMessage): string;
  audit(entry: Omit<AuditEntry, 'instansiId' | 'actorId' | 'platform' | 'at'>): void;
}

export interface ButtonPress {
  action: string;
  args: Record<string, string>;
}

export interface FileInput {
  /** Opaque to flows: the platform that issued fileId, kept with it. */
  platform: string;
  fileId: string;
  fileName?: string;
  mimeType?: string;
  caption?: string;
}

/** Field name → what is wrong with it; the form stays open and nothing is saved. */
export interface FieldErrors {
  fieldErrors: Record<string, Text>;
}

/**
 * The questions of a step (and those after it) as one form, for platforms that show forms: the
 * conversation asks the same things one by one elsewhere. Submitting answers them all at once.
 */
export interface FormStep<Current, S> {
  id: string;
  /** What the form is about (e.g. which draft): a form opened for another one is refused as stale. */
  subject?(state: Current): string;
  title: Text;
  submitLabel: Text;
  fields(ctx: FlowContext, state: Current): Promise<FormField[]>;
  submit(ctx: FlowContext, state: Current, values: Record<string, string>): Promise<Transition<S> | FieldErrors>;
}

/** Handlers of one step: they see that step's state and may move to any step of the flow. */
export interface StepHandlers<Current, S = Current> {
  text?(ctx: FlowContext, state: Current, text: string): Promise<Transition<S>>;
  button?(ctx: FlowContext, state: Current, press: ButtonPress): Promise<Transition<S>>;
  file?(ctx: FlowContext, state: Current, file: FileInput): Promise<Transition<S>>;
  form?: FormStep<Current, S>;
}

export type StepTable<S extends { step: string }> = { [K in S['step']]: StepHandlers<Extract<S, { step: K }>, S> };

export interface Flow<S extends { step: string } = { step: string }> {
  id: string;
  /** Bump when the state schema changes: stored conversations of another version end politely. */
  version: number;
  command?: string;
  descriptionKey?: CatalogKey;
  /** The command may run in a group chat (default: private chats only, where replies stay private). */
  inGroups?: boolean;
  state: z.ZodType<S>;
  /** Whether /bantuan lists the command for this actor and whether the command may start. */
  availableTo?(ctx: FlowContext): Promise<boolean>;
  /** The rule and its explanation when availableTo says no (default: "not available for your role"). */
  refusal?: { rule: string; key: CatalogKey };
  start?(ctx: FlowContext, args: string): Promise<Transition<S>>;
  steps: StepTable<S>;
  /** Handlers of `action` buttons (e.g. approvals), independent of the presser's conversation. */
  actions?: Record<string, (ctx: FlowContext, args: Record<string, string>) => Promise<Transition<S> | void>>;
}

/** The engine's view of any flow: state checked at run time by the flow's own schema. */
export interface AnyFlow {
  id: string;
  version: number;
  command?: string;
  descriptionKey?: CatalogKey;
  inGroups?: boolean;
  state: z.ZodType<{ step: string }>;
  availableTo?(ctx: FlowContext): Promise<boolean>;
  refusal?: { rule: string; key: CatalogKey };
  start?(ctx: FlowContext, args: string): Promise<Transition<{ step: string }>>;
  steps: Record<string, StepHandlers<{ step: string }>>;
  actions?: Record<string, (ctx: FlowContext, args: Record<string, string>) => Promise<Transition<{ step: string }> | void>>;
}

/** Types a flow by its state schema; the result is registered as an AnyFlow. */
export function defineFlow<S extends { step: string }>(flow: { state: z.ZodType<S> } & NoInfer<Flow<S>>): AnyFlow {
  return flow as unknown as AnyFlow;
}
