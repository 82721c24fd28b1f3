import type { Db } from '../../db/createDb';
import type { Tx } from '../../db/tx';
import { sqliteCode, storageFailure, type StorageFailure } from '../../db/storageFailure';
import { serializeTurnsOf } from '../../db/turnLock';
import { CoreEventSchema, type CoreEvent } from '../events';
import { Refused } from '../errors';
import { t, type CatalogKey } from '../catalog/t';
import { text, type RenderedForm } from '../messages';
import type { Clock, Logger, MessengerPort } from '../ports';
import { appendAudit } from '../auth/audit';
import { resolveActor, type Actor } from '../auth/resolveActor';
import { ACTION_TOKEN_TTL_MS, enqueueSends, TURN_PRIORITY } from '../outbox/enqueue';
import type { CoreSettings } from './defineFlow';
import { dispatchEvent, type FlowRegistry, type TurnOutcome } from './dispatchEvent';
import { handleUnlinked } from './handleUnlinked';
import { linkByEmail } from '../auth/linkByEmail';
import { refreshHomes } from '../outbox/refreshHomes';
import { renderForm } from './renderForm';
import { TurnContext } from './turnContext';

export interface EngineDeps {
  db: Db;
  registry: FlowRegistry;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  /** Platforms whose messenger draws a per-user home view (Slack App Home). */
  homePlatforms: string[];
  /** For the one reply that cannot wait for the outbox: the database refused the turn and its reply. */
  messengers?: ReadonlyMap<string, MessengerPort>;
}

export interface TurnResult {
  status: 'processed' | 'duplicate' | 'refused' | 'invalid' | 'error';
  /** Short text for the platform's button acknowledgement (Telegram answerCallbackQuery). */
  notice?: string;
  /** The step the turn ended in offers a form and the event said the platform can open one now. */
  form?: RenderedForm;
  /** A submitted form was not accepted: what is wrong, per field, in the actor's language. */
  fieldErrors?: Record<string, string>;
}

/**
 * One inbound turn (style R7): dedupe, identity, flow step, conversation state, outbox and audit
 * commit in one transaction; nothing is sent from inside it. A refusal rolls the turn back and is
 * answered and audited in a fresh transaction (R8).
 */
export async function handleEvent(deps: EngineDeps, raw: unknown): Promise<TurnResult> {
  const parsed = CoreEventSchema.safeParse(raw);
  if (!parsed.success) {
    deps.logger.debug({ code: 'EVENT_INVALID', issues: parsed.error.issues.length }, 'event skipped');
    return { status: 'invalid' };
  }
  const event = parsed.data;
  const now = deps.clock.now();
  let actor: Actor | null = null;
  try {
    return await retryOnNumberConflict(() => deps.db.$transaction(async (tx) => {
      const { platform, workspace, accountId } = event.meta.account;
      await serializeTurnsOf(deps.db, tx, `${platform}:${workspace}:${accountId}`);
      if (!(await recordInbound(tx, event.meta.eventKey, now))) return { status: 'duplicate' as const };
      actor = await resolveActor(tx, event.meta.account);
      const turn = new TurnContext(tx, event, now, deps.settings, actor);
      actor ??= await linkByEmail(turn);
      const outcome = actor ? await dispatchEvent(turn, deps.registry) : await handleUnlinked(turn);
      const form = event.meta.forms && actor && outcome.offersForm ? await renderForm(turn, deps.registry, outcome) : undefined;
      // A form sent back with errors changed nothing: the corrected (or the same) submission is new.
      if (turn.fieldErrors) await tx.inboundEvent.delete({ where: { eventKey: event.meta.eventKey } });
      await commitTurn(tx, turn, outcome, deps, now);
      return {
        status: 'processed' as const, notice: turn.notice,
        ...(form ? { form } : {}), ...(turn.fieldErrors ? { fieldErrors: turn.fieldErrors } : {}),
      };
    }));
  } catch (error) {
    if (error instanceof Refused) return await refuse(deps, event, actor, now, error);
    if (isDuplicateEvent(error)) return { status: 'duplicate' };
    const failure = storageFailure(error);
    deps.logger.error({
      eventKey: event.meta.eventKey, kind: event.kind, code: failure ?? (error as { code?: string }).code ?? (error as Error).name,
      ...(failure ? { sqliteCode: sqliteCode(error), hint: STORAGE_HINTS[failure] } : {}),
    }, 'turn failed');
    return await replyWithError(deps, event, actor, now, failure);
  }
}

// For whoever reads the log: what to do about it.
const STORAGE_HINTS: Record<StorageFailure, string> = {
  DATABASE_BUSY: 'another process held the database write lock longer than the bot waits; nothing of this message was saved',
  STORAGE_FULL: 'the disk holding DATABASE_PATH is full: free space there; nothing of this message was saved',
  STORAGE_IO: 'reading or writing DATABASE_PATH failed (a disk error, or a file size limit); nothing of this message was saved',
};

const ERROR_REPLY: Record<StorageFailure | 'OTHER', CatalogKey> = {
  DATABASE_BUSY: 'umum.sistemSibuk', STORAGE_FULL: 'umum.penyimpananPenuh', STORAGE_IO: 'umum.terjadiKesalahan', OTHER: 'umum.terjadiKesalahan',
};

