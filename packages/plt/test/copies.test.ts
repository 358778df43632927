// @scitex/session carries its own copy of `@scitex/plt/settings`: an error made by that
// copy must pass `instanceof` against the class imported from here. `?copy` makes vite
// load a second, separate instance of the same source module.
import { describe, expect, it } from 'vitest';
import { PltError } from '../src/errors.ts';
import type * as ErrorsModule from '../src/errors.ts';

// A variable specifier keeps TypeScript from looking for a file named '…?copy'.
function copyOf<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${path}?copy`) as Promise<T>;
}

describe('PltError from another copy of the package', () => {
  it('passes instanceof both ways; unrelated values and subclasses keep the usual answer', async () => {
    const copy = await copyOf<typeof ErrorsModule>('../src/errors.ts');
    expect(copy.PltError).not.toBe(PltError);
    expect(new copy.PltError('PLT_INVALID_OPTION', 'x') instanceof PltError).toBe(true);
    expect(new PltError('PLT_INVALID_OPTION', 'x') instanceof copy.PltError).toBe(true);
    for (const v of [new Error('x'), {}, null, undefined, 'PltError', 1]) {
      expect(v instanceof PltError).toBe(false);
    }
    class Sub extends PltError {}
    expect(new copy.PltError('PLT_INVALID_OPTION', 'x') instanceof Sub).toBe(false);
    expect(new Sub('PLT_INVALID_OPTION', 'x') instanceof PltError).toBe(true);
  });
});
