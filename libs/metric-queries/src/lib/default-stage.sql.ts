/**
 * Default stage categories when a board has no saved map, as metrics.md defines them; kept in
 * step with `defaultStageFor` in @flowlens/metrics (the oracle the SQL is tested against).
 * Arguments are SQL expressions for the status' source, source category and name.
 */
export function defaultCategorySql(source: string, category: string, name: string): string {
  const lower = `lower(${name})`;
  return `if(${source} = 'trello',
      multiIf(match(${lower}, '${TRELLO_PATTERNS.done}'), 'done',
              match(${lower}, '${TRELLO_PATTERNS.backlog}'), 'backlog',
              match(${lower}, '${TRELLO_PATTERNS.wait}'), 'wait',
              'active'),
      multiIf(${category} = 'todo', 'backlog', ${category} = 'done', 'done', 'active'))`;
}

/** RE2 patterns (whole words, case-insensitive via lower()). */
export const TRELLO_PATTERNS = {
  done: '\\\\b(done|complete|completed|shipped|released|closed)\\\\b',
  backlog: '\\\\b(backlog|to do|todo|ideas|inbox|icebox)\\\\b',
  wait: '\\\\b(review|waiting|blocked|ready|queue|on hold)\\\\b',
} as const;
