/** `fillBetween`: the area between y1 and y2 over x; NaN breaks the area. */
import type { FillBetweenOptions } from '../plotOptions.js';
import { colorOf, type MarkEnv } from './env.js';
import { extentOf, unionExtent, type Mark } from './types.js';

/** Builds a `fillBetween` mark from checked, equal-length arrays. */
export function fillMark(
  env: MarkEnv,
  x: Float64Array,
  y1: Float64Array,
  y2: Float64Array,
  o: FillBetweenOptions,
): Mark {
  const fill = colorOf(env, o.color, o.alpha);
  return {
    kind: 'fillBetween',
    id: env.id,
    label: o.label,
    columns: [
      ['x', x],
      ['y1', y1],
      ['y2', y2],
    ],
    datasets: [{ name: env.id, fields: { x, y: y1, y2 } }],
    extent: (axis, log) =>
      axis === 'x' ? extentOf(x, log) : unionExtent(extentOf(y1, log), extentOf(y2, log)),
    layers: (ctx) => [
      {
        data: { name: env.id },
        mark: { type: 'area', fill: fill.css, opacity: fill.opacity, strokeWidth: 0, clip: true },
        encoding: { x: ctx.x('x'), y: ctx.y('y'), y2: { field: 'y2' }, order: { value: null } },
      },
    ],
    legend: { patch: { fill: fill.css, opacity: fill.opacity } },
    obstacles: () => [
      { type: 'path', x, y: y1 },
      { type: 'path', x, y: y2 },
    ],
  };
}
