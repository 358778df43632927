/**
 * Overrides from outside the config files: `KEY=VALUE` (a key that must already exist) and
 * `+KEY=VALUE` (a new key). Keys are dotted CONFIG paths (`PARAMS.lr`, `ARGS.epochs`); values
 * are YAML scalars read as the config files are (`0.1` a number, `true` a boolean, `'7'` a
 * string), or flow collections (`[64, 32]`). Refusing unknown keys is the typo protection:
 * `PARAMS.lrr=0.1` fails with the close matches instead of silently adding a key nothing reads.
 */
import { closeMatches } from './closeMatches.js';
import { ConfigError } from './errors.js';
import { parseYamlText } from './parseYaml.js';
import { isPlainObject, setOwn } from './setOwn.js';
import { describeValue } from './describeValue.js';

/** One parsed `KEY=VALUE` / `+KEY=VALUE`. */
export interface Override {
  /** Dotted CONFIG path, e.g. `PARAMS.lr`. */
  key: string;
  /** The value, parsed as a YAML scalar (or flow collection). */
  value: unknown;
  /** The value as written. */
  text: string;
  /** Written with a leading `+`: the key may be new. */
  add: boolean;
  /** Where it came from, e.g. `--set` or `SCITEX_SET`. */
  source: string;
}

/** One override as applied, the record kept in `CONFIG.OVERRIDES`. */
export interface AppliedOverride {
  key: string;
  value: unknown;
  source: string;
  /** True when the key did not exist before (a `+KEY=VALUE`). */
  added: boolean;
}

/** Options of {@link applyOverrides}. */
export interface ApplyOverridesOptions {
  /** Other spellings of keys, e.g. `{ seed: 'SEED' }`; the record names the target key. */
  aliases?: Record<string, string>;
}

/** What {@link applyOverrides} returns. */
export interface AppliedOverrides {
  /** A new config; the input is never modified (only the changed branches are copied). */
  config: Record<string, unknown>;
  /** The overrides applied, one per key (a later override of the same key replaces an earlier one). */
  applied: AppliedOverride[];
}

/** The environment variable through which a sweep (or any caller) passes overrides. */
export const OVERRIDE_ENV = 'SCITEX_SET';

/** Path segments that could reach a prototype; refused in every key. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

const ITEM = /^(\+?)([^=]*)=([\s\S]*)$/;

/**
 * Parses `KEY=VALUE` / `+KEY=VALUE` strings (e.g. the `--set` arguments). `source` names
 * where they came from, in records and messages. Throws ConfigError `CONFIG_BAD_OVERRIDE`
 * for an item without `=`, an empty or malformed key, or a value that is not valid YAML;
 * `CONFIG_FORBIDDEN_KEY` for a `__proto__` / `constructor` / `prototype` segment.
 */
export function parseOverrides(list: readonly string[], source: string): Override[] {
  if (!Array.isArray(list)) {
    throw new ConfigError(
      'CONFIG_INVALID_ARGUMENT',
      `parseOverrides(): list must be an array of "KEY=VALUE" strings, got ${typeof list}`,
    );
  }
  return list.map((item) => parseOne(item, source));
}

function parseOne(item: unknown, source: string): Override {
  if (typeof item !== 'string') {
    throw new ConfigError(
      'CONFIG_BAD_OVERRIDE',
      `${source}: an override must be a "KEY=VALUE" string, got ${item === null ? 'null' : typeof item}`,
    );
  }
  const m = ITEM.exec(item);
  if (!m) {
    throw new ConfigError(
      'CONFIG_BAD_OVERRIDE',
      `${source}: ${JSON.stringify(item)} has no "=": write KEY=VALUE, e.g. PARAMS.lr=0.01`,
    );
  }
  const key = m[2]!;
  checkKey(key, item, source);
  const text = m[3]!;
  return {
    key,
    value: parseOverrideValue(text, `${source} ${key}`),
    text,
    add: m[1] === '+',
    source,
  };
}

