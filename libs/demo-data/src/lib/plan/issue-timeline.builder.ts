import type { Rng } from '../random.util';
import type { IssueState, IssueStep } from './issue.plan';
import { StepCursor } from './step.cursor';

/** Collects one issue's steps in time order while the lifecycle planner walks its workflow. */
export class IssueTimelineBuilder {
  readonly steps: IssueStep[] = [];
  readonly cursor: StepCursor;

  constructor(
    created: number,
    readonly rng: Rng,
    public assignee: number,
  ) {
    this.cursor = new StepCursor(created, rng);
  }

  /** After `days`, the assignee (or `actor`) changes the issue. */
  change(days: number, change: (state: IssueState) => Partial<IssueState>, actor = this.assignee): number {
    const at = this.cursor.after(days);
    this.steps.push({ kind: 'update', at, actor, change });
    return at;
  }

  moveTo(days: number, status: IssueState['status'], actor = this.assignee): number {
    return this.change(days, () => ({ status }), actor);
  }

  delete(days: number, actor: number): void {
    this.steps.push({ kind: 'delete', at: this.cursor.after(days), actor });
  }
}

export function withLabel(labels: readonly string[], label: string): string[] {
  return [...new Set([...labels, label])].sort();
}

export function withoutLabel(labels: readonly string[], label: string): string[] {
  return labels.filter((candidate) => candidate !== label);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
