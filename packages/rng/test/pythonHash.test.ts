// pythonHash and a numpy manager's verify() against the Python original's hashing, computed
// at test time by Debian's python3-numpy (test/fixtures/python_hash.py).
import { readdirSync, readFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import {
  hashValue,
  NumpyStream,
  deriveSeed,
  pythonHash,
  RandomStateManager,
} from '../src/index.ts';
import { expectCode } from './expectCode.ts';
import { runPython } from './python.ts';

// [TypeScript value, the same value as a Python expression]
const CASES: [unknown, string][] = [
  [true, 'True'],
  [false, 'False'],
  [null, 'None'],
  [42, '42'],
  [-7, '-7'],
  [0, '0'],
  [0.1, '0.1'],
  [1e-5, '1e-05'],
  [123.456, '123.456'],
  [1.5e16, '1.5e16'],
  [1e22, '1e22'],
  [-0, '-0.0'],
  [NaN, "float('nan')"],
  [-Infinity, "float('-inf')"],
  [2.5e-300, '2.5e-300'],
  ['héllo ✓', "'héllo ✓'"],
  ['', "''"],
  [[1, 2, 3], '[1, 2, 3]'],
  [[1.5, 2], '[1.5, 2]'],
  [[-0, 1], '[-0.0, 1]'],
  [[NaN, 1], "[float('nan'), 1]"],
  [
    [
      [1, 2],
      [3, 4],
    ],
    '[[1, 2], [3, 4]]',
  ],
  [[[0.5], [1]], '[[0.5], [1]]'],
  [[[[1, 2]], [[3, 4]]], '[[[1, 2]], [[3, 4]]]'],
  [[true, false], '[True, False]'],
  [[true, 2], '[True, 2]'],
  [[true, 0.5], '[True, 0.5]'],
  [[], '[]'],
  [[[], []], '[[], []]'],
  [['a', 'bcd', ''], "['a', 'bcd', '']"],
  [[1, [2]], '[1, [2]]'],
  [[1, null], '[1, None]'],
  [[[1, 2], [3]], '[[1, 2], [3]]'],
  [
    { b: 1, a: [1, 2.5], c: 'x', d: null, e: true, f: { z: -0.5, y: 'ünï' } },
    "{'b': 1, 'a': [1, 2.5], 'c': 'x', 'd': None, 'e': True, 'f': {'z': -0.5, 'y': 'ünï'}}",
  ],
  [{}, '{}'],
  [Float64Array.of(1.5, 2), 'np.array([1.5, 2.0])'],
  [Int32Array.of(1, -2), 'np.array([1, -2], dtype=np.int32)'],
];

describe('pythonHash: the digests of the Python original', () => {
  it(`equals the original's hash for ${CASES.length} values`, () => {
    const expected = JSON.parse(
      runPython('python_hash.py', ['hash'], JSON.stringify(CASES.map((c) => c[1]))).toString(),
    ) as string[];
    const rows = CASES.map(([value, expr], i) => ({
      expr,
      ts: pythonHash(value),
      py: expected[i],
    }));
    expect(rows.filter((r) => r.ts !== r.py)).toEqual([]);
  });

  it('a NumPy draw hashes alike in both languages', () => {
    const seed = deriveSeed(42, 'data');
    const [py] = JSON.parse(
      runPython(
        'python_hash.py',
        ['hash'],
        JSON.stringify([`np.random.default_rng(${seed}).random(1000)`]),
      ).toString(),
    ) as string[];
    expect(pythonHash(new NumpyStream({ seed }).random(1000))).toBe(py);
    expect(pythonHash(new NumpyStream({ seed }).integers(0, 10, [10, 10]))).toBe(
      (
        JSON.parse(
          runPython(
            'python_hash.py',
            ['hash'],
            JSON.stringify([`np.random.default_rng(${seed}).integers(0, 10, (10, 10))`]),
          ).toString(),
        ) as string[]
      )[0],
    );
  });

  it('hashValue (the default) is unchanged: whole-number arrays still hash as float64', () => {
    expect(hashValue([1, 2])).toBe(hashValue(Float64Array.of(1, 2)));
    expect(pythonHash([1, 2])).toBe(hashValue(BigInt64Array.of(1n, 2n)));
  });
});

describe("verify() of a numpy manager and the original's verify() honour each other's caches", () => {
  it('a cache written by Python is honoured by TypeScript', () => {
    const dir = useTempDir();
    expect(
      runPython('python_hash.py', ['verify', dir.path, 'shared_data', '42', 'data', '1000'])
        .toString()
        .trim(),
    ).toBe('true');
    const rng = new RandomStateManager({ seed: 42, algorithm: 'numpy', cacheDir: dir.path });
    const data = rng.get('data').random(1000);
    expect(rng.verify(data, 'shared_data')).toBe(true);
    data[0] = (data[0] as number) + 1e-9;
    expectCode(() => rng.verify(data, 'shared_data'), 'RNG_VERIFY_MISMATCH');
  });

  it('a cache written by TypeScript is honoured by Python', () => {
    const dir = useTempDir();
    const rng = new RandomStateManager({ seed: 7, algorithm: 'numpy', cacheDir: dir.path });
    expect(rng.verify(rng.get('model').random(500), 'ts-data')).toBe(true);
    expect(readdirSync(dir.path)).toEqual(['ts-data.json']);
    expect(JSON.parse(readFileSync(dir.join('ts-data.json'), 'utf8'))).toMatchObject({
      name: 'ts-data',
      seed: 7,
    });
    const py = (args: string[]): string =>
      runPython('python_hash.py', ['verify', dir.path, ...args])
        .toString()
        .trim();
    expect(py(['ts-data', '7', 'model', '500'])).toBe('true');
    expect(py(['ts-data', '7', 'model', '501'])).toBe('false');
  });
});

describe('verify() finds a cache entry the original wrote under its own file name', () => {
  it('names with other characters: the original writes train_loss.json for "train/loss"', () => {
    const dir = useTempDir();
    expect(
      runPython('python_hash.py', ['verify', dir.path, 'train/loss', '3', 'x', '10'])
        .toString()
        .trim(),
    ).toBe('true');
    expect(readdirSync(dir.path)).toEqual(['train_loss.json']);
    const rng = new RandomStateManager({ seed: 3, algorithm: 'numpy', cacheDir: dir.path });
    expect(rng.verify(rng.get('x').random(10), 'train/loss')).toBe(true);
    expect(rng.verify(rng.get('x').random(10), 'train/loss', { throw: false })).toBe(false);
    // The original's scheme gives 'train_loss' the same file; it is not taken for that name's entry.
    expectCode(() => rng.verify([1], 'train_loss'), 'RNG_BAD_CACHE_ENTRY');
  });
});
