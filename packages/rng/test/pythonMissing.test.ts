// Without NumPy the golden tests must fail loudly, saying what to install — never skip.
import { chmodSync, writeFileSync } from 'node:fs';
import { useTempDir } from '@scitex/test-utils';
import { describe, expect, it } from 'vitest';
import { runPython } from './python.ts';

describe('runPython', () => {
  it('fails with the install hint when the python has no NumPy', () => {
    const dir = useTempDir();
    const fake = dir.join('python3');
    // A python3 whose NumPy import fails, as Debian's does before python3-numpy.
    writeFileSync(
      fake,
      '#!/bin/sh\necho "ModuleNotFoundError: No module named \'numpy\'" >&2\nexit 1\n',
    );
    chmodSync(fake, 0o755);
    expect(() => runPython('numpy_draws.py', ['{}'], undefined, fake)).toThrow(
      /scripts\/install-system-deps\.sh/,
    );
  });

  it('fails with the install hint when there is no python3 at all', () => {
    expect(() => runPython('numpy_draws.py', ['{}'], undefined, '/nonexistent/python3')).toThrow(
      /scripts\/install-system-deps\.sh/,
    );
  });
});
