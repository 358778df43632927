/**
 * `instanceof` that also recognises objects made by another copy of this package:
 * @scitex/session carries its own copy of `@scitex/plt/settings`, so an error it throws
 * is made by a different class object from the one imported from this package. A branded class answers `instanceof`
 * by a process-wide `Symbol.for` mark on its prototype; subclasses keep the usual check.
 */
export function brand(cls: abstract new (...args: never[]) => unknown, key: string): void {
  const mark = Symbol.for(key);
  Object.defineProperty(cls.prototype, mark, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, value);
      return (
        (typeof value === 'object' || typeof value === 'function') &&
        value !== null &&
        (value as Record<symbol, unknown>)[mark] === true
      );
    },
  });
}
