// @scitex/metrics and @scitex/tee-log each need to see the process end, and leaves do not
// import each other: processEnd.ts is copied on purpose, and must stay the same file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('processEnd.ts', () => {
  it('is the same as @scitex/tee-log’s', () => {
    const read = (pkg: string): string =>
      readFileSync(new URL(`../../${pkg}/src/processEnd.ts`, import.meta.url), 'utf8');
    expect(read('metrics')).toBe(read('tee-log'));
  });
});
