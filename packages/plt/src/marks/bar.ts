/** `bar`: rectangles centred on x, from `bottom` to `bottom + height`, with optional error bars. */
import type { BarOptions } from '../plotOptions.js';
import { resolveColor } from '../style/resolveColor.js';
import { STYLE } from '../style/style.js';
import type { Errors } from './errorInput.js';
import { errorColumns } from './errorInput.js';
import { errorBarLayers } from './errorLayers.js';
import { colorOf, positiveOpt, type MarkEnv } from './env.js';
import { rectLayer } from './rects.js';
import { extentOf, unionExtent, type Column, type Dataset, type Mark } from './types.js';

/** Checked inputs of a bar call. */
export interface BarData {
  /** Bar centres. */
  x: Float64Array;
  /** What the CSV shows as x: the numbers, or the category strings. */
  xLabels: Column;
  height: Float64Array;
  width: Float64Array;
  bottom: Float64Array;
  /** Whether `bottom` was given (then it gets a CSV column). */
  hasBottom: boolean;
  yerr: Errors | undefined;
}

/** Builds a `bar` mark. */
export function barMark(env: MarkEnv, d: BarData, o: BarOptions): Mark {
  const fill = colorOf(env, o.color, o.alpha);
  const edge = o.edgeColor
    ? {
        css: resolveColor(o.edgeColor, undefined, env.paletteAlpha, 0, env.where).css,
        width: positiveOpt(o.lineWidth, STYLE.spineWidth, 'lineWidth', env.where),
      }
    : undefined;
  const capsize = positiveOpt(o.capsize, 0, 'capsize', env.where);
  const n = d.x.length;
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const y0 = new Float64Array(n);
  const y1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x0[i] = d.x[i]! - d.width[i]! / 2;
    x1[i] = d.x[i]! + d.width[i]! / 2;
    y0[i] = d.bottom[i]!;
    y1[i] = d.bottom[i]! + d.height[i]!;
  }
  const datasets: Dataset[] = [{ name: env.id, fields: { x: x0, x2: x1, y: y0, y2: y1 } }];
  let errLo: Float64Array | undefined;
  let errHi: Float64Array | undefined;
  if (d.yerr) {
    errLo = y1.map((v, i) => v - d.yerr!.lo[i]!);
    errHi = y1.map((v, i) => v + d.yerr!.hi[i]!);
    datasets.push({ name: `${env.id}_err`, fields: { x: d.x, ylo: errLo, yhi: errHi } });
  }
  const columns: Array<readonly [string, Column]> = [
    ['x', d.xLabels],
    ['height', d.height],
  ];
  if (d.hasBottom) columns.push(['bottom', d.bottom]);
  columns.push(...errorColumns('yerr', d.yerr));
  return {
    kind: 'bar',
    id: env.id,
    label: o.label,
    columns,
    datasets,
    extent(axis, log) {
      if (axis === 'x') return unionExtent(extentOf(x0, log), extentOf(x1, log));
      const e = unionExtent(
        extentOf(y0, log),
        extentOf(y1, log),
        errLo ? extentOf(errLo, log) : null,
        errHi ? extentOf(errHi, log) : null,
      );
      if (e && !log) e.sticky = [0];
      return e;
    },
    layers(ctx) {
      const out = [rectLayer(ctx, env.id, fill, edge)];
      if (d.yerr) {
        out.push(
          ...errorBarLayers(ctx, `${env.id}_err`, 'y', {
            stroke: STYLE.ink,
            opacity: 1,
            width: positiveOpt(o.lineWidth, env.lineWidth, 'lineWidth', env.where),
            capsize,
          }),
        );
      }
      return out;
    },
    legend: {
      patch: { fill: fill.css, opacity: fill.opacity, ...(edge ? { stroke: edge.css } : {}) },
    },
    obstacles: () => [{ type: 'rects', x0, x1, y0, y1 }],
  };
}
