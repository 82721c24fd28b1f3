import type { Db } from './createDb';
import type { Tx } from './tx';

export type Row = Record<string, unknown>;

/** The part of a Prisma model delegate that code working on any model (the copy, the counts) uses. */
export interface ModelDelegate {
  findMany(args: { where?: Row; orderBy?: Row; take?: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  count(): Promise<number>;
}

/** `db.pegawai` for `Pegawai`: the client names each delegate after its model, first letter lower. */
export function modelDelegate(db: Db | Tx, model: string): ModelDelegate {
  const delegate = (db as unknown as Record<string, ModelDelegate | undefined>)[model.charAt(0).toLowerCase() + model.slice(1)];
  if (!delegate) throw new Error(`the Prisma client has no model ${model}: generate it again (npm install)`);
  return delegate;
}
