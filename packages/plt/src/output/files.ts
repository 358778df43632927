/**
 * Output files: format from the extension, companion paths (`<stem>.csv`,
 * `<stem>.vl.json`), and atomic writes — a crash mid-save never leaves half a PNG under
 * the final name.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openFileAtomic, writeFileAtomic, type AtomicFile } from '../atomicWrite.js';
import { PltError } from '../errors.js';

export type { AtomicFile };

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
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data);
  } catch (cause) {
    throw new PltError('PLT_IO_FAILED', `could not write ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Opens `path` for an atomic, streamed write (parent directories are created). */
export function openAtomic(path: string): AtomicFile {
  const io = (cause: unknown): PltError =>
    new PltError('PLT_IO_FAILED', `could not write ${path}: ${(cause as Error).message}`, {
      cause,
    });
  let file: AtomicFile;
  try {
    mkdirSync(dirname(path), { recursive: true });
    file = openFileAtomic(path);
  } catch (cause) {
    throw io(cause);
  }
  const guard =
    (fn: (d?: string | Uint8Array) => void) =>
    (d?: string | Uint8Array): void => {
      try {
        fn(d);
      } catch (cause) {
        throw io(cause);
      }
    };
  return {
    write: guard((d) => file.write(d!)),
    commit: guard(() => file.commit()),
    abort: () => file.abort(),
  };
}
