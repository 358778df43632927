/**
 * Where the session gets @scitex/plt from. From the sources (tests, tsx) it is a plain
 * import. The published bundle swaps this module for `pltModule.lazy.ts`, which loads
 * the package on first use instead (see scripts/build.mjs).
 */
import * as pltModule from '@scitex/plt';

export function loadPlt(): typeof pltModule {
  return pltModule;
}
