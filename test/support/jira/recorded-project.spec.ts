import { canonicalEventSchema, type NormalisationContext } from '@flowlens/contracts';
import { jiraIssueHistoryToEvents, jiraProjectStatusesSchema, statusCatalogueOf } from '@flowlens/connector-jira';
import { generateRecordedProject } from './recorded-project';

const ctx: NormalisationContext = { workspaceId: 'ws-replay', connectorId: 'conn-jira', receivedAt: '2025-01-01T00:00:00.000Z', settings: {} };
const project = generateRecordedProject();
const sorted = (values: readonly string[]) => [...values].sort();

describe('generateRecordedProject', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateRecordedProject({ issues: 150 }));
    expect(JSON.stringify(generateRecordedProject({ issues: 150 }))).toBe(a);
    expect(JSON.stringify(generateRecordedProject({ issues: 150, seed: 7 }))).not.toBe(a);
  });

  it('records 1,200 issues by default, some with changelogs longer than a page of 100', () => {
    expect(project.issues).toHaveLength(1200);
    expect(new Set(project.issues.map((r) => r.issue.id)).size).toBe(1200);
    const long = project.issues.filter((r) => r.histories.length > 100);
    expect(long.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...long.map((r) => r.histories.length))).toBeGreaterThan(200);
    const historyIds = project.issues.flatMap((r) => r.histories.map((h) => h.id));
    expect(new Set(historyIds).size).toBe(historyIds.length);
  });

  it('shapes issues as Jira Cloud does: +0000 instants, v3 self links, the project workflow without retired statuses', () => {
    const issue = project.issues[42]?.issue;
    const fields = issue?.['fields'] as Record<string, unknown>;
    expect(fields['created']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(issue?.['self']).toBe('https://flowlens-demo.atlassian.net/rest/api/3/issue/10043');
    const statusNames = (project.statuses[0]?.['statuses'] as Array<{ name: string }>).map((s) => s.name);
    expect(statusNames).toEqual(['To Do', 'In Progress', 'In Review', 'Done']);
    const usesRetired = project.issues.some((r) => r.histories.some((h) => h.items.some((i) => i.field === 'status' && i.to === '10005')));
    expect(usesRetired).toBe(true);
    expect(project.issues.some((r) => r.histories.some((h) => h.items.some((i) => i.field === 'Key')))).toBe(true);
  });

  it('can be rewound by the connector to exactly the state each issue was created in', () => {
    const small = generateRecordedProject({ issues: 300, longChangelogEvery: 40 });
    const catalogue = statusCatalogueOf(jiraProjectStatusesSchema.parse(small.statuses));
    let events = 0;
    for (const recorded of small.issues) {
      const all = jiraIssueHistoryToEvents(recorded.issue, recorded.histories, catalogue, ctx);
      const [created] = all;
      const expected = recorded.expectedCreation;
      if (created?.type !== 'WorkItemCreated') throw new Error(`${recorded.issue.key}: no creation first`);
      const { components, fixVersions, ...scalars } = created.payload.fields;
      const { components: expectedComponents, fixVersions: expectedVersions, ...expectedScalars } = expected.fields;
      expect([created.itemKey, created.boardId, created.occurredAt]).toEqual([expected.key, expected.boardId, expected.occurredAt]);
      expect({ id: created.payload.status.id, name: created.payload.status.name }).toEqual(expected.status);
      expect(scalars).toEqual({ ...expectedScalars, team: null, archived: false });
      // Jira records one value per multi-valued item, so a rewind restores the set, not its order.
      expect(sorted(components)).toEqual(sorted(expectedComponents));
      expect(sorted(fixVersions)).toEqual(sorted(expectedVersions));
      const bornFlagged = all.some((e) => e.type === 'WorkItemBlocked' && e.sourceEventId.endsWith(':created') && e.payload.reason === 'flag');
      expect(bornFlagged).toBe(expected.flagged);
      for (const event of all) expect(canonicalEventSchema.safeParse(event).success).toBe(true);
      events += all.length;
    }
    expect(events).toBeGreaterThan(3_000);
  });
});
