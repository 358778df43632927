/**
 * node:crypto, loaded when first needed. Loading it costs ~1.5 ms, and nothing a session
 * does at start-up needs it: stream seeds use MD5 from @noble/hashes (see deriveSeed.ts);
 * only `verify`, its cache and checkpoint writes use node:crypto.
 */
import type * as Crypto from 'node:crypto';

let loaded: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  return (loaded ??= process.getBuiltinModule('node:crypto') as typeof Crypto);
}
