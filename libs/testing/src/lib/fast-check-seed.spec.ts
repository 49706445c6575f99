import fc from 'fast-check';
import { configureFastCheckSeed } from './fast-check-seed';

describe('configureFastCheckSeed', () => {
  const saved = fc.readConfigureGlobal();
  afterEach(() => fc.configureGlobal(saved));

  it('takes FC_SEED, prints it, and makes runs replay the same values', () => {
    const lines: string[] = [];
    expect(configureFastCheckSeed(fc, { FC_SEED: '1234' }, (line) => lines.push(line))).toBe(1234);
    expect(lines).toEqual(['fast-check seed 1234 (replay with FC_SEED=1234)']);
    const first = fc.sample(fc.integer(), 5);
    configureFastCheckSeed(fc, { FC_SEED: '1234' });
    expect(fc.sample(fc.integer(), 5)).toEqual(first);
  });

  it('draws a seed when FC_SEED is unset and refuses one that is not an integer', () => {
    expect(Number.isInteger(configureFastCheckSeed(fc, {}))).toBe(true);
    expect(() => configureFastCheckSeed(fc, { FC_SEED: 'abc' })).toThrow('FC_SEED must be an integer, got "abc"');
  });
});
