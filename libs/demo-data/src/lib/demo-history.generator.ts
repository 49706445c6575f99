import { PROJECTS } from './catalog/project.catalog';
import { summarise } from './demo-summary';
import type { DemoDelivery, DemoHistory, DemoHistoryOptions } from './demo-history.types';
import { planArrivals } from './plan/arrival.planner';
import { planIssues } from './plan/issue.planner';
import { planSprints } from './plan/sprint.schedule';
import { planVersions } from './plan/version.schedule';
import { seededRng } from './random.util';
import { AgileCatalog } from './render/agile-catalog';
import { projectEntries, sprintEntries, versionEntries } from './render/agile-entries';
import { issueEntries, type IssueOutcome, type TimelineEntry } from './render/issue-entries';
import { DAY, HOUR, nextWorkingMoment, SECOND } from './time.util';

export const FIRST_CHANGELOG_ID = 20001;
/** Jira fires a webhook a few hundred milliseconds after the change it reports. */
const MAX_DELIVERY_LAG_MS = 900;

function validated(options: DemoHistoryOptions): Required<DemoHistoryOptions> {
  const { now, seed = 1, days = 120, scale = 1 } = options;
  if (!Number.isFinite(now) || now <= 0) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isFinite(days) || days < 1) throw new RangeError(`days must be at least 1, got ${days}`);
  if (!Number.isFinite(scale) || scale < 0 || scale > 50) throw new RangeError(`scale must be between 0 and 50, got ${scale}`);
  return { now, seed, days, scale };
}

/**
 * A demo workspace's Jira history: three boards, their sprints and releases, and a few hundred
 * issues living through their workflows over the last `days` days, as the Jira Cloud webhook
 * deliveries that history would have produced, oldest first.
 */
export function generateDemoHistory(options: DemoHistoryOptions): DemoHistory {
  const { now, seed, days, scale } = validated(options);
  const rng = seededRng(seed);
  const from = now - days * DAY;
  const opening = nextWorkingMoment(from + HOUR, rng);
  const openAt = opening < now - DAY / 2 ? opening : from + SECOND;
  const sprints = planSprints(openAt, now, rng);
  const versions = planVersions(openAt, now, rng);
  const plans = planIssues(planArrivals(PROJECTS, { openAt, now, scale }, rng), sprints, versions, rng);

  let changelogId = FIRST_CHANGELOG_ID;
  const context = { catalog: new AgileCatalog(sprints, versions), nextChangelogId: () => String(changelogId++) };
  const outcomes: IssueOutcome[] = [];
  const entries: TimelineEntry[] = [...projectEntries(PROJECTS, openAt), ...versions.flatMap(versionEntries), ...sprints.flatMap(sprintEntries)];
  for (const plan of plans) {
    const outcome: IssueOutcome = { plan, state: plan.initial, deleted: false, reopened: false, flagged: false, labelledBlocked: false, blockedStatus: false };
    outcomes.push(outcome);
    entries.push(...issueEntries(plan, context, outcome));
  }

  const cutoff = now - 2 * SECOND;
  const deliveries: DemoDelivery[] = [];
  let last = from;
  for (const entry of entries.filter((candidate) => candidate.at < cutoff).sort((a, b) => a.at - b.at)) {
    // Strictly increasing, so deliveries stay in the order their changes happened.
    const timestamp = Math.max(entry.at + rng.int(40, MAX_DELIVERY_LAG_MS), last + 1);
    if (timestamp >= now) break;
    const body = entry.render(timestamp);
    if (body === null) continue;
    last = timestamp;
    deliveries.push({ body, occurredAt: timestamp });
  }
  return { deliveries, summary: summarise({ from, to: now, deliveries, projects: PROJECTS, outcomes, sprints, versions }) };
}
