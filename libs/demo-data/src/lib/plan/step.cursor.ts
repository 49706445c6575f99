import type { Rng } from '../random.util';
import { DAY, MINUTE, nextWorkingMoment } from '../time.util';

/**
 * Walks one issue's history forward: every moment lands in working hours and strictly after the
 * previous one, so the steps of an issue never swap order.
 */
export class StepCursor {
  private last: number;

  constructor(
    start: number,
    private readonly rng: Rng,
  ) {
    this.last = start;
  }

  get now(): number {
    return this.last;
  }

  /** Moves on by `days` of elapsed time (then into working hours). */
  after(days: number): number {
    return this.moveTo(this.last + days * DAY);
  }

  moveTo(target: number): number {
    const minimum = this.last + Math.floor(this.rng.between(2 * MINUTE, 25 * MINUTE));
    this.last = Math.max(nextWorkingMoment(target, this.rng), nextWorkingMoment(minimum, this.rng));
    return this.last;
  }
}
