/**
 * Property writes that can never reach a prototype: a key named `__proto__` becomes an
 * own data property (as JSON.parse and js-yaml make it) instead of calling the setter.
 */

/** Sets `obj[key] = value` as an own, enumerable data property. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

/** True for objects made by `{}` / `Object.create(null)` / JSON.parse / js-yaml mappings. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
