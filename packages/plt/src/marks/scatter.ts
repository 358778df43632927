/** `scatter`: one marker per (x, y); points with a NaN coordinate are not drawn. */
import type { ScatterOptions } from '../plotOptions.js';
import { symbolFor } from '../style/lineStyle.js';
import { STYLE } from '../style/style.js';
import { colorOf, pointMarkDef, positiveOpt, type MarkEnv } from './env.js';
import { extentOf, type Mark } from './types.js';

/** Builds a `scatter` mark from checked, equal-length arrays. */
export function scatterMark(
  env: MarkEnv,
  x: Float64Array,
  y: Float64Array,
  o: ScatterOptions,
): Mark {
  const color = colorOf(env, o.color, o.alpha);
  const sym = symbolFor(o.marker ?? 'o', env.where) ?? symbolFor('o', env.where)!;
  const size = positiveOpt(o.s, STYLE.scatterSize, 's', env.where) * sym.scale;
  const symbol = { shape: sym.shape, filled: sym.filled, size };
  return {
    kind: 'scatter',
    id: env.id,
    label: o.label,
    columns: [
      ['x', x],
      ['y', y],
    ],
    datasets: [{ name: env.id, fields: { x, y } }],
    extent: (axis, log) => extentOf(axis === 'x' ? x : y, log),
    layers: (ctx) => [
      {
        data: { name: env.id },
        mark: pointMarkDef(symbol, color),
        encoding: { x: ctx.x('x'), y: ctx.y('y') },
      },
    ],
    legend: { symbol: { ...symbol, color: color.css, opacity: color.opacity } },
    obstacles: () => [{ type: 'points', x, y }],
  };
}
