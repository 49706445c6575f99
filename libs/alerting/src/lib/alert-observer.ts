import type { Observation } from './alert-condition';
import type { AlertRule } from './alert-rule.schema';

/**
 * Where a rule's figures come from: one observation per subject in the rule's scope, as the figures
 * stood at `at` (an instant, ms since the epoch). The evaluator and the back-test ask it; a
 * data-access module provides it (under ALERT_OBSERVER) from the same figures the query API answers.
 */
export interface AlertObserver {
  observe(rule: AlertRule, at: number, options?: ObserveOptions): Promise<Observation[]>;
  /**
   * One evaluation cycle over many rules: figures shared by several rules (the same board, metric,
   * window and instant) may be computed once within it. Optional; `observe` per rule otherwise.
   */
  observeAll?(rules: readonly AlertRule[], at: number, options?: ObserveOptions): Promise<Map<string, Observation[]>>;
  /** One rule at many past instants (a back-test), in order; what does not change between them may be looked up once. */
  observeSeries?(rule: AlertRule, instants: readonly number[]): Promise<Observation[][]>;
}

export interface ObserveOptions {
  /**
   * `at` is now (a scheduled or on-demand evaluation, not a back-test day): the figures may be read
   * as the present state rather than as a point in time, which is the same answer, faster.
   */
  readonly live?: boolean;
}

export const ALERT_OBSERVER = Symbol('ALERT_OBSERVER');
