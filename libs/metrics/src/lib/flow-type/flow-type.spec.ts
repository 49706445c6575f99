import { flowTypeFor } from './flow-type';

describe('flowTypeFor', () => {
  it.each([
    ['Story', 'feature'],
    ['feature', 'feature'],
    ['Improvement', 'feature'],
    ['Task', 'feature'],
    ['Bug', 'defect'],
    ['DEFECT', 'defect'],
    ['Incident', 'defect'],
    ['Risk', 'risk'],
    ['Security', 'risk'],
    ['Vulnerability', 'risk'],
    ['Compliance', 'risk'],
    ['Tech Debt', 'debt'],
    ['tech  debt', 'debt'],
    ['Debt', 'debt'],
    ['Chore', 'debt'],
    ['Refactor', 'debt'],
    ['Maintenance', 'debt'],
    ['Epic', 'other'],
    ['constructor', 'other'],
  ])('maps %p to %p by default', (type, flowType) => {
    expect(flowTypeFor(type)).toBe(flowType);
  });

  it('treats a missing type as other', () => {
    expect(flowTypeFor(null)).toBe('other');
  });

  it('lets a configured map override the defaults, case-insensitively', () => {
    const map = { 'Task ': 'debt', spike: 'risk' } as const;
    expect(flowTypeFor('task', map)).toBe('debt');
    expect(flowTypeFor('Spike', map)).toBe('risk');
    expect(flowTypeFor('Bug', map)).toBe('defect');
  });
});
