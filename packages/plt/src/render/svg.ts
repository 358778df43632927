/**
 * Spec → SVG: Vega-Lite compiles the spec, Vega draws it headless. Long lines are
 * decimated first (decimateLines.ts), and the SVG is made deterministic and safe for resvg
 * (svgFixes.ts); rasterising is rasterise.ts.
 */
import { PltError } from '../errors.js';
import { toRows, type VegaLiteSpec } from '../spec/spec.js';
import { decimateLines } from './decimateLines.js';
import { loadEngines } from './engines.js';
import { cells, metaOf, num, type Obj, type RenderInput } from './specGeometry.js';
import { canonicalIds, flattenOpacity, fmt, setRoot } from './svgFixes.js';

function usedDatasets(spec: VegaLiteSpec): Set<string> {
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Obj;
      const d = o['data'] as Obj | undefined;
      if (d && typeof d['name'] === 'string') used.add(d['name']);
      for (const [k, c] of Object.entries(o)) if (k !== 'datasets') walk(c);
    }
  };
  walk(spec);
  return used;
}

/**
 * Renders to an SVG sized in millimetres (viewBox in points). `pxPerPt` chooses the
 * pixel grid lines are decimated for (the PNG's, or the save DPI's for SVG output).
 */
export async function renderSvg(
  input: RenderInput,
  pxPerPt: number,
  options: { decimate?: boolean } = {},
): Promise<string> {
  const { vega, vl } = await loadEngines();
  const meta = metaOf(input.spec);
  const drawn = meta && options.decimate !== false ? decimateLines(input, pxPerPt) : input;
  const used = usedDatasets(drawn.spec);
  const datasets: Obj = {};
  for (const d of drawn.datasets) if (used.has(d.name)) datasets[d.name] = toRows(d.fields);
  try {
    const logger = vega.logger(vega.Error);
    const compiled = vl.compile({ ...drawn.spec, datasets } as never, { logger: logger as never })
      .spec as Obj;
    if (meta) {
      const pad = (input.spec['padding'] ?? {}) as Obj;
      compiled['autosize'] = { type: 'none', contains: 'content' };
      compiled['width'] =
        Math.round((meta.widthPt - num(pad['left']) - num(pad['right'])) * 1e6) / 1e6;
      compiled['height'] =
        Math.round((meta.heightPt - num(pad['top']) - num(pad['bottom'])) * 1e6) / 1e6;
      for (const c of cells(input.spec)) {
        // A plot area outside the canvas makes resvg abort the process; refuse it here.
        if (
          c.w <= 0 ||
          c.h <= 0 ||
          c.x < 0 ||
          c.y < 0 ||
          c.x + c.w > meta.widthPt + 0.01 ||
          c.y + c.h > meta.heightPt + 0.01
        ) {
          throw new Error(
            `a plot area (${fmt(c.w)}×${fmt(c.h)} pt at ${fmt(c.x)}, ${fmt(c.y)}) lies outside the ${fmt(meta.widthPt)}×${fmt(meta.heightPt)} pt figure`,
          );
        }
      }
    }
    const view = new vega.View(vega.parse(compiled as never), {
      renderer: 'none',
      logLevel: vega.Error,
    });
    const svg = flattenOpacity(canonicalIds(await view.toSVG()));
    view.finalize();
    if (!meta) return svg;
    return setRoot(
      svg,
      `width="${fmt(meta.figSizeMm[0])}mm" height="${fmt(meta.figSizeMm[1])}mm" viewBox="0 0 ${meta.widthPt} ${meta.heightPt}"`,
    );
  } catch (cause) {
    throw new PltError(
      'PLT_RENDER_FAILED',
      `could not draw the figure: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}
