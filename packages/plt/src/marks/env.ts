/**
 * What an Axes hands a mark factory: the element id, the configured defaults and the
 * colour cycle (advanced only when a call does not choose its own colour).
 */
import type { ColorLike, ResolvedColor } from '../style/colors.js';
import { PltError } from '../errors.js';
import { dashArray, symbolFor } from '../style/lineStyle.js';
import { resolveColor } from '../style/resolveColor.js';
import { STYLE } from '../style/style.js';
import type { LegendHandle } from './types.js';

/** Context for building one mark. */
export interface MarkEnv {
  readonly id: string;
  /** For messages, e.g. `axes[0][1].plot()`. */
  readonly where: string;
  readonly paletteAlpha: number;
  readonly lineWidth: number;
  /** Takes the next cycle index. */
  cycle(): number;
}

/** Resolves color/alpha, taking a cycle colour only when `color` is undefined. */
export function colorOf(
  env: MarkEnv,
  color: ColorLike | undefined,
  alpha: number | undefined,
): ResolvedColor {
  const idx = color === undefined ? env.cycle() : 0;
  return resolveColor(color, alpha, env.paletteAlpha, idx, env.where);
}

/** A positive finite option value, or the default. */
export function positiveOpt(v: unknown, dflt: number, what: string, where: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new PltError(
      'PLT_INVALID_OPTION',
      `${where}: ${what} must be a non-negative number; got ${String(v)}`,
    );
  }
  return v;
}

/** Stroke style of a line-like mark. */
export interface StrokeStyle {
  readonly color: ResolvedColor;
  readonly width: number;
  /** null: no line. */
  readonly dash: number[] | null;
  readonly symbol: { shape: string; filled: boolean; size: number } | null;
}

/** Resolves colour, width, dash and marker of a line-like call. */
export function strokeOf(
  env: MarkEnv,
  o: {
    color?: ColorLike;
    alpha?: number;
    lineWidth?: number;
    linestyle?: string;
    marker?: string;
    markerSize?: number;
  },
  defaults: { linestyle?: string; marker?: string } = {},
): StrokeStyle {
  const color = colorOf(env, o.color, o.alpha);
  const width = positiveOpt(o.lineWidth, env.lineWidth, 'lineWidth', env.where);
  const dash = dashArray(o.linestyle ?? defaults.linestyle, width, env.where);
  const sym = symbolFor(o.marker ?? defaults.marker, env.where);
  const ms = positiveOpt(o.markerSize, STYLE.markerSize, 'markerSize', env.where);
  return {
    color,
    width,
    dash,
    symbol: sym ? { shape: sym.shape, filled: sym.filled, size: ms * ms * sym.scale } : null,
  };
}

/** The legend handle of a line-like mark. */
export function lineHandle(s: StrokeStyle): LegendHandle {
  const h: LegendHandle = {};
  if (s.dash)
    h.line = { stroke: s.color.css, opacity: s.color.opacity, width: s.width, dash: s.dash };
  if (s.symbol) h.symbol = { ...s.symbol, color: s.color.css, opacity: s.color.opacity };
  return h;
}

/** Lines with more points than this get bevel joins (see lineMarkDef). */
export const DENSE_LINE = 2000;

/**
 * Vega-Lite mark properties of a line of `n` points. Round joins, as matplotlib — except
 * on dense lines, where segments are shorter than a pixel and joins cannot be seen, but
 * round ones cost the rasteriser ~40 % more time.
 */
export function lineMarkDef(s: StrokeStyle, n: number): Record<string, unknown> {
  const m: Record<string, unknown> = {
    type: 'line',
    stroke: s.color.css,
    strokeWidth: s.width,
    opacity: s.color.opacity,
    strokeJoin: n > DENSE_LINE ? 'bevel' : 'round',
    strokeCap: s.dash && s.dash.length ? 'butt' : 'square',
    clip: true,
  };
  if (s.dash && s.dash.length) m['strokeDash'] = s.dash;
  return m;
}

/** Vega-Lite mark properties of markers. */
export function pointMarkDef(
  sym: { shape: string; filled: boolean; size: number },
  color: ResolvedColor,
): Record<string, unknown> {
  return sym.filled
    ? {
        type: 'point',
        shape: sym.shape,
        filled: true,
        fill: color.css,
        size: sym.size,
        opacity: color.opacity,
        strokeWidth: 0,
        clip: true,
      }
    : {
        type: 'point',
        shape: sym.shape,
        filled: false,
        stroke: color.css,
        size: sym.size,
        opacity: color.opacity,
        strokeWidth: 1,
        clip: true,
      };
}
