/** The generator string recorded in every spec, read from package.json on first use. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** `@scitex/plt <version>`. */
export function generator(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        version?: string;
      };
      cached = `@scitex/plt ${pkg.version ?? ''}`.trim();
    } catch {
      cached = '@scitex/plt';
    }
  }
  return cached;
}
