/**
 * `imshow`: a matrix as a heatmap of cells, row 0 at the top (`origin: 'upper'`, as
 * matplotlib), with a colour bar. NaN cells are left empty. Cells are drawn as rectangles,
 * so very large matrices (beyond ~100 000 cells) render slowly.
 */
import { colorScheme } from '../style/colormaps.js';
import { PltError } from '../errors.js';
import { toNumbers } from '../data.js';
import type { ImshowOptions } from '../plotOptions.js';
import type { MarkEnv } from './env.js';
import type { LayerContext, Mark } from './types.js';

/** Checks a matrix (array of equal-length rows) and flattens it row-major. */
export function toMatrix(
  m: unknown,
  where: string,
): { values: Float64Array; rows: number; cols: number } {
  if (!Array.isArray(m) || m.length === 0) {
    throw new PltError('PLT_BAD_DATA', `${where}: expected a matrix (a non-empty array of rows)`);
  }
  const rows = m.length;
  const first = toNumbers(m[0], `${where}[0]`);
  const cols = first.length;
  if (cols === 0) throw new PltError('PLT_BAD_DATA', `${where}: rows must not be empty`);
  const values = new Float64Array(rows * cols);
  values.set(first, 0);
  for (let r = 1; r < rows; r++) {
    const row = toNumbers(m[r], `${where}[${r}]`);
    if (row.length !== cols) {
      throw new PltError(
        'PLT_BAD_DATA',
        `${where}: row ${r} has ${row.length} values but row 0 has ${cols}`,
      );
    }
    values.set(row, r * cols);
  }
  return { values, rows, cols };
}

const HAIR = 0.15;

/** Pixel offsets that widen each cell by HAIR points on all sides. */
function overlap(ctx: LayerContext, dx: number, dy: number): Record<string, number> {
  // x grows rightwards unless reversed; pixel y grows downwards, data y upwards unless reversed.
  const sx = dx > 0 !== ctx.xReversed ? 1 : -1;
  const sy = dy > 0 !== ctx.yReversed ? -1 : 1;
  return { xOffset: -HAIR * sx, x2Offset: HAIR * sx, yOffset: -HAIR * sy, y2Offset: HAIR * sy };
}

/** Builds an `imshow` mark. */
export function imageMark(
  env: MarkEnv,
  mat: { values: Float64Array; rows: number; cols: number },
  o: ImshowOptions,
): Mark {
  const { values, rows, cols } = mat;
  const origin = o.origin ?? 'upper';
  if (origin !== 'upper' && origin !== 'lower') {
    throw new PltError('PLT_INVALID_OPTION', `${env.where}: origin must be 'upper' or 'lower'`);
  }
  const [l, r, b, t] =
    o.extent ??
    (origin === 'upper'
      ? [-0.5, cols - 0.5, rows - 0.5, -0.5]
      : [-0.5, cols - 0.5, -0.5, rows - 0.5]);
  if (![l, r, b, t].every(Number.isFinite) || l === r || b === t) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${env.where}: extent must be four finite numbers [left, right, bottom, top]`,
    );
  }
  let vmin = o.vmin;
  let vmax = o.vmax;
  if (vmin === undefined || vmax === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (lo > hi) [lo, hi] = [0, 1];
    vmin ??= lo;
    vmax ??= hi;
  }
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax) || vmin > vmax) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${env.where}: vmin and vmax must be finite with vmin ≤ vmax`,
    );
  }
  if (vmin === vmax) {
    vmin -= 0.5;
    vmax += 0.5;
  }
  const scheme = colorScheme(o.cmap ?? 'viridis', env.where);
  const n = rows * cols;
  const row = new Float64Array(n);
  const col = new Float64Array(n);
  const x = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  const y2 = new Float64Array(n);
  const dx = (r - l) / cols;
  const y0 = origin === 'upper' ? t : b;
  const dy = (origin === 'upper' ? b - t : t - b) / rows;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      row[k] = i;
      col[k] = j;
      x[k] = l + j * dx;
      x2[k] = l + (j + 1) * dx;
      y[k] = y0 + i * dy;
      y2[k] = y0 + (i + 1) * dy;
    }
  }
  const colorbar =
    o.colorbar === false ? undefined : { lo: vmin, hi: vmax, title: o.colorbarLabel };
  const lo = vmin;
  const hi = vmax;
  return {
    kind: 'imshow',
    id: env.id,
    label: undefined,
    columns: [
      ['row', row],
      ['col', col],
      ['value', values],
    ],
    datasets: [{ name: env.id, fields: { x, x2, y, y2, v: values } }],
    extent(axis) {
      const [a, c] = axis === 'x' ? [l, r] : [b, t];
      return { lo: Math.min(a, c), hi: Math.max(a, c), sticky: [a, c] };
    },
    invertY: b > t,
    colorbar,
    layers(ctx) {
      return [
        {
          data: { name: env.id },
          // Cells grow by a hair on every side, hiding the anti-aliasing seams between
          // neighbours (cells are opaque, so the overlap is invisible).
          mark: { type: 'rect', strokeWidth: 0, clip: true, ...overlap(ctx, dx, dy) },
          encoding: {
            x: ctx.x('x'),
            x2: { field: 'x2' },
            y: ctx.y('y'),
            y2: { field: 'y2' },
            color: {
              field: 'v',
              type: 'quantitative',
              scale: {
                scheme: scheme.scheme,
                reverse: scheme.reverse,
                domain: [lo, hi],
                clamp: true,
              },
              legend: colorbar ? ctx.colorbarLegend(colorbar) : null,
            },
          },
        },
      ];
    },
    legend: undefined,
    obstacles: () => [],
  };
}
