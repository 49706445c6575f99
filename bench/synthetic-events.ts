/** Generic-webhook events for `count` changes: items created, moved through a workflow, updated. */
export function syntheticGenericEvents(count: number, now: number): object[] {
  const statuses = [
    { id: 'todo', name: 'To Do', category: 'todo' },
    { id: 'doing', name: 'In Progress', category: 'in_progress' },
    { id: 'review', name: 'In Review', category: 'in_progress' },
    { id: 'done', name: 'Done', category: 'done' },
  ];
  const perItem = 5;
  const events: object[] = [];
  for (let item = 0; events.length < count; item++) {
    const start = now - (90 - (item % 80)) * 86_400_000;
    const base = { boardId: `B${item % 20}`, itemId: `it-${item}`, itemKey: `B${item % 20}-${item}` };
    const at = (step: number) => new Date(start + step * 36 * 3_600_000).toISOString();
    const all = [
      { ...base, id: `c-${item}`, type: 'WorkItemCreated', occurredAt: at(0), status: statuses[0], fields: { title: `Item ${item}`, type: item % 4 === 0 ? 'Bug' : 'Story' } },
      { ...base, id: `s1-${item}`, type: 'WorkItemStatusChanged', occurredAt: at(1), from: statuses[0], to: statuses[1] },
      { ...base, id: `u-${item}`, type: 'WorkItemUpdated', occurredAt: at(2), changes: { priority: 'High' } },
      { ...base, id: `s2-${item}`, type: 'WorkItemStatusChanged', occurredAt: at(3), from: statuses[1], to: statuses[2] },
      { ...base, id: `s3-${item}`, type: 'WorkItemStatusChanged', occurredAt: at(4), from: statuses[2], to: statuses[3] },
    ];
    events.push(...all.slice(0, Math.min(perItem, count - events.length)));
  }
  return events;
}
