/**
 * `boxplot`: matplotlib's statistics — quartiles by linear interpolation (numpy's default
 * percentile), whiskers at the furthest data within 1.5 IQR of the box, fliers beyond.
 * Boxes are outlined in black with the median in orange, as matplotlib draws them.
 */
import { paletteHex } from '../style/colors.js';
import { PltError } from '../errors.js';
import type { BoxplotOptions } from '../plotOptions.js';
import { resolveColor } from '../style/resolveColor.js';
import { positiveOpt, type MarkEnv } from './env.js';
import type { Column, Layer, Mark } from './types.js';

/** Box statistics of one group. */
export interface BoxStats {
  readonly q1: number;
  readonly med: number;
  readonly q3: number;
  readonly lo: number;
  readonly hi: number;
  readonly fliers: number[];
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const f = h - i;
  return f === 0 ? sorted[i]! : sorted[i]! + f * (sorted[i + 1]! - sorted[i]!);
}

/** matplotlib.cbook.boxplot_stats for one group (NaN dropped). */
export function boxStats(data: Float64Array, whis: number): BoxStats | null {
  const s = data.filter((v) => Number.isFinite(v)).sort();
  if (s.length === 0) return null;
  const q1 = quantile(s, 0.25);
  const med = quantile(s, 0.5);
  const q3 = quantile(s, 0.75);
  const iqr = q3 - q1;
  const loLimit = q1 - whis * iqr;
  const hiLimit = q3 + whis * iqr;
  let lo = q1;
  let hi = q3;
  for (const v of s) {
    if (v >= loLimit) {
      lo = Math.min(v, q1);
      break;
    }
  }
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i]! <= hiLimit) {
      hi = Math.max(s[i]!, q3);
      break;
    }
  }
  const fliers = Array.from(s).filter((v) => v < lo || v > hi);
  return { q1, med, q3, lo, hi, fliers };
}

function columnName(label: string | undefined, i: number): string {
  if (label === undefined) return `data_${i}`;
  return label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || `data_${i}`;
}

/** Builds a `boxplot` mark from checked groups. */
export function boxplotMark(env: MarkEnv, groups: Float64Array[], o: BoxplotOptions): Mark {
  const n = groups.length;
  const positions = o.positions ?? groups.map((_, i) => i + 1);
  if (positions.length !== n || !positions.every(Number.isFinite)) {
    throw new PltError(
      'PLT_BAD_DATA',
      `${env.where}: positions must be ${n} finite numbers, one per box`,
    );
  }
  if (o.labels && o.labels.length !== n) {
    throw new PltError(
      'PLT_BAD_DATA',
      `${env.where}: labels has ${o.labels.length} entries but there are ${n} boxes`,
    );
  }
  const whis = positiveOpt(o.whis, 1.5, 'whis', env.where);
  const w = positiveOpt(o.widths, 0.5, 'widths', env.where);
  const lw = positiveOpt(o.lineWidth, env.lineWidth, 'lineWidth', env.where);
  const edge =
    o.color === undefined
      ? { css: '#000000', opacity: 1 }
      : resolveColor(o.color, o.alpha, env.paletteAlpha, 0, env.where);
  const medianColor = paletteHex('orange')!;
  const stats = groups.map((g) => boxStats(g, whis));
  const keep = stats
    .map((s, i) => [s, positions[i]!] as const)
    .filter(([s]) => s !== null) as Array<readonly [BoxStats, number]>;
  const col = (f: (s: BoxStats, p: number) => number): Float64Array =>
    Float64Array.from(keep.map(([s, p]) => f(s, p)));
  const fields = {
    x: col((_, p) => p - w / 2),
    x2: col((_, p) => p + w / 2),
    pos: col((_, p) => p),
    capl: col((_, p) => p - w / 4),
    capr: col((_, p) => p + w / 4),
    q1: col((s) => s.q1),
    med: col((s) => s.med),
    q3: col((s) => s.q3),
    lo: col((s) => s.lo),
    hi: col((s) => s.hi),
  };
  const fx: number[] = [];
  const fy: number[] = [];
  if (o.showFliers !== false) {
    for (const [s, p] of keep) {
      for (const v of s.fliers) {
        fx.push(p);
        fy.push(v);
      }
    }
  }
  const fliers = { x: Float64Array.from(fx), y: Float64Array.from(fy) };
  const columns: Array<readonly [string, Column]> = groups.map(
    (g, i) => [columnName(o.labels?.[i], i), g] as const,
  );
  const stroke = { stroke: edge.css, opacity: edge.opacity, strokeWidth: lw, clip: true };
  const allLo = Math.min(...keep.map(([s]) => Math.min(s.lo, ...s.fliers)));
  const allHi = Math.max(...keep.map(([s]) => Math.max(s.hi, ...s.fliers)));
  return {
    kind: 'boxplot',
    id: env.id,
    label: o.label,
    columns,
    datasets: [
      { name: env.id, fields },
      { name: `${env.id}_fliers`, fields: fliers },
    ],
    extent(axis, log) {
      if (keep.length === 0) return null;
      if (axis === 'x') {
        const lo = Math.min(...positions) - 0.5;
        const hi = Math.max(...positions) + 0.5;
        return log && lo <= 0 ? null : { lo, hi, sticky: [lo, hi] };
      }
      return log && allLo <= 0 ? null : { lo: allLo, hi: allHi };
    },
    layers(ctx) {
      const d = { name: env.id };
      const out: Layer[] = [
        {
          data: d,
          mark: { type: 'rule', ...stroke },
          encoding: { x: ctx.x('pos'), y: ctx.y('lo'), y2: { field: 'q1' } },
        },
        {
          data: d,
          mark: { type: 'rule', ...stroke },
          encoding: { x: ctx.x('pos'), y: ctx.y('q3'), y2: { field: 'hi' } },
        },
        {
          data: d,
          mark: { type: 'rule', ...stroke },
          encoding: { x: ctx.x('capl'), x2: { field: 'capr' }, y: ctx.y('lo') },
        },
        {
          data: d,
          mark: { type: 'rule', ...stroke },
          encoding: { x: ctx.x('capl'), x2: { field: 'capr' }, y: ctx.y('hi') },
        },
        {
          data: d,
          mark: { type: 'rect', fill: 'white', fillOpacity: 0, ...stroke },
          encoding: { x: ctx.x('x'), x2: { field: 'x2' }, y: ctx.y('q1'), y2: { field: 'q3' } },
        },
        {
          data: d,
          mark: { type: 'rule', ...stroke, stroke: medianColor, opacity: 1 },
          encoding: { x: ctx.x('x'), x2: { field: 'x2' }, y: ctx.y('med') },
        },
      ];
      if (fx.length) {
        out.push({
          data: { name: `${env.id}_fliers` },
          mark: {
            type: 'point',
            shape: 'circle',
            filled: false,
            stroke: edge.css,
            opacity: edge.opacity,
            strokeWidth: lw * 0.8,
            size: 16,
            clip: true,
          },
          encoding: { x: ctx.x('x'), y: ctx.y('y') },
        });
      }
      return out;
    },
    legend: { patch: { fill: 'white', opacity: 1, stroke: edge.css } },
    obstacles: () => [
      { type: 'rects', x0: fields.x, x1: fields.x2, y0: fields.lo, y1: fields.hi },
      { type: 'points', x: fliers.x, y: fliers.y },
    ],
    // One tick per box, as matplotlib: the label, or the position itself.
    xTicks: { values: positions, labels: o.labels ?? positions.map((p) => String(p)) },
  };
}
