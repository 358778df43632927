/**
 * Matplotlib's line styles and marker codes, translated to Vega mark properties. Dash
 * patterns are matplotlib's, scaled by the line width as matplotlib does.
 */
import { PltError } from '../errors.js';

/** Matplotlib line styles: `'-'` solid, `'--'` dashed, `':'` dotted, `'-.'` dash-dot, `'none'`/`''` no line. */
export type Linestyle =
  '-' | '--' | ':' | '-.' | 'solid' | 'dashed' | 'dotted' | 'dashdot' | 'none' | '';

/** Matplotlib marker codes. */
export type Marker =
  'o' | '.' | 's' | '^' | 'v' | '<' | '>' | 'D' | 'd' | '+' | 'x' | '*' | 'none' | '';

const DASHES: Record<string, readonly number[] | null> = {
  '-': [],
  solid: [],
  '--': [3.7, 1.6],
  dashed: [3.7, 1.6],
  ':': [1, 1.65],
  dotted: [1, 1.65],
  '-.': [6.4, 1.6, 1, 1.6],
  dashdot: [6.4, 1.6, 1, 1.6],
  none: null,
  '': null,
};

/** The dash array for `style` at `width` points; `[]` solid, `null` for no line. */
export function dashArray(
  style: string | undefined,
  width: number,
  where: string,
): number[] | null {
  const key = style ?? '-';
  if (!(key in DASHES)) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${where}: linestyle ${JSON.stringify(style)} is not one of '-', '--', ':', '-.', 'none'`,
    );
  }
  const d = DASHES[key];
  return d === null || d === undefined ? null : d.map((v) => round3(v * width));
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A Vega symbol: its shape and whether it is drawn filled (open markers are stroked). */
export interface MarkerSymbol {
  readonly shape: string;
  readonly filled: boolean;
  /** Area factor: `.` is smaller than the others. */
  readonly scale: number;
}

const STAR = (() => {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 1 : 0.4;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    pts.push(`${(r * Math.cos(a)).toFixed(3)},${(r * Math.sin(a)).toFixed(3)}`);
  }
  return `M${pts.join('L')}Z`;
})();

const SYMBOLS: Record<string, MarkerSymbol | null> = {
  o: { shape: 'circle', filled: true, scale: 1 },
  '.': { shape: 'circle', filled: true, scale: 0.25 },
  s: { shape: 'square', filled: true, scale: 1 },
  '^': { shape: 'triangle-up', filled: true, scale: 1 },
  v: { shape: 'triangle-down', filled: true, scale: 1 },
  '<': { shape: 'triangle-left', filled: true, scale: 1 },
  '>': { shape: 'triangle-right', filled: true, scale: 1 },
  D: { shape: 'diamond', filled: true, scale: 1 },
  d: { shape: 'M0,-1L0.6,0L0,1L-0.6,0Z', filled: true, scale: 1 },
  '+': { shape: 'M-1,0L1,0M0,-1L0,1', filled: false, scale: 1 },
  x: { shape: 'M-1,-1L1,1M-1,1L1,-1', filled: false, scale: 0.7 },
  '*': { shape: STAR, filled: true, scale: 1.3 },
  none: null,
  '': null,
};

/** The Vega symbol for a matplotlib marker code, or null for none. */
export function symbolFor(marker: string | undefined, where: string): MarkerSymbol | null {
  if (marker === undefined) return null;
  if (!(marker in SYMBOLS)) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${where}: marker ${JSON.stringify(marker)} is not one of ${Object.keys(SYMBOLS)
        .filter((k) => k)
        .map((k) => `'${k}'`)
        .join(', ')}`,
    );
  }
  return SYMBOLS[marker] ?? null;
}
