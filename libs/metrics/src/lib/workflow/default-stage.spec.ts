import type { StatusRef } from '@flowlens/contracts';
import { defaultStageFor, trelloCategory } from './default-stage';

const jira = (category: StatusRef['category'], name = 'Whatever'): StatusRef => ({ id: '10100', name, category });

describe('defaultStageFor', () => {
  it('maps Jira and generic statuses by category, null category to active', () => {
    expect(defaultStageFor('jira', jira('todo'))).toBe('backlog');
    expect(defaultStageFor('jira', jira('in_progress'))).toBe('active');
    expect(defaultStageFor('jira', jira('done'))).toBe('done');
    expect(defaultStageFor('generic', jira(null, 'Done'))).toBe('active');
    // the name does not matter for Jira: a "Blocked" status in progress is an active stage
    expect(defaultStageFor('jira', jira('in_progress', 'Blocked'))).toBe('active');
  });

  it('maps Trello lists by name, ignoring any category', () => {
    expect(defaultStageFor('trello', { id: '65f1a0c2e4b0a1d2c3e4f504', name: 'Done', category: null })).toBe('done');
  });

  it.each([
    ['Done', 'done'],
    ['DONE ✅', 'done'],
    ['Completed', 'done'],
    ['Shipped to prod', 'done'],
    ['Released', 'done'],
    ['Closed', 'done'],
    ['Backlog', 'backlog'],
    ['Product backlog', 'backlog'],
    ['To Do', 'backlog'],
    ['to-do', 'backlog'],
    ['TODO', 'backlog'],
    ['Ideas', 'backlog'],
    ['Inbox', 'backlog'],
    ['Icebox', 'backlog'],
    ['Code Review', 'wait'],
    ['Reviewing', 'wait'],
    ['Waiting for customer', 'wait'],
    ['Blocked', 'wait'],
    ['Ready for QA', 'wait'],
    ['QA queue', 'wait'],
    ['On hold', 'wait'],
    ['Doing', 'active'],
    ['In development', 'active'],
    // matched at a word start only: these are not done
    ['Undone', 'active'],
    ['Incomplete', 'active'],
    ['Abandoned', 'active'],
    ['Today', 'active'],
  ])('reads the Trello list %p as %p', (name, category) => {
    expect(trelloCategory(name)).toBe(category);
  });

  it('checks done before backlog before wait', () => {
    expect(trelloCategory('Done (waiting for deploy)')).toBe('done');
    expect(trelloCategory('Backlog - ready')).toBe('backlog');
  });
});
