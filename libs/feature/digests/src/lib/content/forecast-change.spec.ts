import { contributions, forecastChange, type ForecastSnapshot } from './forecast-change';

const base: ForecastSnapshot = { p85: '2026-12-10', remaining: 10, throughputPerWeek: 5, blockedShare: 0.1 };
const later = (over: Partial<ForecastSnapshot>): ForecastSnapshot => ({ ...base, p85: '2026-12-17', ...over });

describe('forecast change and its reason (hand-worked)', () => {
  it('names scope added when remaining grew the most: ln(12/10) = 0.182 beats ln(0.9/0.8) = 0.118 and ln(5/4.5) = 0.105', () => {
    const now = later({ remaining: 12, throughputPerWeek: 4.5, blockedShare: 0.2 });
    const c = contributions(base, now);
    expect(c['scope added']).toBeCloseTo(0.1823, 4);
    expect(c['throughput down']).toBeCloseTo(0.1054, 4);
    expect(c['more blocked time']).toBeCloseTo(0.1178, 4);
    expect(forecastChange(base, now)).toEqual({ p85Then: '2026-12-10', p85Now: '2026-12-17', days: 7, reason: 'scope added' });
  });

  it('names throughput down when throughput halved (ln 2 = 0.693) though one item was added (ln 1.1 = 0.095)', () => {
    expect(forecastChange(base, later({ remaining: 11, throughputPerWeek: 2.5 }))?.reason).toBe('throughput down');
  });

  it('names more blocked time when the blocked share went 0.1 -> 0.5 (ln(0.9/0.5) = 0.588) and nothing else got worse', () => {
    expect(forecastChange(base, later({ remaining: 9, throughputPerWeek: 6, blockedShare: 0.5 }))?.reason).toBe('more blocked time');
    // A share that was null (nothing in progress) counts as 0.
    expect(forecastChange({ ...base, blockedShare: null }, later({ blockedShare: 0.25 }))?.reason).toBe('more blocked time');
  });

  it('treats scope from nothing and throughput to nothing as the largest contributors', () => {
    expect(contributions({ ...base, remaining: 0 }, later({ remaining: 3 }))['scope added']).toBe(Infinity);
    expect(forecastChange(base, later({ remaining: 20, throughputPerWeek: 0 }))?.reason).toBe('throughput down');
  });

  it('names nothing when the date moved earlier or no driver got worse; null when the date held or a forecast is missing', () => {
    expect(forecastChange(base, { ...base, p85: '2026-12-08', remaining: 8 })).toEqual({ p85Then: '2026-12-10', p85Now: '2026-12-08', days: -2, reason: null });
    expect(forecastChange(base, later({}))?.reason).toBeNull();
    expect(forecastChange(base, { ...base, remaining: 30 })).toBeNull();
    expect(forecastChange({ ...base, p85: null }, later({}))).toBeNull();
    expect(forecastChange(base, { ...base, p85: null })).toBeNull();
  });

  it('breaks a tie in the order scope, throughput, blocked time', () => {
    // remaining x2 and throughput /2 are both ln 2.
    expect(forecastChange(base, later({ remaining: 20, throughputPerWeek: 2.5 }))?.reason).toBe('scope added');
  });
});
