/**
 * The natural logarithm rounded correctly (to the double nearest the exact value), for the
 * legacy `randn`, whose polar method calls C's `log`. V8's `Math.log` (fdlibm) differs from
 * glibc's in the last bit for about 3% of arguments; glibc's is within 0.52 ulp, so a
 * correctly rounded log agrees with it far more often (measured in the README).
 *
 * log(x) = e·ln 2 + 2·atanh(s), x = m·2^e with m in [√½, √2), s = (m − 1)/(m + 1), all in
 * double-double arithmetic (about 106 bits); 24 terms of the atanh series reach 2^−110 (the
 * first six in double-double, the small rest in doubles).
 */

const SPLITTER = 134217729; // 2^27 + 1

/** A double-double: the unevaluated sum hi + lo with |lo| ≤ ulp(hi) / 2. */
type DD = [hi: number, lo: number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [u, g] = quickTwoSum(s, e + t);
  return quickTwoSum(u, g + f);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, mul([-q1, 0], b));
  const q2 = r[0] / b[0];
  r = add(r, mul([-q2, 0], b));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

const TERMS = 24;
const DD_TERMS = 6;
/** 1/(2k+1) as double-doubles, k = 0 … TERMS. */
const INVERSE_ODD: DD[] = Array.from({ length: TERMS + 1 }, (_, k) => div([1, 0], [2 * k + 1, 0]));
// ln 2 to about 107 bits.
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

const view = new DataView(new ArrayBuffer(8));

/** ln(x) correctly rounded, for finite x > 0 (normal numbers). */
export function correctLog(x: number): number {
  view.setFloat64(0, x);
  let e = ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
  let m = x * 2 ** -e; // exact: a power-of-two scaling, m in [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // m − 1 is exact (Sterbenz); m + 1 kept exactly as a double-double.
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  // Terms from DD_TERMS on add less than s2^DD_TERMS ≤ 2^-30 of the sum: plain doubles
  // carry them with room to spare; the leading terms need double-double.
  let tail = 0;
  for (let k = TERMS; k >= DD_TERMS; k--) tail = tail * s2[0] + (INVERSE_ODD[k] as DD)[0];
  let t: DD = [tail, 0];
  for (let k = DD_TERMS - 1; k >= 0; k--) t = add(mul(t, s2), INVERSE_ODD[k] as DD);
  const logm = mul([2 * s[0], 2 * s[1]], t);
  const eln2 = add(twoProd(e, LN2[0]), [e * LN2[1], 0]);
  const r = add(eln2, logm);
  return r[0] + r[1];
}
