/** One distinct trial result (items done, or days needed) and how many trials ended there. */
export interface TrialOutcome {
  readonly value: number;
  readonly trials: number;
}

/** The histogram of ascending trial results: each distinct value once, with its count. */
export function trialOutcomes(sorted: ArrayLike<number>): TrialOutcome[] {
  const outcomes: TrialOutcome[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    outcomes.push({ value: sorted[i], trials: j - i });
    i = j;
  }
  return outcomes;
}
