/** Error bars and caps as Vega-Lite layers over a dataset with fields lo/hi (and the point). */
import type { Layer, LayerContext } from './types.js';

/** Vertical (dir 'y') or horizontal (dir 'x') error bars with optional caps. */
export function errorBarLayers(
  ctx: LayerContext,
  name: string,
  dir: 'x' | 'y',
  style: { stroke: string; opacity: number; width: number; capsize: number },
): Layer[] {
  const lo = `${dir}lo`;
  const hi = `${dir}hi`;
  const rule =
    dir === 'y'
      ? { x: ctx.x('x'), y: ctx.y(lo), y2: { field: hi } }
      : { y: ctx.y('y'), x: ctx.x(lo), x2: { field: hi } };
  const mark = {
    stroke: style.stroke,
    opacity: style.opacity,
    strokeWidth: style.width,
    clip: true,
  };
  const out: Layer[] = [{ data: { name }, mark: { type: 'rule', ...mark }, encoding: rule }];
  if (style.capsize > 0) {
    for (const end of [lo, hi]) {
      const enc = dir === 'y' ? { x: ctx.x('x'), y: ctx.y(end) } : { x: ctx.x(end), y: ctx.y('y') };
      out.push({
        data: { name },
        mark: {
          type: 'tick',
          orient: dir === 'y' ? 'horizontal' : 'vertical',
          size: style.capsize * 2,
          thickness: style.width,
          color: style.stroke,
          opacity: style.opacity,
          clip: true,
        },
        encoding: enc,
      });
    }
  }
  return out;
}
