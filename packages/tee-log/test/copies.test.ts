// @scitex/session carries its own copy of this package: an error made by that copy must
// pass `instanceof` against the class imported from here. `?copy` makes vite load a
// second, separate instance of the same source module.
import { describe, expect, it } from 'vitest';
import { TeeError } from '../src/errors.ts';
import type * as ErrorsModule from '../src/errors.ts';

// A variable specifier keeps TypeScript from looking for a file named '…?copy'.
function copyOf<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${path}?copy`) as Promise<T>;
}

describe('TeeError from another copy of the package', () => {
  it('passes instanceof both ways; unrelated values and subclasses keep the usual answer', async () => {
    const copy = await copyOf<typeof ErrorsModule>('../src/errors.ts');
    expect(copy.TeeError).not.toBe(TeeError);
    expect(new copy.TeeError('TEE_INVALID_OPTION', 'x') instanceof TeeError).toBe(true);
    expect(new TeeError('TEE_INVALID_OPTION', 'x') instanceof copy.TeeError).toBe(true);
    for (const v of [new Error('x'), {}, null, undefined, 'TeeError', 1]) {
      expect(v instanceof TeeError).toBe(false);
    }
    class Sub extends TeeError {}
    expect(new copy.TeeError('TEE_INVALID_OPTION', 'x') instanceof Sub).toBe(false);
    expect(new Sub('TEE_INVALID_OPTION', 'x') instanceof TeeError).toBe(true);
  });
});
