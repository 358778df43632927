/**
 * `--grid KEY=v1,v2` specs → the sweep's tasks: the cartesian product of the values, the
 * first key varying slowest (as itertools.product). Each task is a list of `KEY=VALUE`
 * overrides, exactly what the task receives in SCITEX_SET. Commas inside `[…]`, `{…}` or
 * quotes do not split values, so `--grid 'PARAMS.layers=[64,32],[128,64]'` has two values.
 */
import { ConfigError, parseOverrideValue } from '@scitex/config';
import { SweepUsageError } from './usageError.js';

/** One `--grid` axis. */
export interface GridAxis {
  /** Dotted CONFIG key, without the `+`. */
  key: string;
  /** Written `+KEY=…`: the key may be new. */
  add: boolean;
  /** The values as written. */
  values: string[];
}

/** A parsed grid: its axes and its tasks (`KEY=VALUE` lists, `+KEY=VALUE` for added keys). */
export interface Grid {
  axes: GridAxis[];
  tasks: string[][];
}

/** Parses the `--grid` specs; throws SweepUsageError for an empty grid, a bad spec or a repeated key. */
export function parseGrid(specs: readonly string[]): Grid {
  if (specs.length === 0) {
    throw new SweepUsageError(
      'nothing to sweep: give at least one --grid KEY=v1,v2 (e.g. --grid PARAMS.lr=0.1,0.01)',
    );
  }
  const axes: GridAxis[] = [];
  for (const spec of specs) {
    const m = /^(\+?)([^=]*)=([\s\S]*)$/.exec(spec);
    if (!m) throw new SweepUsageError(`--grid ${JSON.stringify(spec)} has no "=": write KEY=v1,v2`);
    const key = m[2]!;
    if (key === '' || /\s/.test(key) || key.split('.').some((s) => s === '')) {
      throw new SweepUsageError(
        `--grid ${JSON.stringify(spec)}: malformed key; write a dotted CONFIG path such as PARAMS.lr`,
      );
    }
    if (axes.some((a) => a.key === key)) {
      throw new SweepUsageError(
        `--grid: the key ${key} is given twice; list all its values in one --grid ${key}=v1,v2,…`,
      );
    }
    const values = splitValues(m[3]!);
    if (values.length === 0 || values.every((v) => v.trim() === '')) {
      throw new SweepUsageError(`--grid ${JSON.stringify(spec)} has no values: write ${key}=v1,v2`);
    }
    for (const v of values) {
      try {
        parseOverrideValue(v, `--grid ${key}`);
      } catch (err) {
        throw new SweepUsageError(err instanceof ConfigError ? err.message : String(err));
      }
    }
    axes.push({ key, add: m[1] === '+', values });
  }
  let tasks: string[][] = [[]];
  for (const axis of axes) {
    const item = (v: string): string => `${axis.add ? '+' : ''}${axis.key}=${v}`;
    tasks = tasks.flatMap((t) => axis.values.map((v) => [...t, item(v)]));
  }
  return { axes, tasks };
}

/** Splits on commas outside brackets and quotes; surrounding spaces are dropped. */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === '[' || c === '{') {
      depth++;
      cur += c;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      cur += c;
    } else if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.length === 1 && out[0] === '' ? [] : out;
}
