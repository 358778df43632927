import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks, minus, pow10Label } from '../src/layout/ticks.ts';

describe('ticks', () => {
  it('uses 1-2-5 steps, one number of decimals, and U+2212 minus signs', () => {
    expect(linearTicks(-1.1, 1.1, 4)).toEqual({
      values: [-1, -0.5, 0, 0.5, 1],
      labels: ['−1.0', '−0.5', '0.0', '0.5', '1.0'],
    });
    expect(linearTicks(-0.5, 10.5, 6).labels).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(linearTicks(0, 0.3, 3).values).toEqual([0, 0.1, 0.2, 0.3]); // no 0.30000000000000004
    expect(minus('-0.0')).toBe('0.0');
  });

  it('shows at least three ticks', () => {
    expect(linearTicks(0, 190, 3).values.length).toBeGreaterThanOrEqual(3);
    expect(linearTicks(-4.2, 2.3, 3).values.length).toBeGreaterThanOrEqual(3);
  });

  it('scales very large and very small numbers with a ×10ⁿ multiplier', () => {
    expect(linearTicks(0, 1e6, 5)).toMatchObject({
      labels: ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'],
      multiplier: '×10⁶',
    });
    expect(linearTicks(0, 4e-4, 4).multiplier).toBe('×10⁻⁴');
  });

  it('labels log axes by decade, thinning only long ranges', () => {
    expect(logTicks(0.08, 140, 3)).toEqual({
      values: [0.1, 1, 10, 100],
      labels: ['10⁻¹', '10⁰', '10¹', '10²'],
    });
    expect(logTicks(1e-12, 1e12, 3).values.length).toBeLessThanOrEqual(13);
    expect(logTicks(2, 9, 4).values.every((v) => v >= 2 && v <= 9)).toBe(true);
    expect(pow10Label(-12)).toBe('10⁻¹²');
  });
});
