/**
 * How big a loaded config is once its YAML aliases are expanded. An alias (`*name`) makes
 * js-yaml share one object between every place that names it, so a 1 KiB file can stand
 * for 10^9 values ("billion laughs"): cheap to load, but everything that walks it — the
 * CONFIG snapshot, a deep copy, JSON.stringify — expands it until memory runs out. Counting
 * with memoisation by object identity visits each distinct object once, so the check
 * itself costs no more than the file.
 */
import { displayPath } from './displayPath.js';
import { ConfigError } from './errors.js';

/** The most values (scalars and collections, aliases expanded) one config file may hold. */
export const MAX_CONFIG_VALUES = 1_000_000;

/**
 * The number of values in `value` with every shared object counted at each place it
 * appears, or `limit + 1` as soon as that is certain to exceed `limit`. A reference back
 * to an enclosing object counts once (it is written as a reference, not expanded).
 */
export function expandedSize(value: unknown, limit: number = MAX_CONFIG_VALUES): number {
  const memo = new Map<object, number>();
  const over = limit + 1;
  // Iterative post-order walk: a deeply nested file must not overflow the stack here.
  interface Frame {
    obj: object;
    children: unknown[];
    next: number;
    sum: number;
  }
  const open = new Set<object>();
  const enter = (obj: object): Frame => {
    open.add(obj);
    return { obj, children: Array.isArray(obj) ? obj : Object.values(obj), next: 0, sum: 1 };
  };
  if (value === null || typeof value !== 'object') return 1;
  const stack: Frame[] = [enter(value)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const c = top.children[top.next++];
      if (c === null || typeof c !== 'object' || open.has(c)) top.sum += 1;
      else {
        const known = memo.get(c);
        if (known === undefined) stack.push(enter(c));
        else top.sum += known;
      }
      if (top.sum > limit) return over;
      continue;
    }
    stack.pop();
    open.delete(top.obj);
    memo.set(top.obj, top.sum);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      parent.sum += top.sum;
      if (parent.sum > limit) return over;
    } else return top.sum;
  }
  return over; // not reached
}

/** Throws CONFIG_TOO_LARGE when the tree loaded from `file` expands past {@link MAX_CONFIG_VALUES}. */
export function refuseHugeTree(value: unknown, file: string): void {
  if (expandedSize(value) <= MAX_CONFIG_VALUES) return;
  throw new ConfigError(
    'CONFIG_TOO_LARGE',
    `${displayPath(file)}: this config expands to more than ${MAX_CONFIG_VALUES.toLocaleString('en-US')} values ` +
      '(YAML aliases such as *name repeat what they point to: a few lines can stand for ' +
      'billions of values, which every snapshot would write out). Remove the aliases, or ' +
      'keep large data in a data file and put its path in the config.',
    { file },
  );
}
