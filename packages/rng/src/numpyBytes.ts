/**
 * The bytes of `np.array(value).tobytes()` for (nested) JavaScript arrays, by NumPy's dtype
 * rules: all booleans → bool (1 byte each); booleans and whole numbers → int64; any other
 * number present → float64; all strings → fixed-width UTF-32 (`<U n`); little-endian,
 * C order. Ragged nesting, mixed kinds or other values → `undefined` (NumPy would refuse
 * them or make an object array, which the original hashes as text instead).
 */
import { isPythonInt } from './pythonText.js';

type Kind = 'bool' | 'int' | 'float' | 'str';

/** The leaves of a rectangular nested array in C order, or undefined when it is ragged. */
function leaves(value: readonly unknown[]): unknown[] | undefined {
  const out: unknown[] = [];
  let leafDepth = -1;
  const walk = (v: readonly unknown[], depth: number, shape: number[]): boolean => {
    if (shape.length === depth) shape.push(v.length);
    else if (shape[depth] !== v.length) return false;
    const nested = v.length > 0 && Array.isArray(v[0]);
    if (v.length === 0 && leafDepth !== -1 && leafDepth !== depth) return false;
    for (const item of v) {
      if (Array.isArray(item) !== nested) return false;
      if (nested) {
        if (!walk(item as unknown[], depth + 1, shape)) return false;
      } else {
        if (leafDepth === -1) leafDepth = depth;
        if (leafDepth !== depth || shape.length !== depth + 1) return false;
        out.push(item);
      }
    }
    return true;
  };
  // Shapes are checked per depth: every sub-array at one depth has the same length.
  return walk(value, 0, []) ? out : undefined;
}

/** `np.array(value).tobytes()`, or undefined when NumPy would not make a plain array. */
export function numpyBytes(value: readonly unknown[]): Uint8Array | undefined {
  const items = leaves(value);
  if (!items) return undefined;
  let strings = 0;
  let bools = 0;
  let floats = 0;
  for (const x of items) {
    if (typeof x === 'string') strings++;
    else if (typeof x === 'boolean') bools++;
    else if (typeof x === 'number') floats += isPythonInt(x) ? 0 : 1;
    else return undefined;
  }
  if (strings > 0 && strings < items.length) return undefined;
  const kind: Kind =
    items.length === 0
      ? 'float'
      : strings > 0
        ? 'str'
        : bools === items.length
          ? 'bool'
          : floats > 0
            ? 'float'
            : 'int';
  if (kind === 'str') {
    const points = items.map((s) => [...(s as string)].map((c) => c.codePointAt(0) as number));
    const width = Math.max(1, ...points.map((p) => p.length));
    const view = new DataView(new ArrayBuffer(points.length * width * 4));
    points.forEach((p, i) => p.forEach((cp, j) => view.setUint32((i * width + j) * 4, cp, true)));
    return new Uint8Array(view.buffer);
  }
  if (kind === 'bool') return Uint8Array.from(items as boolean[], (b) => (b ? 1 : 0));
  const view = new DataView(new ArrayBuffer(items.length * 8));
  items.forEach((x, i) => {
    const n = typeof x === 'boolean' ? Number(x) : (x as number);
    if (kind === 'int') view.setBigInt64(i * 8, BigInt(n), true);
    else view.setFloat64(i * 8, n, true);
  });
  return new Uint8Array(view.buffer);
}
