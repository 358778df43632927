/**
 * js-yaml, required on first use. A session that has no config files and only plain
 * values in its CONFIG never needs it (see plainYaml.ts), and loading it costs about a
 * millisecond.
 */
import type * as NodeModule from 'node:module';
import type * as JsYaml from 'js-yaml';

let lib: typeof JsYaml | undefined;

export function jsYaml(): typeof JsYaml {
  if (lib) return lib;
  // node:module too is taken only now: importing it costs a fraction of a millisecond.
  const { createRequire } = process.getBuiltinModule('node:module') as typeof NodeModule;
  return (lib = createRequire(import.meta.url)('js-yaml') as typeof JsYaml);
}
