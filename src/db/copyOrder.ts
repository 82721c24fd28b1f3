import type { ForeignKey, SchemaModel } from './schemaModels';

export interface CopyStep {
  model: SchemaModel;
  /** Keys to models copied later (a cycle such as unit → head pegawai → home unit): written as null, set at the end. */
  deferredKeys: ForeignKey[];
  /** Keys to the model itself (a unit's parent unit): parents are written before their children. */
  parentKeys: ForeignKey[];
}

/**
 * The order to copy the models in so that every foreign key points at a row already written.
 * A model waits for the models it references; where they wait for each other, the first model
 * (in schema order) whose required keys are met goes first and its optional keys into the cycle
 * are set after everything is copied. A cycle of required keys cannot be written at all.
 */
export function copyOrder(models: SchemaModel[]): CopyStep[] {
  const placed = new Set<string>();
  const steps: CopyStep[] = [];
  let remaining = [...models];
  const waitsFor = (model: SchemaModel) => model.foreignKeys.filter((key) => key.model !== model.name && !placed.has(key.model));
  while (remaining.length > 0) {
    const next = remaining.find((model) => waitsFor(model).length === 0)
      ?? remaining.find((model) => waitsFor(model).every((key) => key.optional));
    if (!next) throw new Error(`required foreign keys form a cycle between ${remaining.map((m) => m.name).join(', ')}: no order can copy them`);
    steps.push({ model: next, deferredKeys: waitsFor(next), parentKeys: next.foreignKeys.filter((key) => key.model === next.name) });
    placed.add(next.name);
    remaining = remaining.filter((model) => model !== next);
  }
  return steps;
}
