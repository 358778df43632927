// @scitex/session carries its own copy of this package: an error made by that copy must
// pass `instanceof` against the class imported from here. `?copy` makes vite load a
// second, separate instance of the same source module.
import { describe, expect, it } from 'vitest';
import { SdirError } from '../src/errors.ts';
import type * as ErrorsModule from '../src/errors.ts';

// A variable specifier keeps TypeScript from looking for a file named '…?copy'.
function copyOf<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${path}?copy`) as Promise<T>;
}

describe('SdirError from another copy of the package', () => {
  it('passes instanceof both ways; unrelated values and subclasses keep the usual answer', async () => {
    const copy = await copyOf<typeof ErrorsModule>('../src/errors.ts');
    expect(copy.SdirError).not.toBe(SdirError);
    expect(new copy.SdirError('SDIR_INVALID_SUFFIX', 'x') instanceof SdirError).toBe(true);
    expect(new SdirError('SDIR_INVALID_SUFFIX', 'x') instanceof copy.SdirError).toBe(true);
    for (const v of [new Error('x'), {}, null, undefined, 'SdirError', 1]) {
      expect(v instanceof SdirError).toBe(false);
    }
    class Sub extends SdirError {}
    expect(new copy.SdirError('SDIR_INVALID_SUFFIX', 'x') instanceof Sub).toBe(false);
    expect(new Sub('SDIR_INVALID_SUFFIX', 'x') instanceof SdirError).toBe(true);
  });
});
