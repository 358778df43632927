/**
 * Rebuilds an image from a saved `.vl.json` alone — no script needed. Our specs carry the
 * figure size and DPI in `usermeta.scitex`, so the result matches the original save;
 * foreign Vega-Lite specs render at Vega's own size (1 unit = 1 pt).
 */
import { readFileSync } from 'node:fs';
import { PltError } from '../errors.js';
import { formatOf, writeAtomic } from './files.js';
import type { Column } from '../marks/types.js';
import { pixelSize, svgToPng } from '../render/rasterise.js';
import { metaOf, type RenderInput } from '../render/specGeometry.js';
import { renderSvg } from '../render/svg.js';
import type { VegaLiteSpec } from '../spec/spec.js';

/** Options of `rerender`. */
export interface RerenderOptions {
  /** PNG resolution (default: the `dpiSave` recorded in the spec, else 300). */
  dpi?: number;
}

function toColumns(rows: unknown): Record<string, Column> {
  if (!Array.isArray(rows)) return {};
  const keys = new Set<string>();
  for (const r of rows) if (r && typeof r === 'object') for (const k of Object.keys(r)) keys.add(k);
  const out: Record<string, Column> = {};
  for (const k of keys) {
    const vals = rows.map((r) =>
      r && typeof r === 'object' ? (r as Record<string, unknown>)[k] : undefined,
    );
    out[k] = vals.every((v) => typeof v === 'number' || v === null || v === undefined)
      ? Float64Array.from(vals, (v) => (typeof v === 'number' ? v : NaN))
      : (vals as string[]);
  }
  return out;
}

/** Reads a spec file and splits its inline datasets into columns. */
export function readSpec(path: string): RenderInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new PltError(
      'PLT_BAD_DATA',
      `cannot read a Vega-Lite spec from ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PltError('PLT_BAD_DATA', `${path} does not hold a Vega-Lite spec (a JSON object)`);
  }
  const { datasets, ...spec } = parsed as VegaLiteSpec & { datasets?: Record<string, unknown> };
  return {
    spec,
    datasets: Object.entries(datasets ?? {}).map(([name, rows]) => ({
      name,
      fields: toColumns(rows),
    })),
  };
}

/** Renders `specPath` to `outPath` (.png or .svg; .vl.json/.json copies the spec). Returns `[outPath]`. */
export async function rerenderFile(
  specPath: string,
  outPath: string,
  options: RerenderOptions = {},
): Promise<string[]> {
  const { format } = formatOf(outPath);
  const input = readSpec(specPath);
  if (format === 'json') {
    writeAtomic(outPath, readFileSync(specPath));
    return [outPath];
  }
  const meta = metaOf(input.spec);
  const dpi = options.dpi ?? meta?.dpiSave ?? 300;
  if (typeof dpi !== 'number' || !Number.isFinite(dpi) || dpi <= 0 || dpi > 2400) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `dpi must be a number in (0, 2400]; got ${String(dpi)}`,
    );
  }
  if (format === 'svg') {
    writeAtomic(outPath, await renderSvg(input, dpi / 72));
    return [outPath];
  }
  if (meta) {
    const [pw, ph] = pixelSize(meta, dpi);
    const svg = await renderSvg(input, pw / meta.widthPt);
    writeAtomic(outPath, await svgToPng(svg, pw, ph, dpi));
  } else {
    const svg = await renderSvg(input, dpi / 72);
    const head = svg.slice(0, svg.indexOf('>'));
    const w = Number(/width="([\d.]+)"/.exec(head)?.[1] ?? 0);
    const h = Number(/height="([\d.]+)"/.exec(head)?.[1] ?? 0);
    writeAtomic(
      outPath,
      await svgToPng(
        svg,
        Math.max(1, Math.round((w * dpi) / 72)),
        Math.max(1, Math.round((h * dpi) / 72)),
        dpi,
      ),
    );
  }
  return [outPath];
}
