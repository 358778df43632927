// Config scalars read as PyYAML's safe_load reads them (YAML 1.1). The expected values come
// from Debian's python3-yaml at test time (test/fixtures/pyyaml_scalars.py), not from here.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../src/parseYaml.ts';
import { yaml11Float, yaml11Int } from '../src/yaml11.ts';

const PYTHON = process.env['SCITEX_PYTHON'] ?? '/usr/bin/python3';

// Each is written after `v: ` as a plain (unquoted) scalar.
const SCALARS = [
  // booleans: three case forms each of yes/no/true/false/on/off — and look-alikes that are not
  ...['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
  ...['on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N', 'yEs', 'tRUE', 'oN', 'nO'],
  // null
  ...['~', 'null', 'Null', 'NULL', '', 'nULL', 'None'],
  // integers: decimal, octal, binary, hex, underscores, base 60
  ...['0', '-0', '+0', '7', '-7', '+7', '010', '-010', '0o17', '08', '09', '0b1010', '-0b11'],
  ...['0x1F', '0xff', '-0x1A', '0x_1f', '1_000', '1__0', '0_7', '1_', '_1', '123456789012345'],
  ...['1:20', '-1:30', '+1:30', '190:20:30', '0:30', '1:60', '1:5'],
  // floats: a dot is required; exponents need a sign
  ...['1.0', '1.', '.5', '-.5', '+.5', '1.5e+3', '1.0e3', '1e3', '1E3', '1e+3', '-1.0E-5'],
  ...['1_000.5', '1.e+3', '6.8523015e+5', '685.230_15e+03', '0.1', '-0.0', '+12.5'],
  ...['.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '.iNf'],
  ...['1:30.5', '-1:30.5', '190:20:30.15'],
  // timestamps
  ...['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5'],
  ...['2001-12-15T02:59:43.1Z', '2001-12-15 2:59:43.10', '2002-1-2', '2001-12-14T21:59:43.123456Z'],
  // strings
  ...['abc', '1.2.3', '1e', '0x', '0b2', '12:30:99', 'yes please', '0.5.1'],
];

type Described =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'number'; bits: string }
  | { t: 'str'; v: string }
  | { t: 'date'; ms: number }
  | { t: string; v?: string };

function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return Buffer.from(view.buffer).toString('hex');
}

function describeTs(v: unknown): Described {
  if (v === null) return { t: 'null' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  // Python has -0.0 but no integer -0; both come out as numbers here.
  if (typeof v === 'number') return { t: 'number', bits: Number.isNaN(v) ? 'nan' : bits(v) };
  if (typeof v === 'string') return { t: 'str', v };
  if (v instanceof Date) return { t: 'date', ms: v.getTime() };
  return { t: typeof v, v: String(v) };
}

function pyyaml(scalars: readonly string[]): Described[] {
  const script = fileURLToPath(new URL('./fixtures/pyyaml_scalars.py', import.meta.url));
  const r = spawnSync(PYTHON, [script], { input: JSON.stringify(scalars), encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      `${PYTHON} could not run PyYAML (${r.error?.message ?? r.stderr.trim()}); ` +
        'run scripts/install-system-deps.sh (installs python3-yaml), or set SCITEX_PYTHON',
    );
  }
  return JSON.parse(r.stdout) as Described[];
}

describe('YAML 1.1 scalars, as PyYAML safe_load reads them', () => {
  it(`reads all ${SCALARS.length} scalars of the table as PyYAML does`, () => {
    expect(SCALARS.length).toBeGreaterThanOrEqual(50);
    const expected = pyyaml(SCALARS);
    const actual = SCALARS.map((s) => {
      const doc = parseYamlText(`v: ${s}\n`, 'scalars.yaml') as { v: unknown };
      return describeTs(doc.v);
    });
    const rows = SCALARS.map((s, i) => ({ scalar: s, ts: actual[i], python: expected[i] }));
    expect(rows.filter((r) => JSON.stringify(r.ts) !== JSON.stringify(r.python))).toEqual([]);
  });

  it('spot checks: the cases people trip over', () => {
    const load = (s: string): unknown => (parseYamlText(`v: ${s}\n`, 'x.yaml') as { v: unknown }).v;
    expect(load('no')).toBe(false);
    expect(load('off')).toBe(false);
    expect(load('010')).toBe(8);
    expect(load('1:20')).toBe(80);
    expect(load('1_000')).toBe(1000);
    expect(load('1e3')).toBe('1e3');
    expect(load('1.0e+3')).toBe(1000);
    expect(load('"no"')).toBe('no');
    expect(load('-0')).toBe(0);
    expect(Object.is(load('-0'), -0)).toBe(false);
  });

  it('keys resolve too, and come out as JavaScript strings', () => {
    // PyYAML gives {True: 1, 8: 2}; JavaScript object keys are strings.
    expect(parseYamlText('yes: 1\n010: 2\n', 'k.yaml')).toEqual({ true: 1, 8: 2 });
  });

  it('the constructors alone', () => {
    expect(yaml11Int('0b1_0')).toBe(2);
    expect(yaml11Int('-0x10')).toBe(-16);
    expect(yaml11Int('1:0:0')).toBe(3600);
    expect(yaml11Float('-.INF')).toBe(-Infinity);
    expect(yaml11Float('1:30.5')).toBe(90.5);
  });
});
