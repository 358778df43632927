/**
 * Which keys hold secrets. The key is split into words (at `_`, `-`, `.`, spaces and
 * camelCase humps); it is a secret when a word is `token`, `secret(s)`, `password(s)`,
 * `passwd`, `apikey`, or two adjacent words are `api key` / `private key` — and, spelled
 * inside one word, `password`, `passwd`, `secret`, `apikey`. Whole words for "token" keep
 * `max_tokens` and `tokenizer`, which are hyperparameters, in the snapshot.
 */

const WORDS = new Set(['token', 'secret', 'secrets', 'password', 'passwords', 'passwd', 'apikey']);
const PAIRS = new Set(['api key', 'private key']);
const INSIDE = /password|passwd|secret|apikey/i;
const HINTS = ['key', 'token', 'secret', 'passw'];

/** Splits `dbPassword`, `GITHUB_TOKEN`, `api-key` into lower-case words. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when values under `key` are redacted in saved snapshots (`GITHUB_TOKEN`, `db_password`, `apiKey`). */
export function isSecretKey(key: string): boolean {
  if (typeof key !== 'string') return false;
  // Every rule above needs one of these in the key: most keys are settled here, without
  // the regular expressions below (a snapshot asks this of every key, twice).
  const lower = key.toLowerCase();
  if (!HINTS.some((hint) => lower.includes(hint))) return false;
  if (INSIDE.test(key)) return true;
  const w = words(key);
  for (let i = 0; i < w.length; i++) {
    if (WORDS.has(w[i]!)) return true;
    if (i + 1 < w.length && PAIRS.has(`${w[i]} ${w[i + 1]}`)) return true;
  }
  return false;
}
