import { generateDemoHistory } from './demo-history.generator';
import { demoRiskDeliveries } from './demo-risk.overlay';

const NOW = Date.parse('2026-11-26T05:30:00.000Z');

describe('the demo risk overlay', () => {
  const history = generateDemoHistory({ now: NOW });
  const overlay = demoRiskDeliveries(history, NOW);

  it('comes after the history, in order, before now', () => {
    const last = history.deliveries.at(-1)?.occurredAt ?? 0;
    expect(overlay.length).toBeGreaterThan(10);
    overlay.forEach((delivery, i) => {
      expect(delivery.occurredAt).toBeGreaterThan(i === 0 ? last : (overlay[i - 1]?.occurredAt ?? 0));
      expect(delivery.occurredAt).toBeLessThan(NOW);
    });
  });
});
