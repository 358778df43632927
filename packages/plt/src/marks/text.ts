/** `text`: a string at (x, y) in data units or axes fractions. */
import { PltError } from '../errors.js';
import type { TextOptions } from '../plotOptions.js';
import { resolveColor } from '../style/resolveColor.js';
import { STYLE } from '../style/style.js';
import { positiveOpt, type MarkEnv } from './env.js';
import type { Mark } from './types.js';

/** Builds a `text` mark. */
export function textMark(env: MarkEnv, x: number, y: number, text: string, o: TextOptions): Mark {
  if (typeof text !== 'string')
    throw new PltError('PLT_BAD_DATA', `${env.where}: the text must be a string`);
  const color = resolveColor(
    o.color ?? STYLE.ink,
    o.alpha ?? (o.color === undefined ? 1 : undefined),
    env.paletteAlpha,
    0,
    env.where,
  );
  const fontSize = positiveOpt(o.fontSize, STYLE.textSize, 'fontSize', env.where);
  const coords = o.coords ?? 'data';
  if (coords !== 'data' && coords !== 'axes')
    throw new PltError('PLT_INVALID_OPTION', `${env.where}: coords must be 'data' or 'axes'`);
  const xs = Float64Array.of(x);
  const ys = Float64Array.of(y);
  const va = o.va ?? 'baseline';
  const baseline = va === 'center' ? 'middle' : va === 'baseline' ? 'alphabetic' : va;
  return {
    kind: 'text',
    id: env.id,
    label: undefined,
    columns: [
      ['x', xs],
      ['y', ys],
      ['text', [text]],
    ],
    datasets: [],
    extent: () => null,
    layers(ctx) {
      const pos =
        coords === 'data'
          ? { x: ctx.xDatum(x), y: ctx.yDatum(y) }
          : { x: { value: x * ctx.width }, y: { value: (1 - y) * ctx.height } };
      return [
        {
          data: { values: [{}] },
          mark: {
            type: 'text',
            text,
            fontSize,
            fill: color.css,
            opacity: color.opacity,
            align: o.ha ?? 'left',
            baseline,
            angle: o.rotation ? -o.rotation : 0,
            font: STYLE.fontFamily,
          },
          encoding: pos,
        },
      ];
    },
    legend: undefined,
    obstacles: () => [],
  };
}
