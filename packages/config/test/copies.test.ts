// @scitex/session carries its own copy of this package: an error made by that copy must
// pass `instanceof` against the class imported from here. `?copy` makes vite load a
// second, separate instance of the same source module.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.ts';
import type * as ErrorsModule from '../src/errors.ts';

// A variable specifier keeps TypeScript from looking for a file named '…?copy'.
function copyOf<T>(path: string): Promise<T> {
  return import(/* @vite-ignore */ `${path}?copy`) as Promise<T>;
}

describe('ConfigError from another copy of the package', () => {
  it('passes instanceof both ways; unrelated values and subclasses keep the usual answer', async () => {
    const copy = await copyOf<typeof ErrorsModule>('../src/errors.ts');
    expect(copy.ConfigError).not.toBe(ConfigError);
    expect(new copy.ConfigError('CONFIG_PARSE_FAILED', 'x') instanceof ConfigError).toBe(true);
    expect(new ConfigError('CONFIG_PARSE_FAILED', 'x') instanceof copy.ConfigError).toBe(true);
    for (const v of [new Error('x'), {}, null, undefined, 'ConfigError', 1]) {
      expect(v instanceof ConfigError).toBe(false);
    }
    class Sub extends ConfigError {}
    expect(new copy.ConfigError('CONFIG_PARSE_FAILED', 'x') instanceof Sub).toBe(false);
    expect(new Sub('CONFIG_PARSE_FAILED', 'x') instanceof ConfigError).toBe(true);
  });
});
