import { describe, expect, it } from 'vitest';
import { createPlt, DEFAULT_OPTIONS } from '../src/index.ts';
import { expectCode } from './helpers.ts';

describe('options', () => {
  it('defaults to the seed values', () => {
    const o = createPlt().options;
    expect(o.figSizeMm).toEqual([160, 100]);
    expect(o.dpiSave).toBe(300);
    expect(o.dpiDisplay).toBe(100);
    expect(o.hideTopRightSpines).toBe(true);
    expect(o.alpha).toBe(0.9);
    expect(o.lineWidth).toBe(1);
    expect(o.baseDir).toBeUndefined();
    expect(DEFAULT_OPTIONS.figSizeMm).toEqual([160, 100]);
  });

  it('configure() merges, validates and returns what is in force', () => {
    const plt = createPlt({ dpiSave: 600 });
    const o = plt.configure({ figSizeMm: [85, 60], lineWidth: 0.5 });
    expect(o).toMatchObject({ dpiSave: 600, figSizeMm: [85, 60], lineWidth: 0.5 });
    expect(plt.options).toBe(o);
    expect(Object.isFrozen(o)).toBe(true);
  });

  it.each([
    [{ figSizeMm: [160] }],
    [{ figSizeMm: [0, 100] }],
    [{ figSizeMm: [5, 5] }],
    [{ dpiSave: -1 }],
    [{ dpiSave: Number.NaN }],
    [{ alpha: 1.5 }],
    [{ lineWidth: 0 }],
    [{ hideTopRightSpines: 'yes' }],
    [{ baseDir: 42 }],
    [{ dpi: 300 }],
  ])('refuses %j with PLT_INVALID_OPTION', (bad) => {
    expectCode(() => createPlt(bad as never), 'PLT_INVALID_OPTION');
  });

  it('subplots() checks its grid and size', () => {
    const plt = createPlt();
    expectCode(() => plt.subplots({ nrows: 0 }), 'PLT_INVALID_OPTION');
    expectCode(() => plt.subplots({ ncols: 1.5 }), 'PLT_INVALID_OPTION');
    expectCode(() => plt.subplots({ figSizeMm: [10, 10] }), 'PLT_INVALID_OPTION');
    const { fig, axes } = plt.subplots({ nrows: 2, ncols: 3 });
    expect(axes).toHaveLength(2);
    expect(axes[1]).toHaveLength(3);
    expect(axes[1]![2]!.position).toEqual([1, 2]);
    expect(fig.axes).toHaveLength(6);
    expect(fig.ax(1, 2)).toBe(axes[1]![2]);
  });
});
