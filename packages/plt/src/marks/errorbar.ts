/** `errorbar`: a line through (x, y) (like matplotlib's default) with x and/or y error bars. */
import type { ErrorbarOptions } from '../plotOptions.js';
import { errorColumns, type Errors } from './errorInput.js';
import { errorBarLayers } from './errorLayers.js';
import { lineMarkDef, pointMarkDef, positiveOpt, strokeOf, type MarkEnv } from './env.js';
import { extentOf, unionExtent, type Column, type Dataset, type Mark } from './types.js';

/** Builds an `errorbar` mark from checked arrays and parsed errors. */
export function errorbarMark(
  env: MarkEnv,
  x: Float64Array,
  y: Float64Array,
  yerr: Errors | undefined,
  xerr: Errors | undefined,
  o: ErrorbarOptions,
): Mark {
  const s = strokeOf(env, o);
  const capsize = positiveOpt(o.capsize, 0, 'capsize', env.where);
  const fields: Record<string, Column> = { x, y };
  const ylo = yerr ? y.map((v, i) => v - yerr.lo[i]!) : undefined;
  const yhi = yerr ? y.map((v, i) => v + yerr.hi[i]!) : undefined;
  const xlo = xerr ? x.map((v, i) => v - xerr.lo[i]!) : undefined;
  const xhi = xerr ? x.map((v, i) => v + xerr.hi[i]!) : undefined;
  if (ylo && yhi) Object.assign(fields, { ylo, yhi });
  if (xlo && xhi) Object.assign(fields, { xlo, xhi });
  const datasets: Dataset[] = [{ name: env.id, fields }];
  const style = { stroke: s.color.css, opacity: s.color.opacity, width: s.width, capsize };
  return {
    kind: 'errorbar',
    id: env.id,
    label: o.label,
    columns: [['x', x], ['y', y], ...errorColumns('yerr', yerr), ...errorColumns('xerr', xerr)],
    datasets,
    extent(axis, log) {
      return axis === 'x'
        ? unionExtent(
            extentOf(x, log),
            xlo ? extentOf(xlo, log) : null,
            xhi ? extentOf(xhi, log) : null,
          )
        : unionExtent(
            extentOf(y, log),
            ylo ? extentOf(ylo, log) : null,
            yhi ? extentOf(yhi, log) : null,
          );
    },
    layers(ctx) {
      const out = [];
      if (s.dash) {
        out.push({
          data: { name: env.id },
          mark: lineMarkDef(s, x.length),
          encoding: { x: ctx.x('x'), y: ctx.y('y'), order: { value: null } },
        });
      }
      if (yerr) out.push(...errorBarLayers(ctx, env.id, 'y', style));
      if (xerr) out.push(...errorBarLayers(ctx, env.id, 'x', style));
      if (s.symbol) {
        out.push({
          data: { name: env.id },
          mark: pointMarkDef(s.symbol, s.color),
          encoding: { x: ctx.x('x'), y: ctx.y('y') },
        });
      }
      return out;
    },
    legend: {
      ...(s.dash
        ? { line: { stroke: s.color.css, opacity: s.color.opacity, width: s.width, dash: s.dash } }
        : {}),
      ...(s.symbol
        ? { symbol: { ...s.symbol, color: s.color.css, opacity: s.color.opacity } }
        : {}),
      bar: { stroke: s.color.css, opacity: s.color.opacity, width: s.width },
    },
    obstacles: () => [
      { type: s.dash ? 'path' : 'points', x, y },
      ...(ylo && yhi
        ? [
            { type: 'points' as const, x, y: ylo },
            { type: 'points' as const, x, y: yhi },
          ]
        : []),
    ],
  };
}
