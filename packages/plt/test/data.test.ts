import { describe, expect, it } from 'vitest';
import { createPlt, type Axes } from '../src/index.ts';
import { expectCode } from './helpers.ts';

const ax = (): Axes => createPlt().subplots().axes;

describe('input checking (PLT_BAD_DATA)', () => {
  it('refuses series of different lengths, naming both', () => {
    const e = expectCode(() => ax().plot([1, 2, 3], [1, 2]), 'PLT_BAD_DATA');
    expect(e.message).toMatch(/x has 3 values but y has 2/);
    expectCode(() => ax().scatter([1], [1, 2]), 'PLT_BAD_DATA');
    expectCode(() => ax().fillBetween([1, 2], [1, 2], [1]), 'PLT_BAD_DATA');
    expectCode(() => ax().errorbar([1, 2], [1, 2], { yerr: [1, 2, 3] }), 'PLT_BAD_DATA');
    expectCode(() => ax().bar([1, 2], [1]), 'PLT_BAD_DATA');
    expectCode(() => ax().imshow([[1, 2], [3]]), 'PLT_BAD_DATA');
  });

  it('refuses non-numbers, saying where', () => {
    const e = expectCode(() => ax().plot([1, 2, 3], [1, '2' as never, 3]), 'PLT_BAD_DATA');
    expect(e.message).toMatch(/y\[1\] is "2"/);
    expectCode(() => ax().plot('123' as never), 'PLT_BAD_DATA');
    expectCode(() => ax().plot([true] as never), 'PLT_BAD_DATA');
    expectCode(() => ax().plot([{}] as never), 'PLT_BAD_DATA');
    expectCode(() => ax().plot(new BigInt64Array(2) as never), 'PLT_BAD_DATA');
    expectCode(() => ax().hist(5 as never), 'PLT_BAD_DATA');
    expectCode(() => ax().errorbar([1], [1], { yerr: [-1] }), 'PLT_BAD_DATA');
    expectCode(() => ax().axhline(Number.NaN), 'PLT_BAD_DATA');
  });

  it('takes NaN, null and undefined as gaps, and typed arrays as they are', () => {
    const a = ax();
    const h = a.plot([1, 2, 3, 4], [1, Number.NaN, null, undefined] as never);
    expect(h.columns).toEqual(['ax_00_plot_0_x', 'ax_00_plot_0_y']);
    a.plot(new Float32Array([1, 2]), new Int16Array([3, 4]));
    a.plot([5, 6, 7]); // y only: x is 0, 1, 2
  });

  it('refuses bad options with PLT_INVALID_OPTION', () => {
    expectCode(() => ax().plot([1], [1], { linestyle: '~' as never }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().plot([1], [1], { marker: 'Q' as never }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().plot([1], [1], { color: 'not a colour!' }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().plot([1], [1], { alpha: 2 }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().plot([1], [1], { id: 'a b' }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().imshow([[1]], { cmap: 'jet' }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().legend({ loc: 'top' as never }), 'PLT_INVALID_OPTION');
    expectCode(() => ax().setXScale('symlog' as never), 'PLT_INVALID_OPTION');
    const a = ax();
    a.plot([1], [1], { id: 'raw' });
    expectCode(() => a.plot([1], [1], { id: 'raw' }), 'PLT_INVALID_OPTION');
  });
});
