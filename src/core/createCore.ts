import type { Db } from '../db/createDb';
import type { AccountRef } from './events';
import { t } from './catalog/t';
import type { Clock, Logger, MessengerPort } from './ports';
import type { AnyFlow, CoreSettings } from './engine/defineFlow';
import type { FlowRegistry } from './engine/dispatchEvent';
import { handleEvent, type TurnResult } from './engine/handleEvent';
import { expireConversations } from './engine/expireConversations';
import { createPacingState, drainOutbox, type DrainResult, type OutboxDeps } from './outbox/drainOutbox';
import { createOutboxWorker, type OutboxWorker } from './outbox/outboxWorker';

export interface CoreOptions {
  db: Db;
  flows: AnyFlow[];
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  messengers?: MessengerPort[];
  /** Start the background outbox worker (production); tests drain explicitly. */
  autoDrain?: boolean;
}

export interface Core {
  readonly db: Db;
  readonly settings: CoreSettings;
  handleEvent(raw: unknown): Promise<TurnResult>;
  /** Whether a chat account is linked to an active pegawai (adapters skip extra lookups for linked ones). */
  isLinked(account: AccountRef): Promise<boolean>;
  drainOutbox(): Promise<DrainResult>;
  /** Something was queued outside a turn (the scheduler): send it now rather than at the next poll. */
  wakeOutbox(): void;
  expireConversations(): Promise<number>;
  /** Every command with its Bahasa Indonesia description, for the platforms' command menus. */
  commands(): Array<{ command: string; description: string }>;
  stop(): Promise<void>;
}

/** The platform-neutral bot: adapters feed it events; messengers take its outbox. */
export function createCore(options: CoreOptions): Core {
  const registry = buildRegistry(options.flows);
  const outboxDeps: OutboxDeps = {
    db: options.db, clock: options.clock, logger: options.logger,
    messengers: new Map((options.messengers ?? []).map((m) => [m.platform, m])), pacing: createPacingState(),
  };
  const worker: OutboxWorker | null = options.autoDrain ? createOutboxWorker(outboxDeps) : null;
  const homePlatforms = (options.messengers ?? []).filter((m) => m.drawsHome).map((m) => m.platform);
  const engine = { db: options.db, registry, clock: options.clock, logger: options.logger, settings: options.settings, homePlatforms, messengers: outboxDeps.messengers };
  return {
    db: options.db,
    settings: options.settings,
    async handleEvent(raw) {
      const result = await handleEvent(engine, raw);
      worker?.wake();
      return result;
    },
    drainOutbox: () => drainOutbox(outboxDeps),
    wakeOutbox: () => worker?.wake(),
    async isLinked(account) {
      const identity = await options.db.platformIdentity.findUnique({
        where: { platform_workspace_accountId: { platform: account.platform, workspace: account.workspace, accountId: account.accountId } },
        include: { pegawai: true },
      });
      return Boolean(identity?.pegawai.active);
    },
    async expireConversations() {
      const count = await expireConversations(options.db, options.clock.now(), options.settings.conversationTtlMs);
      if (count > 0) worker?.wake();
      return count;
    },
    commands: () => [
      ...[...registry.byCommand.entries()].filter(([, flow]) => flow.descriptionKey).map(([command, flow]) => ({ command, description: t('id', flow.descriptionKey!) })),
      { command: 'bantuan', description: t('id', 'bantuan.bantuan') },
      { command: 'batal', description: t('id', 'bantuan.batal') },
    ],
    async stop() {
      await worker?.stop();
    },
  };
}

function buildRegistry(flows: AnyFlow[]): FlowRegistry {
  const byId = new Map<string, AnyFlow>();
  const byCommand = new Map<string, AnyFlow>();
  for (const flow of flows) {
    if (byId.has(flow.id)) throw new Error(`duplicate flow id ${flow.id}`);
    byId.set(flow.id, flow);
    if (flow.command) byCommand.set(flow.command, flow);
  }
  return { byId, byCommand };
}
