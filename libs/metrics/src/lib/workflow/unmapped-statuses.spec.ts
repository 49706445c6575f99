import { unmappedStatuses } from './unmapped-statuses';

describe('unmappedStatuses', () => {
  const seen = [
    { id: '1', name: 'To Do', category: null },
    { id: '3', name: 'In Progress', category: null },
    { id: '9', name: 'QA', category: null },
    { id: null, name: 'Parked', category: null },
  ];

  it('lists the statuses no stage holds by id or by name, ignoring case', () => {
    expect(unmappedStatuses([{ statuses: ['to do'] }, { statuses: ['3'] }], seen)).toEqual(['QA', 'Parked']);
  });

  it('lists none when every status is held', () => {
    expect(unmappedStatuses([{ statuses: ['1', '3', '9', 'Parked'] }], seen)).toEqual([]);
  });
});
