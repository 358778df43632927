/** RFC 6901 JSON Pointers: how CONFIG.json's type table names a place in the document. */

/** `parent` + `/` + the escaped `key` (`~` → `~0`, `/` → `~1`). */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
