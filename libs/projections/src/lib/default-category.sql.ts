const folded = (value: string) => `lower(trimBoth(${value}))`;

/**
 * The default stage category of a status before anyone saves a workflow map, spelled in SQL. It
 * must agree with `defaultStageFor` in @flowlens/metrics (the oracle the SQL is tested against):
 * Trello lists by name (matched at the start of a word), other sources by status category.
 */
export function defaultCategorySql(source: string, category: string, name: string): string {
  const n = folded(name);
  return `if(${source} = 'trello',
      multiIf(match(${n}, '${TRELLO.done}'), 'done', match(${n}, '${TRELLO.backlog}'), 'backlog', match(${n}, '${TRELLO.wait}'), 'wait', 'active'),
      multiIf(${category} = 'todo', 'backlog', ${category} = 'done', 'done', 'active'))`;
}

/** RE2 spellings of the oracle's Trello rules (`/\b(done|complete|…)/i`), applied to lower(name). */
export const TRELLO = {
  done: '\\\\b(done|complete|shipped|released|closed)',
  backlog: '\\\\b(backlog|to[\\\\s-]?do|ideas|inbox|icebox)',
  wait: '\\\\b(review|waiting|blocked|ready|queue|on[\\\\s-]?hold)',
} as const;

