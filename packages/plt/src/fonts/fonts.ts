/**
 * The fonts every figure is drawn with: Arimo (metric-compatible with Arial, SIL OFL),
 * shipped as an npm dependency and handed to resvg as files, with system fonts off. The
 * same bytes on every machine make figures identical across machines, and skipping the
 * system font scan saves time.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFontMetrics, type FontMetrics } from './fontMetrics.js';

/** The family name resvg knows the shipped font by. */
export const FONT_FAMILY = 'Arimo';

let dir: string | undefined;
let metrics: FontMetrics | undefined;

function fontDir(): string {
  if (dir === undefined) {
    const require = createRequire(import.meta.url);
    dir = dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
  }
  return dir;
}

/** Paths of the regular, bold, italic and bold-italic font files. */
export function fontFiles(): string[] {
  const d = fontDir();
  return [
    join(d, '400Regular', 'Arimo_400Regular.ttf'),
    join(d, '700Bold', 'Arimo_700Bold.ttf'),
    join(d, '400Regular_Italic', 'Arimo_400Regular_Italic.ttf'),
    join(d, '700Bold_Italic', 'Arimo_700Bold_Italic.ttf'),
  ];
}

/** Metrics of the regular face (read once, on first use). */
export function textMetrics(): FontMetrics {
  metrics ??= readFontMetrics(fontFiles()[0]!);
  return metrics;
}

/** Width of `text` at `fontSize` points, in points. */
export function textWidth(text: string, fontSize: number): number {
  return textMetrics().width(text, fontSize);
}
