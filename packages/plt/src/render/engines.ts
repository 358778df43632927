/**
 * Loads the heavy renderers on first use — never at import time. Vega and Vega-Lite are
 * evaluated from their single-file (UMD) bundles rather than imported as ES modules: the
 * module graphs cost ~200 ms each to resolve, link and compile, the bundles ~50 ms and
 * ~15 ms (measured; see README). The bundles are evaluated into private objects, so
 * patching Vega's text measurement (below) touches no one else's copy of vega.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Vm from 'node:vm';
import type * as VegaNS from 'vega';
import type * as VegaLiteNS from 'vega-lite';
import type * as ResvgNS from '@resvg/resvg-js';
import { textWidth } from '../fonts/fonts.js';

/** The loaded renderers. */
export interface Engines {
  readonly vega: typeof VegaNS;
  readonly vl: typeof VegaLiteNS;
  readonly resvg: typeof ResvgNS;
}

let loading: Promise<Engines> | undefined;

/**
 * Evaluates `<package dir>/<file>`, a UMD bundle, into a fresh exports object; undefined
 * when the file is missing or does not export `probe` (then the caller imports normally).
 */
function loadUmd(
  pkg: string,
  file: string,
  probe: string,
  deps: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const require = createRequire(import.meta.url);
  const bundle = join(dirname(require.resolve(pkg)), file);
  if (!existsSync(bundle)) return undefined;
  const src = readFileSync(bundle, 'utf8');
  // The UMD wrapper takes its CommonJS branch when given `exports`, `module` and `require`.
  // node:vm loads with the first render, not with the package.
  const vm = require('node:vm') as typeof Vm;
  const fn = vm.runInThisContext(`(function (exports, module, define, require) {${src}\n})`, {
    filename: bundle,
  }) as (e: object, m: object, d: undefined, r: (id: string) => unknown) => void;
  const exp: Record<string, unknown> = {};
  const req = (id: string): unknown => {
    if (id in deps) return deps[id];
    throw new Error(`${file} asked for ${id}`);
  };
  fn(exp, { exports: exp }, undefined, req);
  return typeof exp[probe] === 'function' ? exp : undefined;
}

async function loadVega(): Promise<typeof VegaNS> {
  const v = loadUmd('vega', 'vega.min.js', 'parse', {});
  return v ? (v as unknown as typeof VegaNS) : import('vega');
}

async function loadVegaLite(vega: typeof VegaNS): Promise<typeof VegaLiteNS> {
  const v = loadUmd('vega-lite', 'vega-lite.min.js', 'compile', { vega });
  return v ? (v as unknown as typeof VegaLiteNS) : import('vega-lite');
}

function useOurTextMetrics(vega: typeof VegaNS): void {
  // Vega measures text only to place labels and titles; without a canvas it guesses
  // 0.8 em per character. Measuring with the font resvg draws keeps the layout true.
  const tm = (vega as unknown as { textMetrics: unknown }).textMetrics as {
    width: (item: { fontSize?: number }, text: unknown) => number;
  };
  tm.width = (item, text) => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    return s && size > 0 ? textWidth(s, size) : 0;
  };
}

/** Vega, Vega-Lite and resvg, loaded once. */
export function loadEngines(): Promise<Engines> {
  loading ??= (async () => {
    const resvg = import('@resvg/resvg-js');
    const vega = await loadVega();
    const vl = await loadVegaLite(vega);
    useOurTextMetrics(vega);
    return { vega, vl, resvg: await resvg };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
