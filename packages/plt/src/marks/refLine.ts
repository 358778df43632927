/** `axhline` / `axvline`: a line across the axes at a data value (from/to as axes fractions). */
import { PltError } from '../errors.js';
import type { RefLineOptions } from '../plotOptions.js';
import { STYLE } from '../style/style.js';
import { lineHandle, strokeOf, type MarkEnv } from './env.js';
import type { Mark } from './types.js';

/** Builds an `axhline` (dir 'h') or `axvline` (dir 'v') mark. */
export function refLineMark(env: MarkEnv, dir: 'h' | 'v', value: number, o: RefLineOptions): Mark {
  const s = strokeOf(env, {
    ...o,
    color: o.color ?? STYLE.ink,
    alpha: o.alpha ?? (o.color === undefined ? 1 : undefined),
  });
  const from = o.from ?? 0;
  const to = o.to ?? 1;
  if (!(from >= 0 && to <= 1 && from < to)) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${env.where}: from/to must be axes fractions with 0 ≤ from < to ≤ 1`,
    );
  }
  const v = Float64Array.of(value);
  const kind = dir === 'h' ? 'axhline' : 'axvline';
  return {
    kind,
    id: env.id,
    label: o.label,
    columns: [[dir === 'h' ? 'y' : 'x', v]],
    datasets: [],
    extent: (axis, log) =>
      (axis === 'y') === (dir === 'h') && Number.isFinite(value) && (!log || value > 0)
        ? { lo: value, hi: value }
        : null,
    layers(ctx) {
      if (!s.dash || !Number.isFinite(value)) return [];
      const mark: Record<string, unknown> = {
        type: 'rule',
        stroke: s.color.css,
        opacity: s.color.opacity,
        strokeWidth: s.width,
        strokeCap: 'butt',
        clip: true,
      };
      if (s.dash.length) mark['strokeDash'] = s.dash;
      // Pixel positions along the axes (the axes' own units are points).
      const enc =
        dir === 'h'
          ? { y: ctx.yDatum(value), x: { value: from * ctx.width }, x2: { value: to * ctx.width } }
          : {
              x: ctx.xDatum(value),
              y: { value: (1 - to) * ctx.height },
              y2: { value: (1 - from) * ctx.height },
            };
      return [{ data: { values: [{}] }, mark, encoding: enc }];
    },
    legend: lineHandle(s),
    obstacles: () => [],
  };
}
