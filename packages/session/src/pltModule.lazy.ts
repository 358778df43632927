/**
 * The bundle's stand-in for `pltModule.ts`: @scitex/plt is required on first use, not
 * imported at start-up. Its module graph costs a few milliseconds to load, which every
 * run would pay in start() even when it draws nothing. `require` of an ES module works
 * unflagged from Node 20.19 (this package's engines floor).
 */
import type * as PltModule from '@scitex/plt';
import { requireLazily } from './requireLazily.js';

let loaded: typeof PltModule | undefined;

export function loadPlt(): typeof PltModule {
  return (loaded ??= requireLazily('@scitex/plt') as typeof PltModule);
}
