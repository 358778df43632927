/**
 * Natural order for file names (`exp2.yaml` before `exp10.yaml`), written out by hand:
 * `Intl.Collator` would do it, but creating the first one loads ICU collation data, about
 * 10 ms per process — 40% of a session's whole start-up budget. The rule is fixed (no
 * locale), so CONFIG's key order is the same on every machine.
 */

const CHUNK = /(\d+)|(\D+)/g;

function chunks(s: string): string[] {
  return s.match(CHUNK) ?? [];
}

/** Compares digit runs by value (leading zeros ignored, any length), other runs case-insensitively. */
function compareChunk(a: string, b: string): number {
  const aNum = a.charCodeAt(0) >= 48 && a.charCodeAt(0) <= 57;
  const bNum = b.charCodeAt(0) >= 48 && b.charCodeAt(0) <= 57;
  if (aNum && bNum) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // Numbers sort before words, as in file managers.
  if (aNum !== bNum) return aNum ? -1 : 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Compares two names naturally: `2 < 10`, `exp2 < exp10`, `a < B`. Names that tie (`a` and
 * `A`, `01` and `1`) fall back to plain code-unit order, so the order is total.
 */
export function compareNatural(a: string, b: string): number {
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const c = compareChunk(ca[i]!, cb[i]!);
    if (c !== 0) return c;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
