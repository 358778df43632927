/**
 * The original's palette (original-behaviour §9.3): 14 named colours, `gray` and `grey`
 * both, and the 11-colour cycle in its original order. Entries read the alpha live from
 * their owner, so `configure({ alpha })` is reflected in `rgba()` and `rgbaNorm`.
 */

/** The 14 colour names of the palette. */
export type ColorName =
  | 'white'
  | 'black'
  | 'blue'
  | 'red'
  | 'pink'
  | 'green'
  | 'yellow'
  | 'gray'
  | 'grey'
  | 'purple'
  | 'lightblue'
  | 'brown'
  | 'navy'
  | 'orange';

/** One palette colour. `String(entry)` is its hex, so it can be passed wherever a colour string goes. */
export interface ColorEntry {
  readonly name: ColorName;
  /** `#RRGGBB`, upper case, e.g. `'#0080C0'`. */
  readonly hex: string;
  /** 0–255 channels, e.g. `[0, 128, 192]`. */
  readonly rgb: readonly [number, number, number];
  /**
   * The original's normalised tuple: each channel /255 rounded to 2 decimals, then the
   * configured alpha — `COLORS.blue.rgbaNorm` is `[0, 0.5, 0.75, 0.9]` by default.
   */
  readonly rgbaNorm: readonly [number, number, number, number];
  /** CSS `rgba(r,g,b,a)` with `alpha` (default: the configured alpha, 0.9). */
  rgba(alpha?: number): string;
  /** The hex string. */
  toString(): string;
}

/** Name → colour; exactly the 14 names (no cycle, no index keys). */
export type Palette = { readonly [K in ColorName]: ColorEntry };

const RGB: ReadonlyArray<readonly [ColorName, number, number, number]> = [
  ['white', 255, 255, 255],
  ['black', 0, 0, 0],
  ['blue', 0, 128, 192],
  ['red', 255, 70, 50],
  ['pink', 255, 150, 200],
  ['green', 20, 180, 20],
  ['yellow', 230, 160, 20],
  ['gray', 128, 128, 128],
  ['grey', 128, 128, 128],
  ['purple', 200, 50, 255],
  ['lightblue', 20, 200, 200],
  ['brown', 128, 0, 0],
  ['navy', 0, 0, 100],
  ['orange', 228, 94, 50],
];

/** The colour cycle, in the original's order: lines without an explicit colour take these in turn. */
export const COLOR_CYCLE: readonly ColorName[] = Object.freeze([
  'blue',
  'red',
  'pink',
  'green',
  'yellow',
  'gray',
  'purple',
  'lightblue',
  'brown',
  'navy',
  'orange',
] as const);

const hex2 = (v: number): string => v.toString(16).padStart(2, '0').toUpperCase();
const round2 = (v: number): number => Math.round((v / 255) * 100) / 100;

/** Formats an alpha for CSS without float noise (0.9, not 0.9000000000000001). */
export function fmtAlpha(a: number): string {
  return String(Math.round(a * 1000) / 1000);
}

/** Builds a palette whose alpha is read from `alpha()` at each use. */
export function makePalette(alpha: () => number): Palette {
  const out: Partial<Record<ColorName, ColorEntry>> = {};
  for (const [name, r, g, b] of RGB) {
    const hex = `#${hex2(r)}${hex2(g)}${hex2(b)}`;
    const rgb = Object.freeze([r, g, b] as const);
    const entry: ColorEntry = {
      name,
      hex,
      rgb,
      get rgbaNorm(): readonly [number, number, number, number] {
        return Object.freeze([round2(r), round2(g), round2(b), alpha()] as const);
      },
      rgba(a?: number): string {
        return `rgba(${r},${g},${b},${fmtAlpha(a ?? alpha())})`;
      },
      toString(): string {
        return hex;
      },
    };
    out[name] = Object.freeze(entry);
  }
  return Object.freeze(out as Palette);
}

/** The hex of a palette name, or undefined for anything else. */
export function paletteHex(name: string): string | undefined {
  const row = RGB.find(([n]) => n === name);
  return row ? `#${hex2(row[1])}${hex2(row[2])}${hex2(row[3])}` : undefined;
}

/** Anything accepted as a colour: a palette entry or name, `'C0'`…`'C10'` (the cycle), a CSS colour, or 0–1 `[r, g, b]`/`[r, g, b, a]`. */
export type ColorLike = ColorEntry | string | readonly number[];

/** A colour ready for the spec: a CSS colour and the opacity to draw it with. */
export interface ResolvedColor {
  readonly css: string;
  readonly opacity: number;
}
