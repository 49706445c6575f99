// The seeded demo platform (what `npm start` gives a newcomer) and a real browser, for the
// dashboard's browser tests. One standalone process per test file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiClient, AppProcess, eventually } from '@flowlens/testing';
import { DashboardTab, launchChromium } from '@flowlens/testing/browser';

export interface DashboardDemo {
  readonly app: AppProcess;
  readonly apiKey: string;
  readonly adminToken: string;
  readonly api: ApiClient;
  readonly browser: Browser;
  /** A new tab, signed in with `apiKey` (default: the demo admin key), at `path`, settled. */
  open(path: string, apiKey?: string): Promise<DashboardTab>;
  stop(): Promise<void>;
}

/** `env` adds settings of the process (e.g. `SMTP_URL` of a test's SMTP server). */
export async function startDashboardDemo(env: Record<string, string> = {}): Promise<DashboardDemo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-dashboard-'));
  const [app, browser] = await Promise.all([AppProcess.start('standalone', { ...env, FLOWLENS_DATA_DIR: dataDir }), launchChromium()]);
  await eventually(async () => app.stdout, (out) => out.includes('Demo workspace seeded'), { timeoutMs: 120_000, what: 'demo seeded' });
  const apiKey = readFileSync(join(dataDir, 'demo-api-key'), 'utf8').trim();
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  const api = new ApiClient(app.url, apiKey);
  // The projector catches up with the seeded history shortly after the banner.
  await eventually(() => api.get<{ total: number }>('/api/v1/metrics/throughput'), (r) => r.status === 200 && r.body.total > 150, { timeoutMs: 60_000, what: 'demo figures' });
  return {
    app,
    apiKey,
    adminToken,
    api,
    browser,
    async open(path, key = apiKey) {
      const tab = await DashboardTab.open(browser, app.url);
      await tab.goto(path);
      await tab.signIn(key);
      await tab.settled();
      return tab;
    },
    async stop() {
      await browser.close();
      await app.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
