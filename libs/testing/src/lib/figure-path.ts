/**
 * Reads a `data-figure` path (api.md, "Dashboard and roles: precise rules") out of an API answer:
 * dotted names, `[n]` indexes and `[name=value]` selectors, e.g. `items[itemKey=PMO-12].ageDays`.
 * Returns undefined when the path leads nowhere.
 */
export function readFigurePath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const token of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    if (value === null || value === undefined) return undefined;
    if (token.startsWith('[')) {
      const inner = token.slice(1, -1);
      const eq = inner.indexOf('=');
      if (!Array.isArray(value)) return undefined;
      if (eq < 0) value = value[Number(inner)];
      else {
        const [name, wanted] = [inner.slice(0, eq), inner.slice(eq + 1)];
        value = value.find((entry: unknown) => entry !== null && typeof entry === 'object' && String((entry as Record<string, unknown>)[name]) === wanted);
      }
    } else value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** `<endpoint>.<field>` split at the first dot: endpoints (`cycle-time`, `forecast/how-many`) have none. */
export function splitFigure(figure: string): { endpoint: string; field: string } {
  const dot = figure.indexOf('.');
  return dot < 0 ? { endpoint: figure, field: '' } : { endpoint: figure.slice(0, dot), field: figure.slice(dot + 1) };
}

/** The text `data-value` holds for an API value: numbers and strings as they are, null as `null`, others as JSON. */
export function figureValueText(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
