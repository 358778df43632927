/**
 * SVG → PNG (resvg) at an exact pixel size, with the DPI recorded in the file.
 */
import { PltError } from '../errors.js';
import { FONT_FAMILY, fontFiles, textMetrics } from '../fonts/fonts.js';
import type { SpecMeta } from '../spec/spec.js';
import { loadEngines } from './engines.js';
import { withDpi } from './png.js';
import { setRoot, viewBoxOf } from './svgFixes.js';

/** Pixel size of a PNG of the figure at `dpi` (mm × dpi / 25.4, rounded). */
export function pixelSize(meta: Pick<SpecMeta, 'figSizeMm'>, dpi: number): [number, number] {
  return [
    Math.round((meta.figSizeMm[0] / 25.4) * dpi),
    Math.round((meta.figSizeMm[1] / 25.4) * dpi),
  ];
}

/** Whether some text in the SVG needs glyphs the shipped font lacks (e.g. CJK). */
function needsSystemFonts(svg: string): boolean {
  const m = textMetrics();
  for (const t of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
    for (const ch of t[1]!)
      if (ch.codePointAt(0)! > 0x7e && !m.has(ch.codePointAt(0)!)) return true;
  }
  return false;
}

/**
 * Rasterises an SVG to exactly `width`×`height` pixels and records `dpi` in the PNG. Only
 * the shipped fonts are used — unless some text needs a glyph they lack; then system fonts
 * fill in (so the figure may differ between machines).
 */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  dpi: number,
): Promise<Buffer> {
  const { resvg } = await loadEngines();
  const [vw, vh] = viewBoxOf(svg);
  const sized = setRoot(
    svg,
    `width="${width}" height="${height}" viewBox="0 0 ${vw} ${vh}" preserveAspectRatio="none"`,
  );
  try {
    const img = await resvg.renderAsync(sized, {
      font: {
        loadSystemFonts: needsSystemFonts(svg),
        fontFiles: fontFiles(),
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
      },
      logLevel: 'off',
    });
    return withDpi(img.asPng(), dpi);
  } catch (cause) {
    throw new PltError(
      'PLT_RENDER_FAILED',
      `could not rasterise the figure: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}
