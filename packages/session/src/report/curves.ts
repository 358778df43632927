/**
 * Metric curves drawn to SVG at report time with @scitex/plt, so the page needs no
 * charting code. plt (and Vega behind it) is imported on the first curve only: importing
 * the report code stays cheap.
 */
import type { Plt } from '@scitex/plt';
import { decimate } from './decimate.js';

/** One line of a curve figure. */
export interface CurveLine {
  x: readonly number[];
  y: readonly number[];
  label?: string;
}

/** Width × height of a curve figure, mm. */
const FIG_MM: readonly [number, number] = [90, 55];
/** More lines than this get no legend (it would cover the plot). */
const MAX_LEGEND = 10;

let pltPromise: Promise<Plt> | null = null;

function loadPlt(): Promise<Plt> {
  pltPromise ??= import('@scitex/plt').then((m) => m.createPlt({ figSizeMm: FIG_MM }));
  return pltPromise;
}

/** One figure, `title` over it, a line per entry of `lines` (each decimated to `maxPoints`). */
export async function curveSvg(
  title: string,
  lines: readonly CurveLine[],
  maxPoints: number,
): Promise<string> {
  const plt = await loadPlt();
  const { fig, axes } = plt.subplots();
  try {
    for (const line of lines) {
      const d = decimate(line.x, line.y, maxPoints);
      const opts: { label?: string; marker?: 'o' } = {};
      if (line.label !== undefined && lines.length <= MAX_LEGEND) opts.label = line.label;
      if (d.x.length === 1) opts.marker = 'o';
      axes.plot(d.x, d.y, opts);
    }
    axes.setTitle(title).setXLabel('step');
    if (lines.length > 1 && lines.length <= MAX_LEGEND && lines.some((l) => l.label)) axes.legend();
    return await fig.toSVG();
  } finally {
    fig.close();
  }
}
