import { figureValueText, readFigurePath, splitFigure } from './figure-path';

describe('data-figure paths', () => {
  const answer = { p85: 13.1, items: [{ itemKey: 'PMO-12', ageDays: 4.5 }, { itemKey: 'PMO-3', ageDays: 1 }], byType: { feature: 0.6 }, days: { p50: 8 } };

  it('reads dotted names, indexes and name=value selectors', () => {
    expect(readFigurePath(answer, 'p85')).toBe(13.1);
    expect(readFigurePath(answer, 'items[1].ageDays')).toBe(1);
    expect(readFigurePath(answer, 'items[itemKey=PMO-12].ageDays')).toBe(4.5);
    expect(readFigurePath(answer, 'byType.feature')).toBe(0.6);
    expect(readFigurePath(answer, 'days.p50')).toBe(8);
  });

  it('answers undefined for a path that leads nowhere', () => {
    expect(readFigurePath(answer, 'items[itemKey=NOPE].ageDays')).toBeUndefined();
    expect(readFigurePath(answer, 'items[7].ageDays')).toBeUndefined();
    expect(readFigurePath(answer, 'p85.deeper')).toBeUndefined();
    expect(readFigurePath(null, 'p85')).toBeUndefined();
  });

  it('splits the endpoint from the field at the first dot', () => {
    expect(splitFigure('forecast/how-many.p85')).toEqual({ endpoint: 'forecast/how-many', field: 'p85' });
    expect(splitFigure('aging.items[itemKey=A.1].ageDays')).toEqual({ endpoint: 'aging', field: 'items[itemKey=A.1].ageDays' });
  });

  it('writes values as data-value holds them', () => {
    expect(figureValueText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(figureValueText(null)).toBe('null');
    expect(figureValueText('2026-01-02')).toBe('2026-01-02');
  });
});
