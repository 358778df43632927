// Deliberate copies: a helper that two leaf packages both need lives in each of them
// (leaves never import each other), byte for byte the same, so the rule cannot drift.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../../packages/', import.meta.url));

describe.each(['atomicWrite.ts', 'processEnd.ts', 'describeValue.ts'])(
  'every copy of src/%s',
  (file) => {
    it('is identical', () => {
      const copies = readdirSync(packages)
        .map((p) => join(packages, p, 'src', file))
        .filter((f) => existsSync(f));
      expect(copies.length).toBeGreaterThanOrEqual(2);
      const [first, ...rest] = copies.map((f) => readFileSync(f, 'utf8'));
      for (const [i, text] of rest.entries()) expect(text, copies[i + 1]).toBe(first);
    });
  },
);
