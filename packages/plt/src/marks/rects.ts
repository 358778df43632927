/**
 * Filled rectangles in data units — the drawing shared by `bar` and `hist`: a dataset with
 * fields `x`, `x2`, `y`, `y2`, drawn as one `rect` layer.
 */
import type { ResolvedColor } from '../style/colors.js';
import type { Layer, LayerContext } from './types.js';

/** The rect layer for dataset `name`. */
export function rectLayer(
  ctx: LayerContext,
  name: string,
  fill: ResolvedColor,
  edge: { css: string; width: number } | undefined,
): Layer {
  const mark: Record<string, unknown> = {
    type: 'rect',
    fill: fill.css,
    opacity: fill.opacity,
    clip: true,
  };
  if (edge) Object.assign(mark, { stroke: edge.css, strokeWidth: edge.width });
  else mark['strokeWidth'] = 0;
  return {
    data: { name },
    mark,
    encoding: { x: ctx.x('x'), x2: { field: 'x2' }, y: ctx.y('y'), y2: { field: 'y2' } },
  };
}
