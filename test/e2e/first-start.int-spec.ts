// What `npm start` does on a fresh machine: embedded defaults, a generated admin token printed
// once, a demo workspace seeded with a realistic history that already shows figures.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, eventually } from '@flowlens/testing';

describe('first start of the standalone platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-first-'));
  let app: AppProcess;

  afterAll(async () => {
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its URL and a generated admin token, and seeds the demo workspace with figures', async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir });
    await eventually(async () => app.stdout, (out) => out.includes('Demo workspace seeded'), { timeoutMs: 120_000, what: 'demo seeded' });
    const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const demoKey = readFileSync(join(dataDir, 'demo-api-key'), 'utf8').trim();
    expect(app.stdout).toContain(`Flowlens is running at http://localhost:${app.port}`);
    expect(app.stdout).toContain(`Admin token (shown once; kept in ${join(dataDir, 'admin-token')}): ${adminToken}`);
    expect(app.stdout).toContain(demoKey);

    const demo = new ApiClient(app.url, demoKey);
    const throughput = await eventually(() => demo.get<{ total: number; series: Array<{ count: number }> }>('/api/v1/metrics/throughput?interval=week'), (r) => r.status === 200 && r.body.total > 150, { what: 'demo figures' });
    expect(throughput.body.series.filter((w) => w.count > 0).length).toBeGreaterThan(8);
    const cycle = await demo.get<{ p85: number }>('/api/v1/metrics/cycle-time');
    expect(cycle.body.p85).toBeGreaterThan(3);
    const maps = await demo.get<{ items: Array<{ boardId: string }> }>('/api/v1/workflows');
    expect(maps.body.items.map((m) => m.boardId).sort()).toEqual(['OPS', 'PAY', 'WEB']);
    const from = new Date(Date.now() - 150 * 86_400_000).toISOString().slice(0, 10);
    const sprints = await demo.get<{ items: Array<{ committed: number; predictability: number | null }> }>(`/api/v1/metrics/sprints?from=${from}`);
    expect(sprints.status).toBe(200);
    expect(sprints.body.items.length).toBeGreaterThan(3);
    expect(sprints.body.items.every((s) => s.committed > 0 && s.predictability !== null)).toBe(true);
    // Teams with calendars and a portfolio, so the capacity figures show at once.
    const portfolios = await demo.get<{ items: Array<{ id: string; teamIds: string[] }> }>('/api/v1/portfolios');
    expect(portfolios.body.items).toHaveLength(1);
    expect(portfolios.body.items[0]?.teamIds).toHaveLength(3);
    const capacity = await demo.get<{ capacityDays: number; throughput: number; loadPerFte: number | null }>(`/api/v1/capacity?portfolioId=${portfolios.body.items[0]?.id}`);
    expect(capacity.status).toBe(200);
    expect(capacity.body.capacityDays).toBeGreaterThan(100);
    expect(capacity.body.throughput).toBeGreaterThan(100);
    expect(capacity.body.loadPerFte).not.toBeNull();
    const cost = await demo.get<{ currency: string; cost: number }>(`/api/v1/capacity/cost?portfolioId=${portfolios.body.items[0]?.id}`);
    expect(cost.body).toMatchObject({ currency: 'EUR' });
    // The portfolio's weekly digest on the demo's log channel, with figures to preview at once.
    const digests = await demo.get<{ items: Array<{ id: string; portfolioId: string; channelIds: string[] }> }>('/api/v1/digests');
    expect(digests.body.items).toMatchObject([{ portfolioId: portfolios.body.items[0]?.id, channelIds: [expect.any(String)] }]);
    const preview = await demo.get<{ subject: string; figures: { flow: Array<{ key: string; value: number | null }> } }>(`/api/v1/digests/${digests.body.items[0]?.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toContain('Acme delivery portfolio');
    expect(preview.body.figures.flow.find((f) => f.key === 'throughput')?.value).toBeGreaterThan(0);
    expect((await new ApiClient(app.url, adminToken).get<{ items: unknown[] }>('/api/v1/workspaces')).body.items).toHaveLength(1);
  });

  it('does not print the admin token or seed again on the next start', async () => {
    expect(await app.stop('SIGTERM')).toBe(0);
    await app.restart();
    await eventually(async () => app.stdout, (out) => out.includes('Flowlens is running'), { what: 'restarted' });
    expect(app.stdout).not.toContain(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim());
    expect(app.stdout).not.toContain('Demo workspace seeded');
    expect(app.stdout).toContain(`Admin token: in ${join(dataDir, 'admin-token')}`);
    expect(existsSync(join(dataDir, 'demo-api-key'))).toBe(true);
  });
});
