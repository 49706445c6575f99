import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { figureValueText, readFigurePath, splitFigure } from './figure-path';
import { repoRoot } from './repo-root';

const ROOT = repoRoot();

export const CHROMIUM = process.env['FLOWLENS_CHROMIUM'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, '.test-results', 'screenshots');
const STEADY_MS = 250;

/** Debian's chromium, installed by infra/chromium/install.sh when missing, driven by playwright-core. */
export async function launchChromium(): Promise<Browser> {
  execFileSync('bash', [join(ROOT, 'infra', 'chromium', 'install.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
}

export interface ShownFigure {
  readonly figure: string;
  readonly value: string;
  readonly text: string;
  /** The `data-query` of the element or its nearest ancestor that has one. */
  readonly dataQuery: string | null;
}

/** Where an endpoint of a `data-figure` is served (api.md: `metrics/` is dropped from the names). */
const NOT_METRICS = /^(forecast|items|workflows|connectors|api-keys|imports|dead-letters|me|teams|portfolios|capacity|risk|risks|quality|alerts|alert-rules|alert-channels|alert-deliveries|audit|digests)(\/|$)/;

/** Page URL names that stand for a path parameter of a figure's endpoint (see `apiPath`), not for a filter. */
const PATH_PARAMETERS = ['alertId', 'digestId'];

/**
 * A dashboard tab in a real browser: collects console errors and page errors, and knows how the
 * dashboard marks its state (`aria-busy` while fetching, `data-drawn` once a chart is drawn).
 */
export class DashboardTab {
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`pageerror: ${error.message}`));
  }

  static async open(browser: Browser, baseUrl: string): Promise<DashboardTab> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1, bypassCSP: true });
    return new DashboardTab(await context.newPage(), baseUrl);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  async signIn(apiKey: string): Promise<void> {
    await this.page.fill('input[name="apiKey"]', apiKey);
    await this.page.click('button[type="submit"]');
    await this.page.waitForSelector('input[name="apiKey"]', { state: 'detached' });
    await this.page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
  }

  /**
   * Waits until nothing is loading or fetching and every chart on the page has been drawn, and
   * stays so for `STEADY_MS` (a filter change renders in a transition, a moment after the click).
   * Answers the page-clock instant (ms since navigation start) at which it became settled.
   */
  async settled(timeoutMs = 30_000): Promise<number> {
    await this.page.evaluate('window.__flowlensSince = 0');
    const handle = await this.page.waitForFunction(
      `(() => {
        const ok = document.querySelector('#root > *') !== null
          && document.querySelectorAll('[aria-busy="true"], .state-loading').length === 0
          && [...document.querySelectorAll('[data-drawn]')].every((e) => e.getAttribute('data-drawn') === 'true');
        if (!ok) { window.__flowlensSince = 0; return false; }
        if (!window.__flowlensSince) window.__flowlensSince = performance.now();
        return performance.now() - window.__flowlensSince >= ${STEADY_MS} ? window.__flowlensSince : false;
      })()`,
      undefined,
      { timeout: timeoutMs, polling: 25 },
    );
    return Number(await handle.jsonValue());
  }

  url(): URL {
    return new URL(this.page.url());
  }

  figures(): Promise<ShownFigure[]> {
    return this.page.$$eval('[data-figure]', (elements) =>
      elements.map((e) => ({
        figure: e.getAttribute('data-figure') as string,
        value: e.getAttribute('data-value') as string,
        text: (e.textContent ?? '').trim(),
        dataQuery: e.closest('[data-query]')?.getAttribute('data-query') ?? null,
      })),
    );
  }

  /**
   * Every figure shown, against the API's answer for the page URL's query (with the figure's
   * `data-query` merged over it). Returns the mismatches, as readable lines.
   */
  async figureMismatches(apiKey: string): Promise<string[]> {
    const api = new ApiClient(this.baseUrl, apiKey);
    const url = this.url();
    const answers = new Map<string, Promise<unknown>>();
    const problems: string[] = [];
    for (const shown of await this.figures()) {
      const { endpoint, field } = splitFigure(shown.figure);
      const query = new URLSearchParams(url.search);
      if (shown.dataQuery) {
        const over = new URLSearchParams(shown.dataQuery);
        for (const name of new Set(over.keys())) {
          query.delete(name);
          for (const v of over.getAll(name)) query.append(name, v);
        }
      }
      const path = apiPath(endpoint, url, field);
      for (const name of PATH_PARAMETERS) query.delete(name);
      const request = `${path}?${query.toString()}`;
      if (!answers.has(request)) answers.set(request, api.get(request).then((r) => (r.status === 200 ? r.body : { status: r.status, body: r.body })));
      const answer = readFigurePath(await answers.get(request), field);
      const expected = figureValueText(answer);
      if (expected !== shown.value && !withinAgeDrift(field, answer, shown.value)) problems.push(`${shown.figure} (${request}): shown ${shown.value} ("${shown.text}"), API ${expected}`);
    }
    return problems;
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/**
 * Ages (`ageDays`, a blocked spell's `blockedDays`, and the `days` of a still-open timeline segment) grow with the clock when no
 * asOf is given, so the API's answer a moment later is older by that moment: allow 10 minutes.
 */
function withinAgeDrift(field: string, answer: unknown, shown: string): boolean {
  if (!/(^|\.)(ageDays|blockedDays|days)$/.test(field) || typeof answer !== 'number') return false;
  const drift = answer - Number(shown);
  return drift >= 0 && drift < 10 / (24 * 60);
}

/**
 * `/api/v1/...` of a figure's endpoint. Path parameters are left out of figure names (api.md), so
 * the page URL names them: an item's key its path (`/items/<key>`), the digest of a preview
 * `digestId`, and the one alert of a detail panel `alertId` (any `alerts` field but the list's `items`).
 */
export function apiPath(endpoint: string, page: string | URL, field = ''): string {
  const url = typeof page === 'string' ? new URL(page, 'http://page') : page;
  if (endpoint === 'items' || endpoint === 'items/timeline') {
    const key = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    return `/api/v1/items/${encodeURIComponent(key)}${endpoint === 'items/timeline' ? '/timeline' : ''}`;
  }
  const digestId = url.searchParams.get('digestId');
  if (endpoint === 'digests/preview' && digestId) return `/api/v1/digests/${encodeURIComponent(digestId)}/preview`;
  const alertId = url.searchParams.get('alertId');
  if (endpoint === 'alerts' && alertId && !/^items(\[|\.|$)/.test(field)) return `/api/v1/alerts/${encodeURIComponent(alertId)}`;
  return NOT_METRICS.test(endpoint) ? `/api/v1/${endpoint}` : `/api/v1/metrics/${endpoint}`;
}
