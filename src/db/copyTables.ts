import type { CopyStep } from './copyOrder';
import type { Db } from './createDb';
import { modelDelegate, type Row } from './modelDelegate';
import { parentsFirst } from './parentsFirst';
import type { ForeignKey, SchemaModel } from './schemaModels';
import type { Tx } from './tx';

// PostgreSQL allows 65,535 bind parameters in a statement and Prisma refuses a statement with more
// than 32,766: a createMany chunk stays under both, whatever the number of columns.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;

interface KeyUpdate {
  model: string;
  where: Row;
  data: Row;
}

/**
 * Copies every row of every model, all columns and ids as they are, from `source` into `target`
 * (a transaction on an empty database) in the steps' order, a chunk of rows per createMany. Keys
 * written as null to break a cycle are set at the end; @updatedAt keeps the source's value.
 */
export async function copyTables(source: Db, target: Tx, steps: CopyStep[], onCopied: (model: string, rows: number) => void = () => {}): Promise<void> {
  const keyUpdates: KeyUpdate[] = [];
  for (const step of steps) {
    try {
      onCopied(step.model.name, await copyModel(source, target, step, keyUpdates));
    } catch (error) {
      throw new Error(`Tabel ${step.model.name}: ${(error as Error).message}`, { cause: error });
    }
  }
  for (const { model, where, data } of keyUpdates) await modelDelegate(target, model).update({ where, data });
}

async function copyModel(source: Db, target: Tx, step: CopyStep, keyUpdates: KeyUpdate[]): Promise<number> {
  const { model } = step;
  const to = modelDelegate(target, model.name);
  const rowsPerChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / model.columns.length)));
  let copied = 0;
  const write = async (rows: Row[], keysAsNull: ForeignKey[]) => {
    for (let i = 0; i < rows.length; i += rowsPerChunk) {
      const chunk = rows.slice(i, i + rowsPerChunk);
      await to.createMany({ data: chunk.map((row) => withKeysNull(row, keysAsNull)) });
      for (const row of chunk) {
        const update = keyUpdateOf(model, row, keysAsNull);
        if (update) keyUpdates.push(update);
      }
    }
    copied += rows.length;
  };
  if (step.parentKeys.length === 0) {
    for await (const page of pagesOf(source, model, rowsPerChunk)) await write(page, step.deferredKeys);
    return copied;
  }
  // A self-referencing table (a unit tree, pegawai and their penilai) is read whole to order it.
  const rows: Row[] = [];
  for await (const page of pagesOf(source, model, MAX_ROWS)) rows.push(...page);
  for (const layer of parentsFirst(rows, step.parentKeys)) {
    if (layer.cut && step.parentKeys.some((key) => !key.optional)) throw new Error(`${layer.rows.length} baris saling merujuk lewat kunci wajib`);
    await write(layer.rows, layer.cut ? [...step.deferredKeys, ...step.parentKeys] : step.deferredKeys);
  }
  return copied;
}

/** The rows of a model in pages, in id order: a page is one query, whatever the table's size. */
async function* pagesOf(db: Db, model: SchemaModel, size: number): AsyncGenerator<Row[]> {
  const from = modelDelegate(db, model.name);
  let after: unknown;
  for (;;) {
    const page = await from.findMany({ where: after === undefined ? {} : { [model.idField]: { gt: after } }, orderBy: { [model.idField]: 'asc' }, take: size });
    if (page.length > 0) yield page;
    if (page.length < size) return;
    after = page.at(-1)![model.idField];
  }
}

function withKeysNull(row: Row, keys: ForeignKey[]): Row {
  if (keys.length === 0) return row;
  const copy = { ...row };
  for (const field of keys.flatMap((key) => key.fields)) copy[field] = null;
  return copy;
}

function keyUpdateOf(model: SchemaModel, row: Row, keysAsNull: ForeignKey[]): KeyUpdate | null {
  const fields = keysAsNull.flatMap((key) => key.fields);
  if (fields.every((field) => row[field] == null)) return null;
  // Prisma sets an @updatedAt field on every update unless it is given: keep the source's time.
  const data = Object.fromEntries([...fields, ...model.updatedAtFields].map((field) => [field, row[field]]));
  return { model: model.name, where: { [model.idField]: row[model.idField] }, data };
}
