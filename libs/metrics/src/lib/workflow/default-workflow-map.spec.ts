import type { StatusRef } from '@flowlens/contracts';
import { defaultWorkflowMap } from './default-workflow-map';
import { workflowMapSchema } from './workflow-map.schema';

describe('defaultWorkflowMap', () => {
  it('makes one stage per status ordered backlog, active, wait, done, first seen within each', () => {
    const lists: StatusRef[] = [
      { id: 'l1', name: 'Done', category: null },
      { id: 'l2', name: 'Doing', category: null },
      { id: 'l3', name: 'Code Review', category: null },
      { id: 'l4', name: 'Backlog', category: null },
      { id: 'l5', name: 'Design', category: null },
      { id: 'l6', name: 'Ideas', category: null },
    ];
    const map = defaultWorkflowMap('65f1a0b7c9d8e7f6a5b4c3d2', 'trello', lists);
    expect(map.stages.map((stage) => [stage.name, stage.category])).toEqual([
      ['Backlog', 'backlog'],
      ['Ideas', 'backlog'],
      ['Doing', 'active'],
      ['Design', 'active'],
      ['Code Review', 'wait'],
      ['Done', 'done'],
    ]);
    expect(map.stages[0].statuses).toEqual(['l4']);
    expect(workflowMapSchema.parse(map)).toEqual(map);
  });

  it('shares a stage between statuses of one name and lists nameless-id statuses by name', () => {
    const map = defaultWorkflowMap('KAN', 'jira', [
      { id: '10001', name: 'Done', category: 'done' },
      { id: '10042', name: 'done', category: 'done' },
      { id: null, name: 'In Progress', category: 'in_progress' },
    ]);
    expect(map.stages).toEqual([
      { name: 'In Progress', category: 'active', statuses: ['In Progress'] },
      { name: 'Done', category: 'done', statuses: ['10001', '10042'] },
    ]);
  });
});
