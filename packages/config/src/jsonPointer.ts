/** RFC 6901 JSON Pointers: how CONFIG.json's type table names a place in the document. */

/** `parent` + `/` + the escaped `key` (`~` → `~0`, `/` → `~1`). */
export function childPointer(parent: string, key: string | number): string {
  const k = String(key);
  if (!k.includes('~') && !k.includes('/')) return `${parent}/${k}`;
  return `${parent}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
