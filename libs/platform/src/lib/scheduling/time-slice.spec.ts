import { inSlices, TimeSlice } from './time-slice';

/** Keeps the thread busy for `ms`, as parsing or encoding a large record does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

/** Walks `items` through inSlices, each costing `costMs`; says at which item a waiting setImmediate ran. */
async function whenTheLoopGotATurn(items: number, costMs: number, sliceMs: number): Promise<{ seen: number[]; turnAt: number | null }> {
  const seen: number[] = [];
  let turnAt: number | null = null;
  setImmediate(() => (turnAt = seen.length));
  for await (const item of inSlices(Array.from({ length: items }, (_, i) => i), sliceMs)) {
    work(costMs);
    seen.push(item);
  }
  return { seen, turnAt };
}

describe('TimeSlice / inSlices', () => {
  it('gives the event loop a turn once a slice is spent, and yields every item in order', async () => {
    const { seen, turnAt } = await whenTheLoopGotATurn(10, 2, 3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Two items of 2 ms spend the 3 ms slice: the waiting callback runs by the second at the latest
    // (sooner if the thread was descheduled), long before the end.
    expect(turnAt).not.toBeNull();
    expect(turnAt).toBeLessThanOrEqual(2);
  });

  it('keeps going without a turn while the slice lasts', async () => {
    const { seen, turnAt } = await whenTheLoopGotATurn(5, 1, 60_000);
    expect(seen).toHaveLength(5);
    expect(turnAt).toBeNull();
  });

  it('starts a new slice after each turn', async () => {
    const slice = new TimeSlice(50);
    expect(slice.due()).toBe(false);
    work(51);
    expect(slice.due()).toBe(true);
    await slice.next();
    expect(slice.due()).toBe(false);
  });
});