function checkKey(key: string, item: string, source: string): void {
  if (key === '' || /\s/.test(key) || key.split('.').some((s) => s === '')) {
    throw new ConfigError(
      'CONFIG_BAD_OVERRIDE',
      `${source}: ${JSON.stringify(item)} has a malformed key: write a dotted CONFIG path ` +
        'without spaces or empty parts, e.g. PARAMS.lr=0.01',
    );
  }
  const bad = key.split('.').find((s) => FORBIDDEN_SEGMENTS.has(s));
  if (bad !== undefined) {
    throw new ConfigError(
      'CONFIG_FORBIDDEN_KEY',
      `${source}: the key ${JSON.stringify(key)} contains "${bad}", which could change the ` +
        'prototype of objects built from the config; rename the key',
    );
  }
}

/**
 * A value as the config files would read it: `0.1` → number, `yes`/`true` → boolean,
 * `null`/`~` → null, `[1, 2]` → list. Text that YAML would read as a block mapping or list
 * (`a: b`, `- x`) or as nothing (`#x`) stays the string it is; an empty value is `''`.
 */
export function parseOverrideValue(text: string, where = 'override'): unknown {
  if (text === '') return '';
  // A YAML comment would make the whole value null; `tag=#1` means the string.
  if (text.trimStart().startsWith('#')) return text;
  let value: unknown;
  try {
    value = parseYamlText(text, where);
  } catch (cause) {
    const code = cause instanceof ConfigError ? cause.code : undefined;
    throw new ConfigError(
      code === 'CONFIG_FORBIDDEN_KEY' ? code : 'CONFIG_BAD_OVERRIDE',
      `${where}: the value ${JSON.stringify(text)} is not valid YAML ` +
        `(${cause instanceof ConfigError ? firstLine(cause.message) : String(cause)}); ` +
        "quote it as a string, e.g. 'text'",
      { cause },
    );
  }
  if (value === undefined) return text;
  const flow = /^\s*[[{]/.test(text);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !flow) {
    return text;
  }
  return value;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}

/**
 * Parses the `SCITEX_SET` environment variable: a JSON array of `"KEY=VALUE"` strings (what
 * sweeps write: any value survives, newlines included), or — for hand-written use — one
 * `KEY=VALUE` per line (blank lines and lines starting with `#` are skipped). Empty or unset
 * gives no overrides. Throws `CONFIG_BAD_OVERRIDE` for text starting with `[` that is not a
 * JSON array of strings.
 */
export function parseOverrideEnv(
  text: string | undefined,
  source: string = OVERRIDE_ENV,
): Override[] {
  if (text === undefined) return [];
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(trimmed);
    } catch (cause) {
      throw new ConfigError(
        'CONFIG_BAD_OVERRIDE',
        `${source}: starts with "[" but is not valid JSON (${(cause as Error).message}); ` +
          'write a JSON array of "KEY=VALUE" strings, or one KEY=VALUE per line',
        { cause },
      );
    }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
      throw new ConfigError(
        'CONFIG_BAD_OVERRIDE',
        `${source}: must be a JSON array of "KEY=VALUE" strings, e.g. ["PARAMS.lr=0.1"]`,
      );
    }
    return parseOverrides(list as string[], source);
  }
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return parseOverrides(
    lines.map((l) => l.trim()),
    source,
  );
}

/** The `SCITEX_SET` value for `items` (`"KEY=VALUE"` strings): a JSON array. */
export function formatOverrideEnv(items: readonly string[]): string {
  return JSON.stringify(items);
}

/**
 * Applies `overrides` to `config` and returns the new config and what was applied. A key
 * must already exist (in a config file namespace, `ARGS`, or whatever the caller put in
 * `config`) unless the override was written `+KEY=VALUE`; otherwise ConfigError
 * `CONFIG_UNKNOWN_OVERRIDE` names the key and its close matches. Intermediate mappings of a
 * new key are created. A path through a scalar is `CONFIG_BAD_OVERRIDE`. `config` is never
 * modified.
 */
