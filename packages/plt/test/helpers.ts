import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { PltError, type PltErrorCode } from '../src/index.ts';

/** Asserts that `fn` throws a PltError with `code`; returns it. */
export function expectCode(fn: () => unknown, code: PltErrorCode): PltError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${code} to be thrown`).toBeInstanceOf(PltError);
  expect((caught as PltError).code).toBe(code);
  return caught as PltError;
}

/** Asserts that `p` rejects with a PltError with `code`; returns it. */
export async function expectRejectCode(p: Promise<unknown>, code: PltErrorCode): Promise<PltError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected ${code} to be thrown`).toBeInstanceOf(PltError);
  expect((caught as PltError).code).toBe(code);
  return caught as PltError;
}

/** Decoded RGBA pixels of a PNG file or buffer. */
export function pixels(png: string | Buffer): PNG {
  return PNG.sync.read(typeof png === 'string' ? readFileSync(png) : png);
}

/** Number of pixels in a rectangle whose RGB is within `tol` of `rgb`. */
export function countColor(
  img: PNG,
  rgb: readonly [number, number, number],
  tol = 8,
  rect: { x: number; y: number; w: number; h: number } = {
    x: 0,
    y: 0,
    w: img.width,
    h: img.height,
  },
): number {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * img.width + x) * 4;
      if (
        Math.abs(img.data[i]! - rgb[0]) <= tol &&
        Math.abs(img.data[i + 1]! - rgb[1]) <= tol &&
        Math.abs(img.data[i + 2]! - rgb[2]) <= tol
      ) {
        n++;
      }
    }
  }
  return n;
}

/** Number of dark pixels (every channel below 100) in a rectangle. */
export function countDark(img: PNG, rect: { x: number; y: number; w: number; h: number }): number {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i]! < 100 && img.data[i + 1]! < 100 && img.data[i + 2]! < 100) n++;
    }
  }
  return n;
}

/** `c` drawn with opacity `a` over white. */
export function overWhite(
  c: readonly [number, number, number],
  a: number,
): [number, number, number] {
  return [0, 1, 2].map((k) => Math.round(a * c[k]! + (1 - a) * 255)) as [number, number, number];
}

/** A deterministic noisy sine of n points. */
export function noisySine(n: number, noise = 0.2): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    x[i] = (i / n) * 10;
    s = (s * 1103515245 + 12345) % 2147483648;
    y[i] = Math.sin(x[i]! * 2 * Math.PI) + noise * (s / 2147483648 - 0.5);
  }
  return { x, y };
}

/** Parses our CSV (no quoted fields) into columns by header name. */
export function parseCsv(text: string): Record<string, string[]> {
  const lines = text.trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const out: Record<string, string[]> = Object.fromEntries(header.map((h) => [h, []]));
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    header.forEach((h, i) => out[h]!.push(cells[i] ?? ''));
  }
  return out;
}
