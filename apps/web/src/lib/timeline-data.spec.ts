import { timelineBars } from './timeline-data';

describe('item timeline bars', () => {
  it('puts each stage on its own row in order of first visit, the open segment ending now', () => {
    const seg = (from: string, to: string | null, stage: string, blocked = false) => ({ from, to, stage, category: 'active', status: stage, blocked, days: 1 });
    const { rows, bars } = timelineBars(
      [seg('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'To Do'), seg('2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', 'Doing'), seg('2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', 'To Do'), seg('2026-01-04T00:00:00Z', null, 'Doing', true)],
      Date.parse('2026-01-05T00:00:00Z'),
    );
    expect(rows).toEqual(['To Do', 'Doing']);
    expect(bars.map((b) => b.row)).toEqual([0, 1, 0, 1]);
    expect(bars[3]).toMatchObject({ to: Date.parse('2026-01-05T00:00:00Z'), blocked: true });
  });
});
