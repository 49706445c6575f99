import type { EventSource, StatusRef } from '@flowlens/contracts';
import type { StageCategory } from './workflow-map.schema';

// Trello list names are matched at the start of a word, case-insensitively: "Completed" and
// "Reviewing" match, while "Undone", "Incomplete" and "Abandoned" do not read as done.
const TRELLO_RULES: ReadonlyArray<readonly [RegExp, StageCategory]> = [
  [/\b(done|complete|shipped|released|closed)/i, 'done'],
  [/\b(backlog|to[\s-]?do|ideas|inbox|icebox)/i, 'backlog'],
  [/\b(review|waiting|blocked|ready|queue|on[\s-]?hold)/i, 'wait'],
];

const JIRA_CATEGORIES: Readonly<Record<NonNullable<StatusRef['category']>, StageCategory>> = {
  todo: 'backlog',
  in_progress: 'active',
  done: 'done',
};

/** The stage category of a status before anyone edits the workflow map (see metrics.md). */
export function defaultStageFor(source: EventSource, status: StatusRef): StageCategory {
  if (source === 'trello') return trelloCategory(status.name);
  return status.category === null ? 'active' : JIRA_CATEGORIES[status.category];
}

export function trelloCategory(listName: string): StageCategory {
  for (const [pattern, category] of TRELLO_RULES) {
    if (pattern.test(listName)) return category;
  }
  return 'active';
}
