import { buildDigest, type DigestInput, flowFigureView } from './digest-content';

const input: DigestInput = {
  workspace: { id: 'ws', name: 'PMO' },
  digest: { id: 'd1', name: 'Leadership weekly' },
  portfolio: { id: 'p1', name: 'Payments' },
  week: { from: '2026-11-23', to: '2026-11-29' },
  publicUrl: 'https://flowlens.example.com/',
  alerts: [{ id: 'a1', ruleName: 'WIP over limit', severity: 'critical', subject: { type: 'board', id: 'PAY' }, value: 14, threshold: 10, startedAt: '2026-11-28T10:00:00.000Z' }],
  risk: { level: 'high', reasons: ['1 release(s) or epic(s) at risk'], counts: { aging: 2, blocked: 1, dueDate: 0, releasesAtRisk: 1, dependencies: 0, concentration: 0 } },
  figures: [
    { key: 'throughput', week: 12, previous: [8, 10, 9, 13] },
    { key: 'flow-efficiency', week: 0.25, previous: [0.2, null, 0.3, null] },
    { key: 'cycle-time.p85', week: null, previous: [4, 5, 6, 7] },
  ],
  forecasts: [
    { kind: 'release', id: 'r1', name: 'v2.0', then: { p85: '2026-12-10', remaining: 10, throughputPerWeek: 5, blockedShare: 0.1 }, now: { p85: '2026-12-17', remaining: 13, throughputPerWeek: 5, blockedShare: 0.1 } },
    { kind: 'epic', id: 'PAY-1', name: 'PAY-1', then: { p85: '2026-12-10', remaining: 4, throughputPerWeek: 5, blockedShare: 0.1 }, now: { p85: '2026-12-10', remaining: 4, throughputPerWeek: 5, blockedShare: 0.1 } },
    { kind: 'epic', id: 'PAY-2', name: 'PAY-2', then: null, now: { p85: '2026-12-20', remaining: 4, throughputPerWeek: 5, blockedShare: 0.1 } },
  ],
};

describe('digest content', () => {
  it('compares a figure with the mean of the weeks before it that have a value', () => {
    expect(flowFigureView({ key: 'throughput', week: 12, previous: [8, 10, 9, 13] })).toMatchObject({ value: 12, baseline: 10, change: 2, changePct: 0.2 });
    expect(flowFigureView({ key: 'flow-efficiency', week: 0.25, previous: [0.2, null, 0.3, null] }).baseline).toBeCloseTo(0.25, 10);
    expect(flowFigureView({ key: 'net-flow', week: 3, previous: [0, 0] })).toMatchObject({ baseline: 0, change: 3, changePct: null });
    expect(flowFigureView({ key: 'wip', week: 3, previous: [null, null] })).toMatchObject({ baseline: null, change: null, changePct: null });
  });

  it('has the subject, the sections and links under the public URL', () => {
    const d = buildDigest(input);
    expect(d.subject).toBe('[Flowlens] Weekly digest: Payments — week of 2026-11-23');
    expect(d.text).toContain('WIP over limit (critical) on board PAY: 14 (threshold 10)');
    expect(d.text).toContain('Risk level high: 1 release(s) or epic(s) at risk');
    expect(d.text).toContain('Throughput: 12 (mean of the 4 weeks before: 10; change +2 (+20%))');
    expect(d.text).toContain('Flow efficiency: 25% (mean of the 4 weeks before: 25%; change ±0 pp (±0%))');
    expect(d.text).toContain('Cycle time p85: — (mean of the 4 weeks before: 5.5; change —)');
    expect(d.text).toContain('release v2.0: p85 2026-12-10 → 2026-12-17 (+7 days), scope added');
    // Unchanged and new forecasts are not changes.
    expect(d.text).not.toContain('PAY-1');
    expect(d.text).not.toContain('PAY-2');
    expect(d.link).toBe('https://flowlens.example.com/?portfolioId=p1&from=2026-11-23&to=2026-11-29');
    expect(d.text).toContain('https://flowlens.example.com/risk?portfolioId=p1');
    expect(d.html).toContain('<a href="https://flowlens.example.com/?portfolioId=p1&amp;from=2026-11-23&amp;to=2026-11-29">Open in Flowlens</a>');
    expect(d.html).toContain('<td>Throughput</td><td>12</td><td>10</td><td>+2 (+20%)</td>');
    expect(d.figures.forecasts).toEqual([{ kind: 'release', id: 'r1', name: 'v2.0', p85Then: '2026-12-10', p85Now: '2026-12-17', days: 7, reason: 'scope added' }]);
  });

  it('names the whole workspace without a portfolio, escapes HTML, and has no links without a public URL', () => {
    const d = buildDigest({ ...input, portfolio: null, publicUrl: null, alerts: [{ ...(input.alerts[0] as DigestInput['alerts'][number]), ruleName: '<script>x</script>' }], risk: null, forecasts: [] });
    expect(d.subject).toBe('[Flowlens] Weekly digest: PMO (all boards) — week of 2026-11-23');
    expect(d.html).not.toContain('<script>');
    expect(d.html).toContain('&lt;script&gt;');
    expect(d.html).not.toContain('href=');
    expect(d.link).toBeNull();
    expect(d.text).toContain('no release or epic forecast moved');
  });
});
