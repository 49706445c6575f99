import { deterministicEventId, type CanonicalEvent } from '@flowlens/contracts';
import type { ImportPage } from './import-source';
import { ExportFileSource } from './export-file.source';

const event = (n: number): CanonicalEvent =>
  ({
    eventId: deterministicEventId('ws', n),
    workspaceId: 'ws',
    connectorId: 'c',
    source: 'jira',
    sourceEventId: String(n),
    type: 'WorkItemDeleted',
    occurredAt: '2024-01-01T00:00:00.000Z',
    receivedAt: '2024-01-01T00:00:00.000Z',
    sequence: 0,
    schemaVersion: 1,
    boardId: 'KAN',
    itemId: String(n),
    itemKey: `KAN-${n}`,
    payload: {},
  }) as unknown as CanonicalEvent;

const converted = { events: Array.from({ length: 25 }, (_, n) => event(n)), failures: [{ id: 'KAN-99', reason: 'cannot be converted' }] };

async function drain(pages: AsyncGenerator<ImportPage>): Promise<ImportPage[]> {
  const out: ImportPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('ExportFileSource', () => {
  it('hands the converted export out in pages, reporting failures once, with a checkpoint per page', async () => {
    const pages = await drain(new ExportFileSource(() => converted, 10).pages(null));
    expect(pages.map((p) => p.events.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.checkpoint)).toEqual([1, 2, 3].map((i) => ({ version: 1, eventsDone: Math.min(25, i * 10) })));
    expect(pages.map((p) => p.progress)).toEqual([10, 20, 25].map((done) => ({ done, total: 25 })));
    expect(pages.map((p) => p.failures.length)).toEqual([1, 0, 0]);
  });

  it('resumes after the stored page, without re-reporting the failures', async () => {
    const pages = await drain(new ExportFileSource(() => converted, 10).pages({ version: 1, eventsDone: 20 }));
    expect(pages.flatMap((p) => p.events)).toEqual(converted.events.slice(20));
    expect(pages.flatMap((p) => p.failures)).toEqual([]);
  });

  it('reports failures of an export without events, and rejects a foreign checkpoint', async () => {
    expect((await drain(new ExportFileSource(() => ({ events: [], failures: converted.failures })).pages(null))).map((p) => p.failures)).toEqual([converted.failures]);
    await expect(drain(new ExportFileSource(() => converted).pages({ nextPageToken: 'x' }))).rejects.toThrow();
  });
});
