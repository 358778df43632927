/**
 * Output files: format from the extension, companion paths (`<stem>.csv`,
 * `<stem>.vl.json`), and atomic writes — a crash mid-save never leaves half a PNG under
 * the final name.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { PltError } from './errors.js';

/** Formats `save` and `rerender` write. */
export type SaveFormat = 'png' | 'svg' | 'json';

const EXT: ReadonlyArray<readonly [string, SaveFormat]> = [
  ['.vl.json', 'json'],
  ['.json', 'json'],
  ['.png', 'png'],
  ['.svg', 'svg'],
];

/** The format for `path` (or the forced `format`) and the path without its extension. */
export function formatOf(path: string, format?: SaveFormat): { format: SaveFormat; stem: string } {
  const lower = path.toLowerCase();
  const hit = EXT.find(([e]) => lower.endsWith(e));
  if (format !== undefined) {
    if (!EXT.some(([, f]) => f === format)) {
      throw new PltError(
        'PLT_UNSUPPORTED_FORMAT',
        `format must be 'png', 'svg' or 'json'; got ${JSON.stringify(format)}`,
      );
    }
    return { format, stem: hit ? path.slice(0, path.length - hit[0].length) : path };
  }
  if (!hit) {
    const ext = /\.[^./\\]*$/.exec(path)?.[0] ?? '(none)';
    throw new PltError(
      'PLT_UNSUPPORTED_FORMAT',
      `cannot save ${JSON.stringify(path)}: extension ${ext} is not supported; use .png, .svg, .vl.json or .json (or pass { format })`,
    );
  }
  return { format: hit[1], stem: path.slice(0, path.length - hit[0].length) };
}

let seq = 0;

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there (e.g. the parent is not a directory).
  }
}

/** Creates the parent directory of `path` (PLT_IO_FAILED if it cannot be). */
export function ensureParent(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (cause) {
    throw new PltError(
      'PLT_IO_FAILED',
      `cannot create the folder for ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Writes `data` to `path` via a temporary file and a rename, creating parent directories. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${++seq}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (cause) {
    removeQuietly(tmp);
    throw new PltError('PLT_IO_FAILED', `could not write ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** A file written piece by piece under a temporary name, renamed into place by `commit()`. */
export interface AtomicFile {
  write(text: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** Opens `path` for an atomic, streamed write (parent directories are created). */
export function openAtomic(path: string): AtomicFile {
  const tmp = `${path}.${process.pid}.${++seq}.tmp`;
  let fd: number | undefined;
  const fail = (cause: unknown): never => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    removeQuietly(tmp);
    throw new PltError('PLT_IO_FAILED', `could not write ${path}: ${(cause as Error).message}`, {
      cause,
    });
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
  } catch (cause) {
    fail(cause);
  }
  return {
    write(text: string | Uint8Array): void {
      try {
        if (typeof text === 'string') writeSync(fd!, text);
        else writeSync(fd!, text);
      } catch (cause) {
        fail(cause);
      }
    },
    commit(): void {
      try {
        closeSync(fd!);
        fd = undefined;
        renameSync(tmp, path);
      } catch (cause) {
        fail(cause);
      }
    },
    abort(): void {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      removeQuietly(tmp);
    },
  };
}
