import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { whileBusy } from './whileBusy';

export interface ConnectionOptions {
  /** How long a statement or a transaction waits for another process's write lock before SQLITE_BUSY. */
  busyWaitMs: number;
}

const BEGIN_IMMEDIATE: SqlQuery = { sql: 'BEGIN IMMEDIATE', args: [], argTypes: [] };

/**
 * The better-sqlite3 adapter has one connection. It queues transactions behind each other, but a
 * query outside a transaction runs on the same connection at once, inside whatever transaction is
 * open: a read sees that turn's uncommitted rows, and a write is undone by its rollback (an outbox
 * row marked SENT would be sent again). This wrapper puts every statement outside a transaction
 * in the same queue as the transactions.
 *
 * It also waits out another process's write lock (an admin import, a backup) without blocking
 * the event loop (whileBusy), and begins every transaction with BEGIN IMMEDIATE: the adapter's
 * plain BEGIN takes the write lock only at the turn's first write, after its first reads, and
 * SQLite answers that upgrade with SQLITE_BUSY at once, without waiting (its busy handler is not
 * called for a connection that already reads), so the turn failed and the message was lost.
 */
export function serializedConnection(factory: SqlMigrationAwareDriverAdapterFactory, options: ConnectionOptions): SqlMigrationAwareDriverAdapterFactory {
  const queue = new ConnectionQueue();
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => new Proxy(adapter, {
    get(target, property) {
      if (property === 'queryRaw' || property === 'executeRaw') {
        const method = Reflect.get(target, property) as (query: SqlQuery) => Promise<unknown>;
        // One statement in autocommit: a SQLITE_BUSY left nothing behind, so it can run again.
        return (query: SqlQuery) => {
          const deadline = Date.now() + options.busyWaitMs;
          return queue.run(() => whileBusy(() => method.call(target, query), deadline));
        };
      }
      if (property === 'executeScript') {
        const method = Reflect.get(target, property) as (script: string) => Promise<void>;
        return (script: string) => queue.run(() => method.call(target, script));
      }
      if (property === 'startTransaction') {
        return async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) => {
          // SQLite has only SERIALIZABLE: the adapter refuses any other level.
          if (isolationLevel && isolationLevel !== 'SERIALIZABLE') return target.startTransaction(isolationLevel);
          const deadline = Date.now() + options.busyWaitMs;
          const release = await queue.acquire();
          try {
            await whileBusy(() => target.executeRaw(BEGIN_IMMEDIATE), deadline);
            return releasingOnEnd(immediateTransaction(target), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}

/**
 * A transaction opened with BEGIN IMMEDIATE on the shared connection (the queue keeps everyone
 * else off it). Prisma sends COMMIT or ROLLBACK itself as a statement (usePhantomQuery: false),
 * then calls commit() or rollback(), which have nothing left to do.
 */
function immediateTransaction(connection: SqlDriverAdapter): Transaction {
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => connection.queryRaw(query),
    executeRaw: (query) => connection.executeRaw(query),
    commit: () => Promise.resolve(),
    rollback: () => Promise.resolve(),
  };
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;
const ROLLBACK = /^\s*ROLLBACK\b/i;

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const once = () => { if (!released) { released = true; release(); } };
  return new Proxy(transaction, {
    get(target, property) {
      // Prisma sends COMMIT (or ROLLBACK) and only then calls commit(); when that statement fails
      // (SQLite already rolled back, or the turn ran COMMIT itself) commit() never comes, and the
      // connection would stay locked for good. Roll back what may be left and let go.
      if (property === 'executeRaw') {
        return async (query: Parameters<Transaction['executeRaw']>[0]) => {
          try {
            return await target.executeRaw(query);
          } catch (error) {
            if (!ENDS_TRANSACTION.test(query.sql)) throw error;
            await target.executeRaw({ ...query, sql: 'ROLLBACK', args: [], argTypes: [] }).catch(() => undefined);
            await target.rollback().catch(() => undefined);
            once();
            // A failed ROLLBACK found nothing to undo: SQLite rolled back by itself (SQLITE_FULL,
            // SQLITE_IOERR). Throwing here would replace the error that caused it, and a full disk
            // would be reported as "cannot rollback - no transaction is active".
            if (ROLLBACK.test(query.sql)) return 0;
            throw error;
          }
        };
      }
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            await (property === 'commit' ? target.commit() : target.rollback());
          } finally {
            once();
          }
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A FIFO lock: who holds it owns the connection until they release it. */
class ConnectionQueue {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
