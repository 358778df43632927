import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNatural } from '../src/naturalSort.ts';

describe('compareNatural', () => {
  it('orders numbers by value and words case-insensitively', () => {
    const names = [
      'exp10',
      'b',
      'exp2',
      '10',
      'A',
      '2',
      'x.yaml',
      'x_1',
      'run007',
      'run7b',
      'run8',
      'a',
    ];
    expect([...names].sort(compareNatural)).toEqual([
      '2',
      '10',
      'A',
      'a',
      'b',
      'exp2',
      'exp10',
      'run007',
      'run7b',
      'run8',
      'x.yaml',
      'x_1',
    ]);
  });

  it('handles digit runs longer than a double can hold', () => {
    expect(compareNatural('v99999999999999999999', 'v100000000000000000000')).toBeLessThan(0);
  });

  it('is a total order (antisymmetric, transitive, 0 only for equal strings)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a))).toBe(0);
        if (compareNatural(a, b) === 0) expect(a).toBe(b);
        if (compareNatural(a, b) <= 0 && compareNatural(b, c) <= 0) {
          expect(compareNatural(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
