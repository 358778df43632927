/**
 * `require` relative to this package, made on first use. node:module is taken only then:
 * importing it at start-up costs a fraction of a millisecond that most runs never need.
 */
import type * as NodeModule from 'node:module';

let req: NodeJS.Require | undefined;

export function requireLazily(id: string): unknown {
  req ??= (process.getBuiltinModule('node:module') as typeof NodeModule).createRequire(
    import.meta.url,
  );
  return req(id);
}
