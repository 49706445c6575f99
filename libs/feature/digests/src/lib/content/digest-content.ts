import type { LocalWeek } from './digest-week';
import { forecastChange, type ForecastReason, type ForecastSnapshot } from './forecast-change';

/** The flow and capacity figures a digest compares, each figured by one API endpoint for one week. */
export const FLOW_FIGURES = [
  { key: 'throughput', label: 'Throughput', unit: 'items' },
  { key: 'cycle-time.p85', label: 'Cycle time p85', unit: 'days' },
  { key: 'wip', label: 'WIP at the end of the week', unit: 'items' },
  { key: 'flow-efficiency', label: 'Flow efficiency', unit: 'share' },
  { key: 'net-flow', label: 'Net flow (arrivals − throughput)', unit: 'items' },
  { key: 'capacity-days', label: 'Capacity', unit: 'FTE-days' },
  { key: 'arrivals', label: 'Arrivals (started)', unit: 'items' },
] as const;
export type FlowFigureKey = (typeof FLOW_FIGURES)[number]['key'];

/** One figure's value in the digest's week and in each of the weeks before it (oldest first). */
export interface WeeklyFigure {
  readonly key: FlowFigureKey;
  readonly week: number | null;
  readonly previous: ReadonlyArray<number | null>;
}

export interface DigestAlert {
  readonly id: string;
  readonly ruleName: string;
  readonly severity: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly value: number | null;
  readonly threshold: number | null;
  readonly startedAt: string | null;
}

export interface DigestRisk {
  readonly level: 'low' | 'medium' | 'high';
  readonly reasons: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
}

export interface DigestForecastInput {
  readonly kind: 'release' | 'epic';
  /** releaseId or epic key. */
  readonly id: string;
  readonly name: string;
  readonly then: ForecastSnapshot | null;
  readonly now: ForecastSnapshot | null;
}

export interface DigestInput {
  readonly workspace: { readonly id: string; readonly name: string };
  readonly digest: { readonly id: string; readonly name: string };
  /** The portfolio, or null for the whole workspace. */
  readonly portfolio: { readonly id: string; readonly name: string } | null;
  readonly week: LocalWeek;
  readonly publicUrl: string | null;
  readonly alerts: readonly DigestAlert[];
  readonly risk: DigestRisk | null;
  readonly figures: readonly WeeklyFigure[];
  readonly forecasts: readonly DigestForecastInput[];
}

export interface FlowFigureView {
  readonly key: FlowFigureKey;
  readonly label: string;
  readonly unit: string;
  readonly value: number | null;
  /** Mean of the previous weeks' values that exist; null when none does. */
  readonly baseline: number | null;
  readonly change: number | null;
  /** change / baseline; null when the baseline is 0 or null. */
  readonly changePct: number | null;
}

export interface ForecastChangeView {
  readonly kind: 'release' | 'epic';
  readonly id: string;
  readonly name: string;
  readonly p85Then: string;
  readonly p85Now: string;
  readonly days: number;
  readonly reason: ForecastReason | null;
}

/** What a digest shows, as data: the preview answers it beside the rendered parts. */
export interface DigestFigures {
  readonly week: LocalWeek;
  readonly scope: { readonly portfolioId: string | null; readonly name: string };
  readonly alerts: readonly DigestAlert[];
  readonly risk: DigestRisk | null;
  readonly flow: readonly FlowFigureView[];
  readonly forecasts: readonly ForecastChangeView[];
}

export interface DigestContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly link: string | null;
  readonly figures: DigestFigures;
}

export function flowFigureView(figure: WeeklyFigure): FlowFigureView {
  const meta = FLOW_FIGURES.find((f) => f.key === figure.key) ?? FLOW_FIGURES[0];
  const known = figure.previous.filter((v): v is number => v !== null);
  const baseline = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  const change = figure.week === null || baseline === null ? null : figure.week - baseline;
  return { key: figure.key, label: meta.label, unit: meta.unit, value: figure.week, baseline, change, changePct: change === null || !baseline ? null : change / baseline };
}