async function recordInbound(tx: Tx, eventKey: string, now: Date): Promise<boolean> {
  if (await tx.inboundEvent.findUnique({ where: { eventKey } })) return false;
  await tx.inboundEvent.create({ data: { eventKey, receivedAt: now } });
  return true;
}

async function commitTurn(tx: Tx, turn: TurnContext, outcome: TurnOutcome, deps: EngineDeps, now: Date): Promise<void> {
  await enqueueSends(tx, turn.sends, {
    flowId: outcome.flowId, step: outcome.step, stepTtlMs: deps.settings.conversationTtlMs, actionTtlMs: ACTION_TOKEN_TTL_MS,
  }, now, TURN_PRIORITY);
  await appendAudit(tx, turn.audits);
  // Whoever got a message, and whoever opened their home view, sees it current (Slack App Home).
  const people = new Set(turn.sends.flatMap((send) => (send.to.pegawaiId ? [send.to.pegawaiId] : [])));
  if (turn.homeRequested && turn.hasActor) people.add(turn.actor.id);
  await refreshHomes(tx, [...people], turn.event.meta.eventKey, now, deps.homePlatforms);
}

async function refuse(deps: EngineDeps, event: CoreEvent, actor: Actor | null, now: Date, refusal: Refused): Promise<TurnResult> {
  await deps.db.$transaction(async (tx) => {
    if (!(await recordInbound(tx, event.meta.eventKey, now))) return;
    const turn = new TurnContext(tx, event, now, deps.settings, actor);
    turn.reply(text(refusal.catalogKey, refusal.params));
    turn.rawAudit({
      instansiId: actor?.instansiId ?? null, at: now, actorId: actor?.id ?? null, platform: event.meta.account.platform,
      action: describeAttempt(event), rule: refusal.rule, outcome: 'REFUSED', details: { catalogKey: refusal.catalogKey },
    });
    await commitTurn(tx, turn, { flowId: 'core', step: null }, deps, now);
  });
  return { status: 'refused', notice: t(actor?.locale ?? 'id', refusal.catalogKey, refusal.params) };
}

// The inbound event is not recorded, so a platform retry may succeed; the reply key is stable.
// When the storage refused the turn, the reply goes to the platform directly: a locked database
// would make it wait as long again, and on a full disk it may fit in the outbox and then wait
// there, since the outbox cannot claim rows without writing either.
async function replyWithError(deps: EngineDeps, event: CoreEvent, actor: Actor | null, now: Date, failure: StorageFailure | null): Promise<TurnResult> {
  const key = ERROR_REPLY[failure ?? 'OTHER'];
  const queued = failure === null && await queueErrorReply(deps, event, actor, now, key);
  if (!queued) await sendErrorReplyDirectly(deps, event, actor?.locale ?? 'id', key);
  return { status: 'error', notice: t(actor?.locale ?? 'id', key) };
}

async function queueErrorReply(deps: EngineDeps, event: CoreEvent, actor: Actor | null, now: Date, key: CatalogKey): Promise<boolean> {
  try {
    await deps.db.$transaction(async (tx) => {
      const turn = new TurnContext(tx, { ...event, meta: { ...event.meta, eventKey: `${event.meta.eventKey}:error` } }, now, deps.settings, actor);
      turn.reply(text(key));
      await commitTurn(tx, turn, { flowId: 'core', step: null }, deps, now);
    });
    return true;
  } catch (error) {
    deps.logger.error({ eventKey: event.meta.eventKey, code: storageFailure(error) ?? (error as Error).name }, 'error reply failed');
    return false;
  }
}

// Outside the outbox: nothing is recorded, and a crash now loses only this notice.
async function sendErrorReplyDirectly(deps: EngineDeps, event: CoreEvent, locale: string, key: CatalogKey): Promise<void> {
  const { platform, workspace, chatId } = event.meta.account;
  const messenger = deps.messengers?.get(platform);
  if (!messenger) return;
  try {
    await messenger.send({ workspace, chatId }, { kind: 'text', text: t(locale, key) }, `${event.meta.eventKey}:error`);
    deps.logger.warn({ eventKey: event.meta.eventKey, code: 'ERROR_REPLY_DIRECT' }, 'error reply sent without the outbox');
  } catch (error) {
    deps.logger.error({ eventKey: event.meta.eventKey, code: (error as { code?: string }).code ?? (error as Error).name }, 'error reply not sent');
  }
}

const TURN_ATTEMPTS = 5;

/**
 * Requests, letters and reports are numbered last + 1 within their instansi. On PostgreSQL two
 * people's turns may take the same number at once; the unique index refuses the later insert, and
 * its turn, rolled back whole (nothing was sent), runs again and takes the next number.
 */
async function retryOnNumberConflict<T>(turn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await turn();
    } catch (error) {
      const { code } = error as { code?: string };
      if (code !== 'P2002' || isDuplicateEvent(error) || attempt === TURN_ATTEMPTS) throw error;
    }
  }
}

// Two processes took the same update at once: the second insert of its eventKey lost the race.
function isDuplicateEvent(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: unknown };
  return code === 'P2002' && JSON.stringify(meta ?? {}).includes('eventKey');
}

function describeAttempt(event: CoreEvent): string {
  switch (event.kind) {
    case 'command': return `perintah:${event.command}`;
    case 'button': return `tombol:${event.token}`;
    default: return event.kind;
  }
}
