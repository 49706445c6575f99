import type { StatusRef } from '@flowlens/contracts';
import { isBlockedStage } from './blocked-stage';
import { findStage, resolveStage } from './resolve-stage';
import type { WorkflowMap } from './workflow-map.schema';

const review: StatusRef = { id: '10002', name: 'In Review', category: 'in_progress' };
const done: StatusRef = { id: '10001', name: 'Done', category: 'done' };
const qa: StatusRef = { id: '10007', name: 'QA', category: 'in_progress' };

const map: WorkflowMap = {
  boardId: 'KAN',
  stages: [
    { name: 'Backlog', category: 'backlog', statuses: ['To Do'] },
    { name: 'Waiting for review', category: 'wait', statuses: ['in review'] },
    { name: 'Review', category: 'active', statuses: ['10002'] },
    { name: 'On hold', category: 'wait', statuses: ['Blocked'] },
    { name: 'Done', category: 'done', statuses: ['10001', 'Closed'] },
  ],
};

describe('resolveStage', () => {
  it('finds the stage listing the status id before one listing its name', () => {
    expect(findStage(map, review)?.name).toBe('Review');
    expect(resolveStage(map, 'jira', review, false)).toEqual({ name: 'Review', category: 'active', blocked: false });
  });

  it('matches names case-insensitively when no stage lists the id', () => {
    const renamed: StatusRef = { id: '99999', name: 'IN REVIEW', category: 'in_progress' };
    expect(resolveStage(map, 'jira', renamed, false).name).toBe('Waiting for review');
    expect(resolveStage(map, 'jira', { id: null, name: 'closed', category: null }, false).category).toBe('done');
  });

  it('falls back to the default stage named after the status', () => {
    expect(resolveStage(map, 'jira', qa, false)).toEqual({ name: 'QA', category: 'active', blocked: false });
    expect(resolveStage(undefined, 'jira', done, false)).toEqual({ name: 'Done', category: 'done', blocked: false });
    expect(resolveStage(undefined, 'trello', { id: 'abc', name: 'Code Review', category: null }, false).category).toBe('wait');
  });

  it('puts an archived item outside a done stage into Removed, but keeps archived done items done', () => {
    expect(resolveStage(map, 'trello', qa, true)).toEqual({ name: 'Removed', category: 'removed', blocked: false });
    expect(resolveStage(map, 'trello', done, true)).toEqual({ name: 'Done', category: 'done', blocked: false });
  });

  it('marks blocked stages by stage name, status entries or the status name', () => {
    expect(resolveStage(map, 'jira', { id: '10003', name: 'Blocked', category: 'in_progress' }, false)).toEqual({
      name: 'On hold',
      category: 'wait',
      blocked: true,
    });
    expect(resolveStage(undefined, 'jira', { id: '10003', name: 'blocked', category: 'in_progress' }, false).blocked).toBe(true);
    expect(isBlockedStage({ name: 'BLOCKED', statuses: [] })).toBe(true);
    expect(isBlockedStage({ name: 'Blocked by vendor', statuses: ['10003'] })).toBe(false);
  });
});

describe('resolveStage with a mapped removed stage', () => {
  it('keeps an archived item in a stage the map already calls removed', () => {
    const wontDo: WorkflowMap = { boardId: 'KAN', stages: [{ name: "Won't do", category: 'removed', statuses: ['10009'] }] };
    const status: StatusRef = { id: '10009', name: "Won't Do", category: 'done' };
    expect(resolveStage(wontDo, 'jira', status, true)).toEqual({ name: "Won't do", category: 'removed', blocked: false });
  });
});
