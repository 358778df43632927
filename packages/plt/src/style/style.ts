/**
 * The house style, from the original's style table (original-behaviour §9.2): font sizes
 * in points, spine and tick widths of 0.2 mm, no frame around legends. The spec is laid
 * out in points (1/72 inch), so these numbers go into it unchanged.
 */

/** Points per millimetre. */
export const PT_PER_MM: number = 72 / 25.4;

/** Millimetres to points. */
export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Style constants, in points unless named otherwise. */
export const STYLE: {
  readonly fontFamily: string;
  readonly tickLabelSize: number;
  readonly axisLabelSize: number;
  readonly titleSize: number;
  readonly suptitleSize: number;
  readonly legendSize: number;
  readonly textSize: number;
  readonly spineWidth: number;
  readonly tickWidth: number;
  readonly tickLength: number;
  readonly tickPad: number;
  readonly labelPad: number;
  readonly titlePad: number;
  readonly outerPad: number;
  readonly markerSize: number;
  readonly scatterSize: number;
  readonly gridAlpha: number;
  readonly ink: string;
  readonly marginFraction: number;
} = Object.freeze({
  // Arimo is metric-compatible with Arial (the original's first choice); viewers without
  // it fall back to Arial/Helvetica with the same layout.
  fontFamily: 'Arimo, Arial, Helvetica, sans-serif',
  tickLabelSize: 7,
  axisLabelSize: 7,
  titleSize: 8,
  suptitleSize: 8,
  legendSize: 6,
  textSize: 7,
  spineWidth: mmToPt(0.2),
  tickWidth: mmToPt(0.2),
  tickLength: mmToPt(0.8),
  tickPad: 2,
  labelPad: 3,
  titlePad: 4,
  outerPad: 3,
  markerSize: 6,
  scatterSize: 36,
  gridAlpha: 0.3,
  ink: '#000000',
  marginFraction: 0.05,
});
