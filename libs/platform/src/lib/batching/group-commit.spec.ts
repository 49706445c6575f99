import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('gives concurrent adds one flush, and adds made during a flush the next one', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number>(async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = [1, 2, 3].map((n) => group.add(n));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const during = [4, 5].map((n) => group.add(n));
    release();
    await Promise.all([...first, ...during]);
    expect(flushes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('settles no add before its flush, rejects every add of a failed flush, and goes on', async () => {
    let calls = 0;
    const group = new GroupCommit<string, string>(async (items) => {
      calls++;
      if (calls === 1) throw new Error('disk full');
      return items.join('+');
    });
    const failed = Promise.allSettled([group.add('a'), group.add('b')]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(group.add('c')).resolves.toBe('c');
  });

  it('splits a queue heavier than maxWeight, one oversized item at a time', async () => {
    const flushes: number[][] = [];
    const group = new GroupCommit<number>(async (items) => void flushes.push(items), { maxWeight: 10, weigh: (n) => n });
    await Promise.all([4, 5, 3, 12, 1].map((n) => group.add(n)));
    expect(flushes).toEqual([[4, 5], [3], [12], [1]]);
    await group.idle();
  });
});
