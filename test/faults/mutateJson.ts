import fc from 'fast-check';

type Json = Record<string, unknown>;

/** Two to four mutations: which field (any number, taken modulo) and its replacement (`undefined`: delete it). */
export const mutationsArb: fc.Arbitrary<Array<[number, unknown]>> = fc.array(
  fc.tuple(fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 4, nil: undefined })), { minLength: 2, maxLength: 4 },
);

/** `value` after `mutations`, applied in turn. Mutates and returns it. */
export function mutateJsonMany<T extends Json>(value: T, mutations: Array<[number, unknown]>): T {
  return mutations.reduce((mutated, [pick, replacement]) => mutateJson(mutated, pick, replacement), value);
}

/** `value` with one field (the `pick`-th, modulo their number) deleted (`undefined`) or replaced. Mutates and returns it. */
export function mutateJson<T extends Json>(value: T, pick: number, replacement: unknown): T {
  const paths = fieldPaths(value);
  if (paths.length === 0) return value;
  const path = paths[pick % paths.length]!;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, value);
  if (replacement === undefined) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = replacement;
  return value;
}

/** The path of every field, nested ones too. */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value as Json).flatMap(([key, child]) => fieldPaths(child, [...prefix, key]))].filter((path) => path.length > 0);
}
