import type { SchemaModel } from './schemaModels';
import type { Tx } from './tx';

const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * PostgreSQL: rows copied with their ids leave an autoincrement column's sequence where it was, so
 * the next insert would take id 1 again. Sets each sequence to continue after the largest id.
 */
export async function continueSequences(tx: Tx, models: SchemaModel[]): Promise<void> {
  for (const model of models) {
    for (const column of model.autoincrementColumns) {
      const table = quoted(model.table);
      await tx.$queryRawUnsafe(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quoted(column)}) FROM ${table}), 0) + 1, false)`,
        table, column,
      );
    }
  }
}
