import { describe, expect, it } from 'vitest';
import { copyOrder } from '../../src/db/copyOrder';
import { parentsFirst } from '../../src/db/parentsFirst';
import { loadSchemaModels, readSchemaModels } from '../../src/db/schemaModels';

describe('the order a database is copied in (pindah-ke-postgresql)', () => {
  it('puts every model of the schema after the models its keys point at, or sets the key afterwards', () => {
    const steps = copyOrder(loadSchemaModels());
    const position = new Map(steps.map((step, i) => [step.model.name, i]));
    for (const [i, step] of steps.entries()) {
      for (const key of step.model.foreignKeys) {
        if (key.model === step.model.name) expect(step.parentKeys).toContain(key);
        else if (step.deferredKeys.includes(key)) expect(key.optional).toBe(true);
        else expect(position.get(key.model), `${step.model.name}.${key.fields.join()}`).toBeLessThan(i);
      }
    }
    const deferred = steps.flatMap((step) => step.deferredKeys.map((key) => `${step.model.name}.${key.fields.join()}`));
    expect(deferred).toEqual(['PerangkatDaerah.kepalaId', 'UnitOrganisasi.headId']);
    expect(steps.filter((step) => step.parentKeys.length > 0).map((step) => step.model.name)).toEqual(['UnitOrganisasi', 'Pegawai']);
  });

  it('reads ids, autoincrement and @updatedAt fields, and refuses a cycle of required keys', () => {
    const [audit, inbound] = readSchemaModels(`
      model AuditLog {
        id  Int @id @default(autoincrement()) // a comment with a } in it
        at  DateTime @updatedAt
        @@map("audit_log")
      }
      model InboundEvent {
        eventKey String @id
      }`);
    expect(audit).toMatchObject({ table: 'audit_log', idField: 'id', columns: ['id', 'at'], autoincrementColumns: ['id'], updatedAtFields: ['at'] });
    expect(inbound).toMatchObject({ idField: 'eventKey', foreignKeys: [] });
    const cycle = readSchemaModels(`
      model A {
        id  String @id
        bId String
        b   B @relation(fields: [bId], references: [id])
      }
      model B {
        id  String @id
        aId String
        a   A @relation(fields: [aId], references: [id])
      }`);
    expect(() => copyOrder(cycle)).toThrow(/required foreign keys form a cycle between A, B/);
  });

  it('writes a tree root first, and rows that point at each other last, without the key', () => {
    const [unit] = readSchemaModels(`
      model Unit {
        id       String @id
        parentId String?
        parent   Unit? @relation("Tree", fields: [parentId], references: [id])
        children Unit[] @relation("Tree")
      }`);
    const rows = [{ id: 'c', parentId: 'b' }, { id: 'b', parentId: 'a' }, { id: 'a', parentId: null }, { id: 'x', parentId: 'y' }, { id: 'y', parentId: 'x' }];
    const layers = parentsFirst(rows, unit!.foreignKeys);
    expect(layers.map((layer) => [layer.rows.map((row) => row.id).join(''), layer.cut])).toEqual([['a', false], ['b', false], ['c', false], ['xy', true]]);
  });
});
