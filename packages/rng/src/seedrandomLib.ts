/**
 * seedrandom's per-algorithm files. They are CommonJS, so they are required on first
 * use, and only the one algorithm in use: importing all three as ES modules cost ~10 ms
 * of every session's start.
 */
import type * as NodeModule from 'node:module';

export function requireSeeder(algorithm: 'tychei' | 'xor4096' | 'alea'): unknown {
  // node:module itself is taken only now: importing it costs a fraction of a millisecond.
  const { createRequire } = process.getBuiltinModule('node:module') as typeof NodeModule;
  return createRequire(import.meta.url)(`seedrandom/lib/${algorithm}.js`);
}
