import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps the rows of each key in order, and the keys in first-seen order', () => {
    const rows = [{ b: 'x', n: 1 }, { b: 'y', n: 2 }, { b: 'x', n: 3 }];
    expect([...groupBy(rows, (r) => r.b)]).toEqual([['x', [rows[0], rows[2]]], ['y', [rows[1]]]]);
    expect(groupBy([], (r: { b: string }) => r.b).size).toBe(0);
  });
});
