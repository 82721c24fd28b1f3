// What a generic copy of the database needs to know of prisma/schema.prisma, which the generated
// client's runtime data model leaves out: which side of a relation holds the foreign key, whether
// it may be null, the id, autoincrement and @updatedAt fields.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Prisma } from './generated/client';

export const SCHEMA_FILE = path.join(import.meta.dirname, '..', '..', 'prisma', 'schema.prisma');

export interface ForeignKey {
  /** This model's fields holding the key, and the referenced model's fields they point at. */
  fields: string[];
  references: string[];
  model: string;
  /** The relation may be null: the row can be written without it and the key set afterwards. */
  optional: boolean;
}

export interface SchemaModel {
  name: string;
  table: string;
  idField: string;
  /** Scalar fields: the columns of the table. */
  columns: string[];
  /** Columns (database names) whose value comes from a sequence. */
  autoincrementColumns: string[];
  updatedAtFields: string[];
  foreignKeys: ForeignKey[];
}

const listOf = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The models of prisma/schema.prisma, checked against the generated client: a model the parser
 * missed would otherwise be left out of the copy and of its counts without a word.
 */
export function loadSchemaModels(): SchemaModel[] {
  const models = readSchemaModels(readFileSync(SCHEMA_FILE, 'utf8'));
  const parsed = models.map((m) => m.name).sort().join(', ');
  const generated = Object.values(Prisma.ModelName).sort().join(', ');
  if (parsed !== generated) throw new Error(`prisma/schema.prisma (${parsed}) and the generated client (${generated}) differ: generate it again (npm install)`);
  return models;
}

/** Every model of a Prisma schema, in the order the schema lists them. */
export function readSchemaModels(schema: string): SchemaModel[] {
  // A comment starts at // after a space or at the line's start: a "http://…" default is not one.
  const text = schema.replace(/(^|\s)\/\/.*$/gm, '$1');
  const blocks = [...text.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)].map((m) => ({ name: m[1]!, body: m[2]! }));
  const modelNames = new Set(blocks.map((b) => b.name));
  return blocks.map(({ name, body }) => toModel(name, body, modelNames));
}

function toModel(name: string, body: string, modelNames: Set<string>): SchemaModel {
  const model: SchemaModel = {
    name, table: /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name, idField: '', columns: [], autoincrementColumns: [], updatedAtFields: [], foreignKeys: [],
  };
  for (const line of body.split('\n')) {
    const field = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
    if (!field) continue;
    const [, fieldName = '', type = '', list, optional, attributes = ''] = field;
    if (modelNames.has(type)) {
      const relation = /@relation\(([^)]*)\)/.exec(attributes)?.[1];
      const fields = listOf(/fields:\s*\[([^\]]*)\]/.exec(relation ?? '')?.[1]);
      if (fields.length > 0) model.foreignKeys.push({ fields, references: listOf(/references:\s*\[([^\]]*)\]/.exec(relation!)?.[1]), model: type, optional: !!optional });
      continue;
    }
    if (list) throw new Error(`${name}.${fieldName}: scalar lists are not supported by the copy`);
    model.columns.push(fieldName);
    if (/@id\b/.test(attributes)) model.idField = fieldName;
    if (/@default\(autoincrement\(\)\)/.test(attributes)) model.autoincrementColumns.push(/@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName);
    if (/@updatedAt\b/.test(attributes)) model.updatedAtFields.push(fieldName);
  }
  // A composite @@id would need a composite cursor; fail loudly rather than copy part of a table.
  if (!model.idField) throw new Error(`model ${name} has no single @id field: the copy cannot page through it`);
  return model;
}
