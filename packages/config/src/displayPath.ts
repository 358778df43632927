/** How file paths appear in messages: relative to the working directory when inside it. */
import { isAbsolute, relative } from 'node:path';

/** `config/PATH.yaml` for a file under the cwd, the absolute path otherwise. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
