/**
 * Axis limits the way matplotlib picks them: the data range plus 5 % on each side (in
 * log space on log axes), never crossing a "sticky" edge at the data limit (bars stand on
 * 0, images end at their edges); user limits win; an empty axes shows 0–1.
 */
import type { AxisExtent } from '../marks/types.js';
import { STYLE } from '../style/style.js';

/** A resolved axis scale. */
export interface AxisScale {
  readonly type: 'linear' | 'log';
  /** lo < hi always; `reverse` flips the direction. */
  readonly lo: number;
  readonly hi: number;
  readonly reverse: boolean;
}

/** User limits: either end may be left to autoscaling. */
export interface UserLimits {
  lo?: number | undefined;
  hi?: number | undefined;
}

function autoRange(ext: AxisExtent | null, log: boolean): [number, number] {
  if (!ext) return log ? [1, 10] : [0, 1];
  const m = STYLE.marginFraction;
  if (log) {
    let a = Math.log10(ext.lo);
    let b = Math.log10(ext.hi);
    if (a === b) {
      a -= 0.5;
      b += 0.5;
    }
    const span = b - a;
    let lo = 10 ** (a - m * span);
    let hi = 10 ** (b + m * span);
    for (const s of ext.sticky ?? []) {
      if (s > 0 && lo < s && s <= ext.lo) lo = s;
      if (s > 0 && hi > s && s >= ext.hi) hi = s;
    }
    return [lo, hi];
  }
  const { lo: a, hi: b } = ext;
  if (a === b) {
    const d = a === 0 ? 0.05 : Math.abs(a) * 0.05;
    return [a - d, b + d];
  }
  const span = b - a;
  let lo = a - m * span;
  let hi = b + m * span;
  for (const s of ext.sticky ?? []) {
    if (lo < s && s <= a) lo = s;
    if (hi > s && s >= b) hi = s;
  }
  return [lo, hi];
}

/** Limits for one axis from its data extent, user limits and orientation wish. */
export function resolveScale(
  ext: AxisExtent | null,
  type: 'linear' | 'log',
  user: UserLimits,
  invertWish: boolean,
): AxisScale {
  const log = type === 'log';
  const [alo, ahi] = autoRange(ext, log);
  const hasUser = user.lo !== undefined || user.hi !== undefined;
  let a: number;
  let b: number;
  let reverse: boolean;
  if (hasUser) {
    // matplotlib: set_xlim(left, right) with left > right inverts the axis.
    const auto = invertWish ? [ahi, alo] : [alo, ahi];
    a = user.lo ?? auto[0]!;
    b = user.hi ?? auto[1]!;
    reverse = a > b;
  } else {
    a = alo;
    b = ahi;
    reverse = invertWish;
  }
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  if (log && lo <= 0) {
    lo = hi > 1 ? hi / 1000 : 1e-3;
  }
  return { type, lo, hi, reverse };
}

/** Maps a data value to a position 0…length along an axis (0 = left or bottom). */
export function scaleFn(s: AxisScale, length: number): (v: number) => number {
  if (s.type === 'log') {
    const a = Math.log10(s.lo);
    const k = length / (Math.log10(s.hi) - a);
    return s.reverse ? (v) => length - (Math.log10(v) - a) * k : (v) => (Math.log10(v) - a) * k;
  }
  const k = length / (s.hi - s.lo);
  const lo = s.lo;
  return s.reverse ? (v) => length - (v - lo) * k : (v) => (v - lo) * k;
}
