import type { DemoProject } from '../catalog/project.catalog';
import { clamp, withLabel, withoutLabel, type IssueTimelineBuilder } from './issue-timeline.builder';

export interface InProgressTraits {
  readonly blockedDays: number;
}

/** Days an impediment holds work up: usually a couple, sometimes more than a week. */
function blockedDays(timeline: IssueTimelineBuilder): number {
  return clamp(timeline.rng.lognormal(2.2, 0.6), 0.4, 14);
}

/**
 * `days` of work in progress, sometimes interrupted: flagged as an Impediment, labelled
 * `blocked`, parked in a Blocked status (boards that have one), or handed to a colleague.
 */
export function workInProgress(timeline: IssueTimelineBuilder, project: DemoProject, days: number): void {
  const { rng } = timeline;
  const before = days * rng.between(0.15, 0.7);
  const after = days - before;
  if (project.hasBlockedStatus && rng.chance(0.22)) {
    timeline.moveTo(before, 'Blocked');
    timeline.moveTo(blockedDays(timeline), 'In Progress');
    timeline.cursor.after(after);
    return;
  }
  const draw = rng.next();
  if (draw < 0.1) {
    timeline.change(before, () => ({ flagged: true }));
    timeline.change(blockedDays(timeline), () => ({ flagged: false }));
  } else if (draw < 0.15) {
    timeline.change(before, (state) => ({ labels: withLabel(state.labels, 'blocked') }));
    timeline.change(blockedDays(timeline), (state) => ({ labels: withoutLabel(state.labels, 'blocked') }));
  } else if (draw < 0.2) {
    const colleague = rng.pick(project.team.filter((person) => person !== timeline.assignee));
    timeline.change(before, () => ({ assignee: colleague }));
    timeline.assignee = colleague;
  } else {
    timeline.cursor.after(before);
  }
  timeline.cursor.after(after);
}
