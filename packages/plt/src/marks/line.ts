/** `plot`: a polyline through (x, y) in data order, with optional markers. NaN breaks the line. */
import type { LineOptions } from '../plotOptions.js';
import { lineHandle, lineMarkDef, pointMarkDef, strokeOf, type MarkEnv } from './env.js';
import { extentOf, type Mark } from './types.js';

/** Builds a `plot` mark from checked, equal-length arrays. */
export function lineMark(env: MarkEnv, x: Float64Array, y: Float64Array, o: LineOptions): Mark {
  const s = strokeOf(env, o);
  return {
    kind: 'plot',
    id: env.id,
    label: o.label,
    columns: [
      ['x', x],
      ['y', y],
    ],
    datasets: [{ name: env.id, fields: { x, y } }],
    extent: (axis, log) => extentOf(axis === 'x' ? x : y, log),
    layers(ctx) {
      const out = [];
      if (s.dash) {
        out.push({
          data: { name: env.id },
          mark: lineMarkDef(s, x.length),
          encoding: { x: ctx.x('x'), y: ctx.y('y'), order: { value: null } },
        });
      }
      if (s.symbol) {
        out.push({
          data: { name: env.id },
          mark: pointMarkDef(s.symbol, s.color),
          encoding: { x: ctx.x('x'), y: ctx.y('y') },
        });
      }
      return out;
    },
    legend: lineHandle(s),
    obstacles: () =>
      s.dash ? [{ type: 'path', x, y }] : s.symbol ? [{ type: 'points', x, y }] : [],
  };
}
