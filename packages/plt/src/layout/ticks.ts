/**
 * Tick positions and labels, computed here (not by Vega) so the layout knows every label
 * before drawing: "nice" 1-2-5 steps like d3/matplotlib, labels with one number of
 * decimals per axis, U+2212 minus signs as matplotlib, a ×10ⁿ multiplier for very large or
 * small numbers, and decades (10ⁿ) on log axes.
 */

/** Ticks of one axis. */
export interface Ticks {
  readonly values: number[];
  readonly labels: string[];
  /** e.g. `×10³`, shown with the axis label, when labels were scaled. */
  readonly multiplier?: string;
}

const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** `10ⁿ` with superscript digits. */
export function pow10Label(n: number): string {
  return `10${String(n).replace(/[-0-9]/g, (c) => SUP[c]!)}`;
}

/** Replaces ASCII hyphen-minus with U+2212 and drops negative zero. */
export function minus(s: string): string {
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s.replace(/^-/, '\u2212');
}

/** The 1-2-5 step for about `count` intervals over [lo, hi] (d3's tickIncrement rule). */
export function niceStep(
  lo: number,
  hi: number,
  count: number,
): { step: number; power: number; factor: number } {
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.floor(Math.log10(raw));
  const err = raw / 10 ** power;
  const factor = err >= Math.sqrt(50) ? 10 : err >= Math.sqrt(10) ? 5 : err >= Math.SQRT2 ? 2 : 1;
  return { step: factor * 10 ** power, power, factor };
}

/** Tick values in [lo, hi], exact multiples of the step (no float noise such as 0.30000000000000004). */
export function linearTickValues(
  lo: number,
  hi: number,
  count: number,
): { values: number[]; step: number } {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { values: [lo], step: 1 };
  const { step, power, factor } = niceStep(lo, hi, count);
  const values: number[] = [];
  // Integer arithmetic on step units: v = i * factor * 10^power computed as a division when power < 0.
  const unit = power < 0 ? 10 ** -power : 1;
  const scale = power < 0 ? 1 : 10 ** power;
  const toV = (i: number): number => (power < 0 ? (i * factor) / unit : i * factor * scale);
  const i0 = Math.ceil(lo / step - 1e-9);
  const i1 = Math.floor(hi / step + 1e-9);
  for (let i = i0; i <= i1 && values.length < 1000; i++) values.push(toV(i) + 0);
  return { values, step };
}

function decimalsFor(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** Labels for linear ticks: one number of decimals; ×10ⁿ scaling outside 1e-3…1e5. */
export function linearTicks(lo: number, hi: number, count: number): Ticks {
  // At least three labelled ticks, as matplotlib shows on short axes.
  let { values, step } = linearTickValues(lo, hi, count);
  for (let c = count + 1; values.length < 3 && c <= count + 6; c++)
    ({ values, step } = linearTickValues(lo, hi, c));
  const maxAbs = Math.max(...values.map(Math.abs), 0);
  if (maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3)) {
    const e = Math.floor(Math.log10(maxAbs));
    const k = 10 ** e;
    const d = decimalsFor(step / k);
    return {
      values,
      labels: values.map((v) => minus((v / k).toFixed(d))),
      multiplier: `×${pow10Label(e)}`,
    };
  }
  const d = decimalsFor(step);
  return { values, labels: values.map((v) => minus(v.toFixed(d))) };
}

/** Decade ticks (10ⁿ) for a log axis; falls back to linear ticks within less than two decades. */
export function logTicks(lo: number, hi: number, count: number): Ticks {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  if (b - a + 1 < 2) {
    const t = linearTicks(lo, hi, count);
    const keep = t.values.map((v, i) => [v, t.labels[i]!] as const).filter(([v]) => v > 0);
    return { ...t, values: keep.map(([v]) => v), labels: keep.map(([, l]) => l) };
  }
  // Decades are sparse: label each of up to ~2·count of them before thinning.
  const every = Math.max(1, Math.ceil((b - a + 1) / Math.max(2 * count, 6)));
  const values: number[] = [];
  const labels: string[] = [];
  for (let e = a; e <= b; e++) {
    if ((e - a) % every !== 0) continue;
    values.push(Number(`1e${e}`));
    labels.push(pow10Label(e));
  }
  return { values, labels };
}

/** How many tick intervals suit an axis `lengthPt` long (a hint; see `linearTicks`). */
export function tickCountFor(lengthPt: number): number {
  return Math.max(3, Math.min(8, Math.round(lengthPt / 50)));
}
