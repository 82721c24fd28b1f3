import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/**
 * The better-sqlite3 adapter has one connection. It queues transactions behind each other, but a
 * query outside a transaction runs on the same connection at once, inside whatever transaction is
 * open: a read sees that turn's uncommitted rows, and a write is undone by its rollback (an outbox
 * row marked SENT would be sent again). This wrapper puts every statement outside a transaction
 * in the same queue as the transactions.
 */
export function serializedConnection(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const queue = new ConnectionQueue();
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => new Proxy(adapter, {
    get(target, property) {
      if (property === 'queryRaw' || property === 'executeRaw' || property === 'executeScript') {
        const method = Reflect.get(target, property) as (arg: never) => Promise<unknown>;
        return (arg: never) => queue.run(() => method.call(target, arg));
      }
      if (property === 'startTransaction') {
        return async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) => {
          const release = await queue.acquire();
          try {
            return releasingOnEnd(await target.startTransaction(isolationLevel), release);
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

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

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
            if (ENDS_TRANSACTION.test(query.sql)) {
              await target.executeRaw({ ...query, sql: 'ROLLBACK', args: [], argTypes: [] }).catch(() => undefined);
              await target.rollback().catch(() => undefined);
              once();
            }
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
