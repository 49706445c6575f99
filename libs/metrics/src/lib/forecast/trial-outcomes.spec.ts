import { forecastHowMany } from './forecast-how-many';
import { forecastWhen } from './forecast-when';
import { trialOutcomes } from './trial-outcomes';

describe('trial outcomes', () => {
  it('counts each distinct ascending value once', () => {
    expect(trialOutcomes([1, 1, 2, 5, 5, 5])).toEqual([
      { value: 1, trials: 2 },
      { value: 2, trials: 1 },
      { value: 5, trials: 3 },
    ]);
    expect(trialOutcomes([])).toEqual([]);
  });

  it('accounts for every trial of both forecasts, and agrees with their percentiles', () => {
    const history = [0, 1, 3, 0, 2, 5, 1];
    const howMany = forecastHowMany({ history, days: 10, trials: 2000, seed: 7 });
    expect(howMany.outcomes.reduce((s, o) => s + o.trials, 0)).toBe(2000);
    // p85: reached or beaten in at least 85% of trials.
    expect(howMany.outcomes.filter((o) => o.value >= howMany.p85).reduce((s, o) => s + o.trials, 0)).toBeGreaterThanOrEqual(1700);
    const when = forecastWhen({ history, items: 20, trials: 2000, seed: 7 });
    expect(when.outcomes.reduce((s, o) => s + o.trials, 0)).toBe(2000);
    expect(when.outcomes.filter((o) => o.value <= when.p85).reduce((s, o) => s + o.trials, 0)).toBeGreaterThanOrEqual(1700);
  });
});
