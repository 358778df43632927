/**
 * The axes legend, drawn as plain marks at point positions inside the plot area (no
 * frame, as the house style): a handle per labelled element (line, marker, patch) and its
 * label. `loc: 'best'` tries matplotlib's candidate places in matplotlib's order and takes
 * the first that covers the fewest data points and line segments.
 */
import { scaleFn, type AxisScale } from './autoscale.js';
import { textWidth } from '../fonts/fonts.js';
import type { Layer, LegendHandle, Mark, Obstacle } from '../marks/types.js';
import type { LegendLoc, LegendOptions } from '../plotOptions.js';
import { STYLE } from '../style/style.js';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Fixed legend positions, in the order `loc: 'best'` tries them (matplotlib's order). */
export const LEGEND_POSITIONS: readonly Exclude<LegendLoc, 'best'>[] = [
  'upper right',
  'upper left',
  'lower left',
  'lower right',
  'right',
  'center left',
  'center right',
  'lower center',
  'upper center',
  'center',
];

function place(
  loc: Exclude<LegendLoc, 'best'>,
  W: number,
  H: number,
  w: number,
  h: number,
  pad: number,
): Box {
  const left = pad;
  const right = W - pad - w;
  const cx = (W - w) / 2;
  const top = pad;
  const bottom = H - pad - h;
  const cy = (H - h) / 2;
  const [x0, y0] = (
    {
      'upper right': [right, top],
      'upper left': [left, top],
      'lower left': [left, bottom],
      'lower right': [right, bottom],
      right: [right, cy],
      'center left': [left, cy],
      'center right': [right, cy],
      'lower center': [cx, bottom],
      'upper center': [cx, top],
      center: [cx, cy],
    } as const
  )[loc];
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

function segmentHits(b: Box, ax: number, ay: number, bx: number, by: number): boolean {
  // Liang–Barsky clipping: does the segment touch the box?
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, ax - b.x0) && clip(dx, b.x1 - ax) && clip(-dy, ay - b.y0) && clip(dy, b.y1 - ay);
}

/** How much of the data a box would cover: points inside plus segments crossing it. */
function badness(
  b: Box,
  obstacles: Obstacle[],
  fx: (v: number) => number,
  fy: (v: number) => number,
): number {
  let n = 0;
  const inside = (px: number, py: number): boolean =>
    px >= b.x0 && px <= b.x1 && py >= b.y0 && py <= b.y1;
  for (const o of obstacles) {
    if (o.type === 'rects') {
      for (let i = 0; i < o.x0.length; i++) {
        const xa = Math.min(fx(o.x0[i]!), fx(o.x1[i]!));
        const xb = Math.max(fx(o.x0[i]!), fx(o.x1[i]!));
        const ya = Math.min(fy(o.y0[i]!), fy(o.y1[i]!));
        const yb = Math.max(fy(o.y0[i]!), fy(o.y1[i]!));
        if (xa <= b.x1 && xb >= b.x0 && ya <= b.y1 && yb >= b.y0) n++;
      }
      continue;
    }
    let px = NaN;
    let py = NaN;
    for (let i = 0; i < o.x.length; i++) {
      const qx = fx(o.x[i]!);
      const qy = fy(o.y[i]!);
      if (Number.isFinite(qx) && Number.isFinite(qy)) {
        if (inside(qx, qy)) n++;
        else if (o.type === 'path' && Number.isFinite(px) && segmentHits(b, px, py, qx, qy)) n++;
      }
      px = qx;
      py = qy;
    }
  }
  return n;
}

/** Legend layers for an axes `W`×`H` points; empty when no element has a label. */
export function legendLayers(
  marks: readonly Mark[],
  opts: LegendOptions,
  x: AxisScale,
  y: AxisScale,
  W: number,
  H: number,
): Layer[] {
  const entries = marks.filter((m) => m.label !== undefined && m.label !== '' && m.legend) as Array<
    Mark & { label: string; legend: LegendHandle }
  >;
  if (entries.length === 0) return [];
  const em = opts.fontSize ?? STYLE.legendSize;
  const borderPad = 0.4 * em;
  const handleLen = 2 * em;
  const handleTextPad = 0.8 * em;
  const spacing = 0.5 * em;
  const rowH = em;
  const titleRows = opts.title ? 1 : 0;
  const textW = Math.max(
    ...entries.map((e) => handleLen + handleTextPad + textWidth(e.label, em)),
    opts.title ? textWidth(opts.title, em) : 0,
  );
  const w = 2 * borderPad + textW;
  const rows = entries.length + titleRows;
  const h = 2 * borderPad + rows * rowH + (rows - 1) * spacing;
  const pad = 0.5 * em;
  let box: Box;
  const loc = opts.loc ?? 'best';
  if (loc === 'best') {
    const fx = scaleFn(x, W);
    const fyUp = scaleFn(y, H);
    const fy = (v: number): number => H - fyUp(v);
    const obstacles = marks.flatMap((m) => m.obstacles());
    let best: { box: Box; bad: number } | undefined;
    for (const l of LEGEND_POSITIONS) {
      const b = place(l, W, H, w, h, pad);
      const bad = badness(b, obstacles, fx, fy);
      if (!best || bad < best.bad) best = { box: b, bad };
      if (bad === 0) break;
    }
    box = best!.box;
  } else {
    box = place(loc, W, H, w, h, pad);
  }
  const out: Layer[] = [];
  const one = [{}];
  const hx0 = box.x0 + borderPad;
  const hx1 = hx0 + handleLen;
  const hxm = (hx0 + hx1) / 2;
  const tx = hx1 + handleTextPad;
  let rowTop = box.y0 + borderPad;
  const text = (s: string, xPos: number, yc: number): Layer => ({
    data: { values: one },
    mark: {
      type: 'text',
      text: s,
      fontSize: em,
      font: STYLE.fontFamily,
      fill: STYLE.ink,
      align: 'left',
      baseline: 'middle',
    },
    encoding: { x: { value: xPos }, y: { value: yc } },
  });
  if (opts.title) {
    out.push(text(opts.title, box.x0 + borderPad, rowTop + rowH / 2));
    rowTop += rowH + spacing;
  }
  for (const e of entries) {
    const yc = rowTop + rowH / 2;
    const hd = e.legend;
    if (hd.patch) {
      const mark: Record<string, unknown> = {
        type: 'rect',
        fill: hd.patch.fill,
        opacity: hd.patch.opacity,
        strokeWidth: 0,
      };
      if (hd.patch.stroke)
        Object.assign(mark, { stroke: hd.patch.stroke, strokeWidth: STYLE.spineWidth });
      out.push({
        data: { values: one },
        mark,
        encoding: {
          x: { value: hx0 },
          x2: { value: hx1 },
          y: { value: yc - 0.35 * em },
          y2: { value: yc + 0.35 * em },
        },
      });
    }
    if (hd.line) {
      const mark: Record<string, unknown> = {
        type: 'rule',
        stroke: hd.line.stroke,
        opacity: hd.line.opacity,
        strokeWidth: hd.line.width,
        strokeCap: 'butt',
      };
      if (hd.line.dash.length) mark['strokeDash'] = hd.line.dash;
      out.push({
        data: { values: one },
        mark,
        encoding: { x: { value: hx0 }, x2: { value: hx1 }, y: { value: yc } },
      });
    }
    if (hd.bar) {
      out.push({
        data: { values: one },
        mark: {
          type: 'rule',
          stroke: hd.bar.stroke,
          opacity: hd.bar.opacity,
          strokeWidth: hd.bar.width,
        },
        encoding: { x: { value: hxm }, y: { value: yc - 0.5 * em }, y2: { value: yc + 0.5 * em } },
      });
    }
    if (hd.symbol) {
      const s = hd.symbol;
      out.push({
        data: { values: one },
        mark: s.filled
          ? {
              type: 'point',
              shape: s.shape,
              filled: true,
              fill: s.color,
              opacity: s.opacity,
              size: s.size,
              strokeWidth: 0,
            }
          : {
              type: 'point',
              shape: s.shape,
              filled: false,
              stroke: s.color,
              opacity: s.opacity,
              size: s.size,
              strokeWidth: 1,
            },
        encoding: { x: { value: hxm }, y: { value: yc } },
      });
    }
    out.push(text(e.label, tx, yc));
    rowTop += rowH + spacing;
  }
  return out;
}
