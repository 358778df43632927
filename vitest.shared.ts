// Shared vitest settings: resolve sibling packages from their TypeScript sources
// (the "@scitex/source" export condition), so tests need no build.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export const sourceConditions: string[] = ['@scitex/source'];

const config: ViteUserConfig = defineConfig({
  resolve: { conditions: [...sourceConditions, 'import', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: [...sourceConditions, 'import', 'node', 'default'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest-result.json' }]],
    pool: 'forks',
  },
});

export default config;
