import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/tx';
import type { CoreEvent } from '../events';
import type { CoreMessage } from '../messages';
import type { Actor } from '../auth/resolveActor';
import type { AuditEntry } from '../auth/audit';
import type { PendingSend } from '../outbox/enqueue';
import type { ChatRef, CoreSettings, FlowContext } from './defineFlow';
import type { Platform } from '../events';

/** Collects one turn's sends and audit rows; the engine writes them in the turn's transaction. */
export class TurnContext implements FlowContext {
  readonly sends: PendingSend[] = [];
  readonly audits: AuditEntry[] = [];
  /** Short text for the platform's button acknowledgement, when the press did not go through. */
  notice: string | undefined;
  /** A submitted form's problems per field, in the actor's language (the form stays open). */
  fieldErrors: Record<string, string> | undefined;
  /** The actor opened their home view: it is rendered afresh even if nothing was sent. */
  homeRequested = false;
  private sequence = 0;

  constructor(
    readonly tx: Tx,
    readonly event: CoreEvent,
    readonly now: Date,
    readonly settings: CoreSettings,
    private currentActor: Actor | null,
  ) {}

  get actor(): Actor {
    if (!this.currentActor) throw new Error('no linked actor in this turn');
    return this.currentActor;
  }

  /** The account was linked during this turn (by its verified email): the rest of the turn acts as them. */
  adopt(actor: Actor): void {
    this.currentActor = actor;
  }

  get hasActor(): boolean {
    return this.currentActor !== null;
  }

  get locale(): string {
    return this.currentActor?.locale ?? 'id';
  }

  get chat(): { direct: boolean; ref: ChatRef } {
    const { platform, workspace, chatId, direct } = this.event.meta.account;
    return { direct, ref: { platform, workspace, chatId } };
  }

  /** Replies where the event came from; its step buttons are for the actor alone, even in a group. */
  reply(message: CoreMessage): string {
    const { platform, workspace, chatId } = this.event.meta.account;
    return this.push({ kind: 'address', platform, address: { workspace, chatId }, locale: this.locale, pegawaiId: this.currentActor?.id }, message);
  }

  sendToChat(chat: ChatRef, message: CoreMessage): string {
    return this.push({ kind: 'address', platform: chat.platform as Platform, address: { workspace: chat.workspace, chatId: chat.chatId }, locale: 'id' }, message);
  }

  notify(pegawaiId: string, message: CoreMessage): string {
    return this.push({ kind: 'pegawai', pegawaiId }, message);
  }

  audit(entry: Omit<AuditEntry, 'instansiId' | 'actorId' | 'platform' | 'at'>): void {
    this.audits.push({
      ...entry, at: this.now, instansiId: this.currentActor?.instansiId ?? null,
      actorId: this.currentActor?.id ?? null, platform: this.event.meta.account.platform,
    });
  }

  rawAudit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  private push(to: PendingSend['to'], message: CoreMessage): string {
    const id = randomUUID();
    // Deterministic per event: the same inbound event can never enqueue a message twice.
    this.sends.push({ id, idempotencyKey: `${this.event.meta.eventKey}#${this.sequence++}`, to, message });
    return id;
  }
}
