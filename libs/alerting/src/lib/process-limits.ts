/** The XmR scaling constant: 3 / d2 with d2 = 1.128 for moving ranges of two. */
export const XMR_FACTOR = 2.66;
/** A run of this many values (the latest and the ones before it) on one side of the centre is a signal. */
export const RUN_LENGTH = 8;

export interface ProcessLimits {
  readonly centre: number;
  readonly movingRange: number;
  readonly upper: number;
  readonly lower: number;
}

/** Centre = mean(x); mR = mean(|xᵢ − xᵢ₋₁|); limits = centre ± 2.66 × mR. Null with fewer than two values. */
export function processLimits(baseline: readonly number[]): ProcessLimits | null {
  if (baseline.length < 2) return null;
  const centre = baseline.reduce((a, b) => a + b, 0) / baseline.length;
  let ranges = 0;
  for (let i = 1; i < baseline.length; i++) ranges += Math.abs((baseline[i] as number) - (baseline[i - 1] as number));
  const movingRange = ranges / (baseline.length - 1);
  return { centre, movingRange, upper: centre + XMR_FACTOR * movingRange, lower: centre - XMR_FACTOR * movingRange };
}

export interface ProcessSignal {
  readonly rule: 'above-upper' | 'below-lower' | 'run-above' | 'run-below';
  /** The limit crossed, or the centre for a run. */
  readonly limit: number;
  readonly limits: ProcessLimits;
}

/**
 * The latest week against the limits of `baseline`, the weeks just before it, oldest first. Strictly
 * outside the limits, or the latest and the 7 weeks before it all strictly on one side of the
 * centre, is a signal (a baseline shorter than 7 weeks has no run).
 */
export function processLimitsSignal(baseline: readonly number[], latest: number): ProcessSignal | null {
  const limits = processLimits(baseline);
  if (!limits) return null;
  if (latest > limits.upper) return { rule: 'above-upper', limit: limits.upper, limits };
  if (latest < limits.lower) return { rule: 'below-lower', limit: limits.lower, limits };
  const run = [...baseline.slice(-(RUN_LENGTH - 1)), latest];
  if (run.length === RUN_LENGTH) {
    if (run.every((x) => x > limits.centre)) return { rule: 'run-above', limit: limits.centre, limits };
    if (run.every((x) => x < limits.centre)) return { rule: 'run-below', limit: limits.centre, limits };
  }
  return null;
}