export function applyOverrides(
  config: Record<string, unknown>,
  overrides: readonly Override[],
  options: ApplyOverridesOptions = {},
): AppliedOverrides {
  if (!isPlainObject(config)) {
    throw new ConfigError(
      'CONFIG_INVALID_ARGUMENT',
      'applyOverrides(): config must be a plain object',
    );
  }
  let out: Record<string, unknown> = config;
  const applied = new Map<string, AppliedOverride>();
  const aliases = options.aliases ?? {};
  for (const ov of overrides) {
    const key = Object.hasOwn(aliases, ov.key) ? aliases[ov.key]! : ov.key;
    checkKey(key, `${key}=${ov.text}`, ov.source);
    const segs = key.split('.');
    const exists = pathExists(out, segs);
    if (!exists && !ov.add) throw unknownKey(key, ov, config, aliases);
    out = setPath(out, segs, ov.value, key, ov) as Record<string, unknown>;
    const added = (applied.get(key)?.added ?? false) || !exists;
    applied.delete(key); // re-inserted last: the record lists keys in the order they took effect
    applied.set(key, { key, value: ov.value, source: ov.source, added });
  }
  return { config: out, applied: [...applied.values()] };
}

function child(container: unknown, seg: string): { found: boolean; value?: unknown } {
  if (Array.isArray(container)) {
    if (!/^(0|[1-9]\d*)$/.test(seg)) return { found: false };
    const i = Number(seg);
    return i < container.length ? { found: true, value: container[i] } : { found: false };
  }
  if (isPlainObject(container) && Object.hasOwn(container, seg)) {
    return { found: true, value: container[seg] };
  }
  return { found: false };
}

function pathExists(root: unknown, segs: readonly string[]): boolean {
  let cur = root;
  for (const seg of segs) {
    const c = child(cur, seg);
    if (!c.found) return false;
    cur = c.value;
  }
  return true;
}

/** A copy of `node` with `segs` set to `value`; only the containers on the path are copied. */
function setPath(
  node: unknown,
  segs: readonly string[],
  value: unknown,
  key: string,
  ov: Override,
): unknown {
  if (segs.length === 0) return value;
  const [seg, ...rest] = segs as [string, ...string[]];
  if (Array.isArray(node)) {
    const c = child(node, seg);
    if (!c.found) throw notAContainer(key, ov, 'a list (give an existing index)');
    const copy = node.slice();
    copy[Number(seg)] = setPath(c.value, rest, value, key, ov);
    return copy;
  }
  if (isPlainObject(node)) {
    const copy: Record<string, unknown> =
      Object.getPrototypeOf(node) === null ? Object.create(null) : {};
    for (const k of Object.keys(node)) setOwn(copy, k, node[k]);
    const c = child(node, seg);
    setOwn(copy, seg, setPath(c.found ? c.value : {}, rest, value, key, ov));
    return copy;
  }
  throw notAContainer(key, ov, describeValue(node));
}

function notAContainer(key: string, ov: Override, what: string): ConfigError {
  return new ConfigError(
    'CONFIG_BAD_OVERRIDE',
    `${ov.source}: cannot set ${JSON.stringify(key)}: part of its path is ${what}, ` +
      'which holds no keys; override the parent key itself instead',
  );
}

function unknownKey(
  key: string,
  ov: Override,
  config: Record<string, unknown>,
  aliases: Record<string, string>,
): ConfigError {
  const near = closeMatches(key, [...knownKeys(config), ...Object.keys(aliases)]);
  const hint = near.length ? ` Did you mean ${near.map((k) => JSON.stringify(k)).join(', ')}?` : '';
  return new ConfigError(
    'CONFIG_UNKNOWN_OVERRIDE',
    `${ov.source}: unknown key ${JSON.stringify(key)}: no config file or argument defines it.${hint} ` +
      `Fix the spelling, or write +${key}=${ov.text} to add a new key.`,
  );
}

/** Every dotted path in `config` (mappings and lists, at most 10 000). */
function knownKeys(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, prefix: string): void => {
    if (out.length >= 10_000 || seen.has(node)) return;
    if (Array.isArray(node)) {
      seen.add(node);
      node.forEach((v, i) => {
        out.push(`${prefix}${i}`);
        visit(v, `${prefix}${i}.`);
      });
    } else if (isPlainObject(node)) {
      seen.add(node);
      for (const k of Object.keys(node)) {
        out.push(`${prefix}${k}`);
        visit(node[k], `${prefix}${k}.`);
      }
    }
  };
  visit(config, '');
  return out;
}
