import { describe, expect, it } from 'vitest';
import { createPlt } from '../src/index.ts';
import { parseCsv } from './helpers.ts';

describe('CSV of the plotted data', () => {
  it('has one column per variable per element, named axes_call_variable, padded with empty cells', () => {
    const { fig, axes } = createPlt().subplots({ nrows: 1, ncols: 2 });
    axes[0]![0]!.plot([1, 2, 3], [4, 5, 6]);
    axes[0]![0]!.scatter([7], [8], { id: 'peak' });
    axes[0]![1]!.bar(['a', 'b,c'], [1, 2]);
    axes[0]![1]!.hist([1, 2, 2, 3], { bins: 2 });
    const csv = fig.toCSV();
    expect(csv.split('\n')[0]).toBe(
      'ax_00_plot_0_x,ax_00_plot_0_y,ax_00_peak_x,ax_00_peak_y,ax_01_bar_0_x,ax_01_bar_0_height,' +
        'ax_01_hist_0_data,ax_01_hist_0_bin_start,ax_01_hist_0_bin_end,ax_01_hist_0_count',
    );
    expect(csv.split('\n')[1]).toBe('1,4,7,8,a,1,1,1,2,1');
    expect(csv.split('\n')[2]).toBe('2,5,,,"b,c",2,2,2,3,3');
    expect(csv.split('\n')[4]).toBe(',,,,,,3,,,');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('keeps full precision, NaN as an empty cell and ±Infinity as inf', () => {
    const { fig, axes: ax } = createPlt().subplots();
    const y = [Math.PI, 0.1 + 0.2, Number.NaN, 1e-300, -Infinity, Infinity, -0.000123];
    ax.plot(y);
    const col = parseCsv(fig.toCSV())['ax_00_plot_0_y']!;
    expect(col).toEqual([
      '3.141592653589793',
      '0.30000000000000004',
      '',
      '1e-300',
      '-inf',
      'inf',
      '-0.000123',
    ]);
    expect(
      col.map((s) =>
        s === '' ? Number.NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s),
      ),
    ).toEqual(y);
  });

  it('writes imshow matrices in long form and boxplot groups by label', () => {
    const { fig, axes: ax } = createPlt().subplots();
    ax.imshow([
      [1, 2],
      [3, 4],
    ]);
    ax.boxplot([[1, 2, 3], [4]], { labels: ['wake', 'N 2'] });
    const c = parseCsv(fig.toCSV());
    expect(c['ax_00_imshow_0_row']).toEqual(['0', '0', '1', '1']);
    expect(c['ax_00_imshow_0_col']).toEqual(['0', '1', '0', '1']);
    expect(c['ax_00_imshow_0_value']).toEqual(['1', '2', '3', '4']);
    expect(c['ax_00_boxplot_0_wake']).toEqual(['1', '2', '3', '']);
    expect(c['ax_00_boxplot_0_N-2']).toEqual(['4', '', '', '']);
  });
});
