import { loose, moveStage, moveStatus } from './map-editing';

const stages = [
  { name: 'To Do', category: 'backlog' as const, statuses: ['Open'] },
  { name: 'Doing', category: 'active' as const, statuses: ['In Progress', 'Review'] },
];

describe('workflow-map editing', () => {
  it('moves a status between stages and out of every stage', () => {
    expect(moveStatus(stages, 'Review', 0).map((s) => s.statuses)).toEqual([['Open', 'Review'], ['In Progress']]);
    expect(moveStatus(stages, 'Open', null).map((s) => s.statuses)).toEqual([[], ['In Progress', 'Review']]);
  });

  it('moves a stage up or down, not past either end', () => {
    expect(moveStage(stages, 1, -1).map((s) => s.name)).toEqual(['Doing', 'To Do']);
    expect(moveStage(stages, 1, 1).map((s) => s.name)).toEqual(['To Do', 'Doing']);
  });

  it('lists known statuses that no stage holds', () => {
    expect(loose(['Open', 'QA', 'review'], stages)).toEqual(['QA']);
  });
});
