import { RecentAnswers } from './recent-answers';

describe('RecentAnswers', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a key asked while it is computed, and for keepMs after, from one computation', async () => {
    jest.useFakeTimers();
    const answers = new RecentAnswers(1_000, 8);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([answers.get('k', compute), answers.get('k', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    jest.advanceTimersByTime(999);
    expect(await answers.get('k', compute)).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await answers.get('k', compute)).toBe(2);
    expect(runs).toBe(2);
  });

  it('keeps no failure: the next caller computes again', async () => {
    const answers = new RecentAnswers(1_000, 8);
    await expect(answers.get('k', () => Promise.reject(new Error('engine down')))).rejects.toThrow('engine down');
    expect(answers.size).toBe(0);
    expect(await answers.get('k', async () => 'ok')).toBe('ok');
  });

  it('holds at most maxEntries answers, dropping the oldest first', async () => {
    const answers = new RecentAnswers(60_000, 2);
    let runs = 0;
    const compute = async () => ++runs;
    await answers.get('a', compute);
    await answers.get('b', compute);
    await answers.get('c', compute);
    expect(answers.size).toBe(2);
    expect(await answers.get('b', compute)).toBe(2);
    expect(await answers.get('a', compute)).toBe(4);
  });
});
