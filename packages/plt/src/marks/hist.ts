/**
 * `hist`: numpy's binning (equal-width bins over the data range, the last bin closed on
 * the right; or explicit edges), drawn as adjacent bars from 0. NaN values are ignored.
 */
import { PltError } from '../errors.js';
import { looksLikeArray, toNumbers } from '../data.js';
import type { HistOptions } from '../plotOptions.js';
import { colorOf, type MarkEnv } from './env.js';
import { rectLayer } from './rects.js';
import { extentOf, unionExtent, type Mark } from './types.js';

/** Counts (or densities) and the bin edges. */
export interface HistResult {
  /** One value per bin: counts, or densities with `density: true`. */
  readonly counts: number[];
  /** `counts.length + 1` edges. */
  readonly edges: number[];
}

/** Bins `data` like numpy.histogram. */
export function histogram(data: Float64Array, o: HistOptions, where: string): HistResult {
  const finite = data.filter((v) => Number.isFinite(v));
  let edges: number[];
  if (looksLikeArray(o.bins)) {
    edges = Array.from(toNumbers(o.bins, `${where}: bins`));
    if (
      edges.length < 2 ||
      edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= edges[i - 1]!))
    ) {
      throw new PltError(
        'PLT_BAD_DATA',
        `${where}: bins must be at least two increasing finite edges`,
      );
    }
  } else {
    const nb = o.bins ?? 10;
    if (typeof nb !== 'number' || !Number.isInteger(nb) || nb < 1 || nb > 1e6) {
      throw new PltError(
        'PLT_INVALID_OPTION',
        `${where}: bins must be a whole number ≥ 1 or an array of edges; got ${String(nb)}`,
      );
    }
    let lo: number;
    let hi: number;
    if (o.range) {
      [lo, hi] = o.range;
      if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
        throw new PltError(
          'PLT_INVALID_OPTION',
          `${where}: range must be [low, high] with low < high`,
        );
      }
    } else if (finite.length === 0) {
      [lo, hi] = [0, 1];
    } else {
      lo = finite.reduce((a, b) => Math.min(a, b), Infinity);
      hi = finite.reduce((a, b) => Math.max(a, b), -Infinity);
    }
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    edges = Array.from({ length: nb + 1 }, (_, i) => (i === nb ? hi : lo + ((hi - lo) * i) / nb));
  }
  const nb = edges.length - 1;
  const counts = new Array<number>(nb).fill(0);
  const first = edges[0]!;
  const last = edges[nb]!;
  for (const v of finite) {
    if (v < first || v > last) continue;
    // Binary search: the bin whose [left, right) holds v; the last bin includes its right edge.
    let lo = 0;
    let hi = nb;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]!) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  if (o.density) {
    const total = counts.reduce((a, b) => a + b, 0);
    for (let i = 0; i < nb; i++)
      counts[i] = total ? counts[i]! / (total * (edges[i + 1]! - edges[i]!)) : 0;
  }
  return { counts, edges };
}

/** Builds a `hist` mark. */
export function histMark(
  env: MarkEnv,
  data: Float64Array,
  o: HistOptions,
): { mark: Mark; result: HistResult } {
  const result = histogram(data, o, env.where);
  const fill = colorOf(env, o.color, o.alpha);
  const nb = result.counts.length;
  const x0 = Float64Array.from(result.edges.slice(0, nb));
  const x1 = Float64Array.from(result.edges.slice(1));
  const y0 = new Float64Array(nb);
  const y1 = Float64Array.from(result.counts);
  const mark: Mark = {
    kind: 'hist',
    id: env.id,
    label: o.label,
    columns: [
      ['data', data],
      ['bin_start', x0],
      ['bin_end', x1],
      [o.density ? 'density' : 'count', y1],
    ],
    datasets: [{ name: env.id, fields: { x: x0, x2: x1, y: y0, y2: y1 } }],
    extent(axis, log) {
      if (axis === 'x') return unionExtent(extentOf(x0, log), extentOf(x1, log));
      const e = unionExtent(extentOf(y0, log), extentOf(y1, log));
      if (e && !log) e.sticky = [0];
      return e;
    },
    layers: (ctx) => [rectLayer(ctx, env.id, fill, undefined)],
    legend: { patch: { fill: fill.css, opacity: fill.opacity } },
    obstacles: () => [{ type: 'rects', x0, x1, y0, y1 }],
  };
  return { mark, result };
}
