import fc from 'fast-check';

type Json = unknown;
type Path = ReadonlyArray<string | number>;

/** Every path inside a JSON value, the root included. */
export function jsonPaths(value: Json, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => jsonPaths(item, [...prefix, i]))];
  if (value && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => jsonPaths(item, [...prefix, key]))];
  }
  return here;
}

type Mutation = { readonly at: number; readonly op: 'delete' | 'replace'; readonly value: Json };

function apply(root: Json, path: Path, mutation: Mutation): Json {
  if (path.length === 0) return mutation.op === 'delete' ? undefined : mutation.value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = apply(copy[head as number], rest, mutation);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(root as Record<string, Json>) };
  const next = apply(copy[head as string], rest, mutation);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** A real payload with a few fields deleted or replaced by random JSON (wrong types, nulls, garbage). */
export function mutatedJson(original: Json): fc.Arbitrary<Json> {
  const paths = jsonPaths(original);
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', 0, -1, true, 'blocked', '2024-13-45T99:00:00Z'));
  const mutation = fc.record({ at: fc.nat({ max: paths.length - 1 }), op: fc.constantFrom('delete', 'replace'), value }) as fc.Arbitrary<Mutation>;
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) =>
    mutations.reduce<Json>((acc, m) => {
      const path = jsonPaths(acc)[m.at % jsonPaths(acc).length] ?? [];
      return apply(acc, path, m);
    }, original),
  );
}
