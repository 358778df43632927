import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashValue } from '../src/index.ts';
import { expectCode } from './expectCode.ts';

const sha = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex').slice(0, 32);

describe('hashValue', () => {
  it('strings hash as UTF-8; the first 32 hex chars of SHA-256', () => {
    expect(hashValue('héllo ✓')).toBe(sha(Buffer.from('héllo ✓', 'utf8')));
    expect(hashValue('abc')).toBe('ba7816bf8f01cfea414140de5dae2223');
    expect(hashValue('abc')).toHaveLength(32);
  });

  it('typed arrays, Buffers, DataViews and ArrayBuffers hash as their bytes (respecting views)', () => {
    const f = new Float64Array([1.5, -2, 3.25]);
    expect(hashValue(f)).toBe(sha(new Uint8Array(f.buffer)));
    const big = new Uint8Array([9, 1, 2, 3, 9]);
    expect(hashValue(big.subarray(1, 4))).toBe(sha(new Uint8Array([1, 2, 3])));
    expect(hashValue(Buffer.from([1, 2, 3]))).toBe(sha(new Uint8Array([1, 2, 3])));
    expect(hashValue(new DataView(big.buffer, 1, 3))).toBe(sha(new Uint8Array([1, 2, 3])));
    expect(hashValue(new Uint8Array([1, 2, 3]).buffer)).toBe(sha(new Uint8Array([1, 2, 3])));
  });

  it('number arrays hash as little-endian float64: the same as the Float64Array', () => {
    const xs = Array.from({ length: 20_000 }, (_, i) => Math.sin(i) * 1e3);
    expect(hashValue(xs)).toBe(hashValue(Float64Array.from(xs)));
    const le = Buffer.alloc(16);
    le.writeDoubleLE(1, 0);
    le.writeDoubleLE(NaN, 8);
    expect(hashValue([1, NaN])).toBe(sha(le));
    expect(hashValue([0])).not.toBe(hashValue([-0]));
  });

  it('objects hash independently of key order, at any depth', () => {
    expect(hashValue({ a: 1, b: { c: [1, 'x'], d: null } })).toBe(
      hashValue({ b: { d: null, c: [1, 'x'] }, a: 1 }),
    );
    expect(
      hashValue(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
      ),
    ).toBe(
      hashValue(
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    );
    expect(hashValue(new Set([3, 1, 2]))).toBe(hashValue(new Set([1, 2, 3])));
  });

  // (A top-level string hashes as its raw bytes, so it can equal another value's canonical
  // text — the price of strings hashing like Python's. Inside structures it cannot.)
  it('tells apart values that JSON would confuse', () => {
    const distinct: unknown[] = [
      { a: NaN },
      { a: null },
      { a: undefined },
      {},
      { a: Infinity },
      { a: '1' },
      { a: 1 },
      { a: 1n },
      { a: -0 },
      { a: 0 },
      { a: new Date(0) },
      { a: '1970-01-01T00:00:00.000Z' },
      { a: new Float32Array([1]) },
      { a: new Float64Array([1]) },
      { a: [1] },
      { a: new Map([['x', 1]]) },
      { a: { x: 1 } },
      [[1, 2]],
      [[1], [2]],
      [1, '2'],
      ['1', 2],
      { a: true },
      { a: 'true' },
    ];
    const hashes = distinct.map(hashValue);
    expect(new Set(hashes).size).toBe(distinct.length);
  });

  it('equal data hashes equal; a changed value changes the hash', () => {
    const make = (x: number): unknown => ({
      weights: [
        [1, 2],
        [3, x],
      ],
      meta: { epoch: 3 },
    });
    expect(hashValue(make(4))).toBe(hashValue(make(4)));
    expect(hashValue(make(4))).not.toBe(hashValue(make(4.000000000000001)));
  });

  it('uses toJSON like JSON does', () => {
    expect(hashValue({ v: { toJSON: () => 'x' } })).toBe(hashValue({ v: 'x' }));
  });

  it('refuses functions, symbols and cycles with RNG_INVALID_ARGUMENT', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const bad of [() => 1, Symbol('s'), { f: () => 1 }, cyclic, [cyclic]]) {
      expectCode(() => hashValue(bad), 'RNG_INVALID_ARGUMENT');
    }
    // Shared (not circular) references are fine.
    const shared = { x: 1 };
    expect(hashValue({ a: shared, b: shared })).toBe(hashValue({ a: { x: 1 }, b: { x: 1 } }));
  });
});
