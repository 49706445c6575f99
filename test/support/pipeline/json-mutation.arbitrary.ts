import fc from 'fast-check';

type Path = ReadonlyArray<string | number>;

/** Paths of every value in a JSON document, the root excluded. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const children: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...at, key], ...pathsOf(child, [...at, key])]);
}

type Edit = { readonly pick: number; readonly kind: 'drop' | 'set'; readonly value: unknown };

function edited(root: unknown, path: Path, edit: Edit): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return edit.value;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  const target = copy as Record<string | number, unknown>;
  if (rest.length === 0 && edit.kind === 'drop') {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete target[key];
    return copy;
  }
  target[key] = edited(target[key], rest, edit);
  return copy;
}

/** Values that break assumptions: wrong types, empties, odd dates and numbers, a `blocked` label. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, '', ' ', 0, -1, 1e308, true, [], {}, 'blocked', '2024-02-30T25:61:00Z', '2024-01-15T10:23:45.123+0000', 'null', '\u00e9\u00e8\u2013'),
);

/** A recorded payload with one to four values dropped or replaced. */
export function mutatedPayload(original: unknown): fc.Arbitrary<unknown> {
  const edit: fc.Arbitrary<Edit> = fc.record({ pick: fc.nat(), kind: fc.constantFrom('drop' as const, 'set' as const), value: nasty });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce<unknown>((doc, e) => {
      const paths = pathsOf(doc);
      const path = paths[e.pick % Math.max(1, paths.length)];
      return path ? edited(doc, path, e) : doc;
    }, original),
  );
}