/** Releases and epics whose p85 date moved, the largest slip first. */
export function forecastChanges(forecasts: readonly DigestForecastInput[]): ForecastChangeView[] {
  const out: ForecastChangeView[] = [];
  for (const f of forecasts) {
    const change = f.then && f.now ? forecastChange(f.then, f.now) : null;
    if (change) out.push({ kind: f.kind, id: f.id, name: f.name, ...change });
  }
  return out.sort((a, b) => b.days - a.days || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

export function digestFigures(input: DigestInput): DigestFigures {
  return {
    week: input.week,
    scope: { portfolioId: input.portfolio?.id ?? null, name: scopeName(input) },
    alerts: input.alerts,
    risk: input.risk,
    flow: input.figures.map(flowFigureView),
    forecasts: forecastChanges(input.forecasts),
  };
}

const scopeName = (input: DigestInput) => input.portfolio?.name ?? `${input.workspace.name} (all boards)`;

export function digestSubject(scope: string, week: LocalWeek): string {
  return `[Flowlens] Weekly digest: ${scope} — week of ${week.from}`;
}

const round = (n: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit === 'share' ? `${round(value * 100)}%` : String(round(value));
}
function formatChange(f: FlowFigureView): string {
  if (f.change === null) return '—';
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  const amount = f.unit === 'share' ? `${round(Math.abs(f.change) * 100)} pp` : String(round(Math.abs(f.change)));
  return `${sign(f.change)}${amount}${f.changePct === null ? '' : ` (${sign(f.changePct)}${round(Math.abs(f.changePct) * 100)}%)`}`;
}
const describeAlert = (a: DigestAlert) =>
  `${a.ruleName} (${a.severity}) on ${a.subject.type} ${a.subject.id}: ${a.value === null ? '—' : round(a.value, 2)} (threshold ${a.threshold === null ? '—' : round(a.threshold, 2)})`;
const describeForecast = (f: ForecastChangeView) =>
  `${f.kind} ${f.name}: p85 ${f.p85Then} → ${f.p85Now} (${f.days > 0 ? '+' : ''}${f.days} days)${f.reason ? `, ${f.reason}` : ''}`;
const COUNT_LABELS: Record<string, string> = { aging: 'aging', blocked: 'blocked', dueDate: 'due date at risk', releasesAtRisk: 'releases/epics at risk', dependencies: 'open dependencies', concentration: 'concentration' };
const describeCounts = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([k, n]) => `${COUNT_LABELS[k] ?? k} ${n}`)
    .join(', ');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

function linksOf(input: DigestInput) {
  const base = input.publicUrl?.replace(/\/+$/, '') ?? null;
  if (base === null) return null;
  const scope = input.portfolio ? `portfolioId=${encodeURIComponent(input.portfolio.id)}&` : '';
  const window = `from=${input.week.from}&to=${input.week.to}`;
  return {
    overview: `${base}/?${scope}${window}`,
    alerts: `${base}/alerts?state=firing`,
    risk: `${base}/risk${scope ? `?${scope.slice(0, -1)}` : ''}`,
    capacity: input.portfolio ? `${base}/capacity?${scope}${window}&interval=week` : null,
    digest: `${base}/digests?id=${encodeURIComponent(input.digest.id)}`,
  };
}

/**
 * The digest of one week as subject, plain text and HTML (pure: the figures are fetched before).
 * Flow figures compare the week with the mean of the weeks before it; forecasts list what moved.
 */
export function buildDigest(input: DigestInput): DigestContent {
  const figures = digestFigures(input);
  const subject = digestSubject(figures.scope.name, input.week);
  const links = linksOf(input);
  const heading = `${input.digest.name}: ${figures.scope.name}, ${input.week.from} to ${input.week.to}`;
  const baselineWeeks = Math.max(0, ...input.figures.map((f) => f.previous.length));

  const alertLines = figures.alerts.map(describeAlert);
  const riskLine = figures.risk ? `Risk level ${figures.risk.level}${figures.risk.reasons.length ? `: ${figures.risk.reasons.join('; ')}` : ''}` : 'Risk: —';
  const countsLine = figures.risk ? describeCounts(figures.risk.counts) : '';
  const flowLines = figures.flow.map((f) => `${f.label}: ${formatValue(f.value, f.unit)} (mean of the ${baselineWeeks} weeks before: ${formatValue(f.baseline, f.unit)}; change ${formatChange(f)})`);
  const forecastLines = figures.forecasts.map(describeForecast);
  const none = (lines: readonly string[], empty: string) => (lines.length ? lines.map((l) => `- ${l}`).join('\n') : `- ${empty}`);

  const text = [
    heading,
    '',
    `Firing alerts (${alertLines.length})`,
    none(alertLines, 'none'),
    '',
    riskLine,
    ...(countsLine ? [`Signals: ${countsLine}`] : []),
    '',
    'Flow and capacity this week',
    none(flowLines, 'none'),
    '',
    'Forecast changes since a week ago (p85)',
    none(forecastLines, 'no release or epic forecast moved'),
    ...(links ? ['', `Open in Flowlens: ${links.overview}`, `Risk: ${links.risk}`, `Alerts: ${links.alerts}`, ...(links.capacity ? [`Capacity: ${links.capacity}`] : [])] : []),
    '',
  ].join('\n');

  const a = (href: string | null | undefined, label: string) => (href ? `<a href="${escape(href)}">${escape(label)}</a>` : escape(label));
  const list = (lines: readonly string[], empty: string) => `<ul>${(lines.length ? lines : [empty]).map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`;
  const flowRows = figures.flow
    .map((f) => `<tr data-key="${escape(f.key)}"><td>${escape(f.label)}</td><td>${escape(formatValue(f.value, f.unit))}</td><td>${escape(formatValue(f.baseline, f.unit))}</td><td>${escape(formatChange(f))}</td></tr>`)
    .join('');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#1f2933">
<h2>${escape(heading)}</h2>
<h3>${a(links?.alerts, `Firing alerts (${alertLines.length})`)}</h3>${list(alertLines, 'none')}
<h3>${a(links?.risk, `Risk: ${figures.risk?.level ?? '—'}`)}</h3>${figures.risk ? list(figures.risk.reasons, 'no signal') + (countsLine ? `<p>${escape(countsLine)}</p>` : '') : ''}
<h3>${a(links?.capacity ?? links?.overview, 'Flow and capacity this week')}</h3>
<table cellpadding="4" style="border-collapse:collapse"><thead><tr><th align="left">Figure</th><th align="left">This week</th><th align="left">Mean of ${baselineWeeks} weeks before</th><th align="left">Change</th></tr></thead><tbody>${flowRows}</tbody></table>
<h3>Forecast changes since a week ago (p85)</h3>${list(forecastLines, 'no release or epic forecast moved')}
${links ? `<p>${a(links.overview, 'Open in Flowlens')}</p>` : ''}
</body></html>`;
  return { subject, text, html, link: links?.overview ?? null, figures };
}
