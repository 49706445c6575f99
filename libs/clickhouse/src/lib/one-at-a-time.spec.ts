import { OneAtATime } from './one-at-a-time';

describe('OneAtATime', () => {
  it('starts a task only once the one before it has settled, in order', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ticks: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const answers = await Promise.all([queue.run(task('a', 3)), queue.run(task('b', 1)), queue.run(task('c', 2))]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('goes on after a failed task, which fails only its own caller', async () => {
    const queue = new OneAtATime();
    const failed = queue.run(() => Promise.reject(new Error('engine said no')));
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('engine said no');
    await expect(next).resolves.toBe('next');
  });
});
