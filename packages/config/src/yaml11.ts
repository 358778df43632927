/**
 * The js-yaml schema that reads plain scalars as PyYAML's `safe_load` does (YAML 1.1
 * resolution, as the Python original reads its configs): `yes`/`no`/`on`/`off` in their
 * three case forms are booleans, `010` is octal, `0b1010`, `0x1F`, `1_000` and `1:20`
 * (sexagesimal, 80) are integers, a float needs a dot and a signed exponent (`1.0e+3`;
 * `1e3` stays a string), `.inf`/`.nan`, `~`/`null`/empty are null, timestamps are Dates.
 * The patterns are PyYAML's resolver patterns; the conversions follow its SafeConstructor.
 */
import type * as JsYaml from 'js-yaml';
import { jsYaml } from './jsYaml.js';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE_WORDS = new Set(['yes', 'true', 'on']);
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Splits a leading sign off (PyYAML's constructors do the same). */
function signed(text: string): [sign: number, rest: string] {
  const sign = text.startsWith('-') ? -1 : 1;
  return [sign, text[0] === '-' || text[0] === '+' ? text.slice(1) : text];
}

/** `a:b:c` in base 60, least significant part last. */
function sexagesimal(parts: readonly number[]): number {
  let value = 0;
  for (const part of parts) value = value * 60 + part;
  return value;
}

/** PyYAML's `construct_yaml_int`: underscores dropped, `0b`, `0x`, leading-0 octal, base 60. */
export function yaml11Int(text: string): number {
  const [sign, v] = signed(text.replace(/_/g, ''));
  let magnitude: number;
  if (v === '0') return 0;
  if (v.startsWith('0b')) magnitude = parseInt(v.slice(2), 2);
  else if (v.startsWith('0x')) magnitude = parseInt(v.slice(2), 16);
  else if (v.startsWith('0')) magnitude = parseInt(v, 8);
  else if (v.includes(':')) magnitude = sexagesimal(v.split(':').map(Number));
  else magnitude = Number(v);
  return magnitude === 0 ? 0 : sign * magnitude;
}

/** PyYAML's `construct_yaml_float`: underscores dropped, `.inf`/`.nan`, base 60. */
export function yaml11Float(text: string): number {
  const [sign, v] = signed(text.replace(/_/g, '').toLowerCase());
  if (v === '.inf') return sign * Infinity;
  if (v === '.nan') return NaN;
  if (v.includes(':')) return sign * sexagesimal(v.split(':').map(Number));
  return sign * Number(v);
}

let schema: JsYaml.Schema | undefined;

/**
 * The YAML 1.1 (PyYAML safe) schema for js-yaml: failsafe (str, seq, map) plus null,
 * bool, int, float and timestamp as PyYAML resolves and builds them, and js-yaml's own
 * merge (`<<`), binary, omap, pairs and set. Built on first use.
 */
export function yaml11Schema(): JsYaml.Schema {
  if (schema) return schema;
  const yaml = jsYaml();
  const { Type } = yaml;
  // js-yaml exports its built-in types as `types`; @types/js-yaml does not declare it.
  const types = (yaml as unknown as { types: Record<string, JsYaml.Type> }).types;
  const builtin = (name: string): JsYaml.Type => types[name] as JsYaml.Type;
  const scalar = (
    name: string,
    pattern: RegExp,
    construct: (text: string) => unknown,
    extra: Partial<JsYaml.TypeConstructorOptions> = {},
  ): JsYaml.Type =>
    new Type(`tag:yaml.org,2002:${name}`, {
      kind: 'scalar',
      resolve: (data: unknown) => typeof data === 'string' && pattern.test(data),
      construct: (data: string) => construct(data),
      ...extra,
    });
  const nullType = scalar('null', NULL, () => null, {
    resolve: (data: unknown) => data === null || (typeof data === 'string' && NULL.test(data)),
    construct: () => null,
    predicate: (v: unknown) => v === null,
    represent: () => 'null',
  });
  const boolType = scalar('bool', BOOL, (t) => TRUE_WORDS.has(t.toLowerCase()), {
    predicate: (v: unknown) => typeof v === 'boolean',
    represent: (v: object) => String(v),
  });
  const intType = scalar('int', INT, yaml11Int, {
    predicate: (v: unknown) => Number.isInteger(v) && !Object.is(v, -0),
    represent: (v: object) => String(v),
  });
  const floatType = scalar('float', FLOAT, yaml11Float, {
    predicate: (v: unknown) => typeof v === 'number' && (!Number.isInteger(v) || Object.is(v, -0)),
    represent: (v: object) => String(v),
  });
  schema = yaml.FAILSAFE_SCHEMA.extend({
    implicit: [nullType, boolType, intType, floatType, builtin('timestamp'), builtin('merge')],
    explicit: [builtin('binary'), builtin('omap'), builtin('pairs'), builtin('set')],
  });
  return schema;
}
