import type { Db } from './createDb';
import { modelDelegate } from './modelDelegate';
import type { SchemaModel } from './schemaModels';
import type { Tx } from './tx';

/** The number of rows of every model's table, by model name. */
export async function countRows(db: Db | Tx, models: SchemaModel[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const model of models) counts.set(model.name, await modelDelegate(db, model.name).count());
  return counts;
}
