/**
 * Loads the package's CommonJS bundle (`dist/session.cjs`) through a V8 code cache.
 *
 * Why: a session is opened by short scripts too, and most of what `start()` + `close()`
 * cost there is V8 compiling the ~300 KB bundle and then compiling, on first call, every
 * function on the start-up path. V8 can serialise that compiled code; loading it back is
 * several times cheaper. Node 22 does this for every module (`module.enableCompileCache`);
 * Node 20, our floor, has only the `vm.Script` cached-data API, which is what this uses.
 *
 * - Where: `$SCITEX_COMPILE_CACHE` if it is a path; otherwise `$XDG_CACHE_HOME/scitex/v8`,
 *   `~/.cache/scitex/v8` (`%LOCALAPPDATA%\scitex\v8` on Windows). `SCITEX_COMPILE_CACHE=0`
 *   turns it off. The directory is created private (0700).
 * - What: one file per bundle text × V8 version × architecture, named after all three, so a
 *   rebuilt bundle or another Node never meets an old cache. V8 checks its own version and
 *   flags again, but release builds of V8 do not verify the payload's checksum, and cached
 *   code is executable: so the file holds the payload twice, and both copies must match
 *   byte for byte (a checksum would mean loading node:crypto or hashing 250 KB in cold
 *   JavaScript, each a millisecond or more; comparing is microseconds). Files not owned
 *   by this user are ignored.
 * - When: written at process exit by the first process that found no usable cache (the
 *   functions compiled by then are included), to a temporary name renamed into place, so
 *   concurrent processes never see half a file. Of other builds' caches for the same
 *   package version, the three newest are kept and older ones removed then.
 * - Growing with use: what the first run compiled is what later runs find compiled. A
 *   part of the bundle that only some runs use (js-yaml, for runs with config files) is
 *   named a feature: the bundle calls `use(name)` on the outcome when it first runs it,
 *   the file lists the features it holds, and a process that used one the file lacks
 *   rewrites the cache at exit — V8 then serialises what was loaded plus what this run
 *   compiled. So the cache converges on what a user's runs do, in a run or two.
 * - Failure of any kind (read-only home, full disk, corrupt file) only means no cache:
 *   the bundle is compiled as usual and nothing is reported.
 *
 * The outcome is recorded on `globalThis[Symbol.for('@scitex/session.compileCache')]` as
 * `{ path, status, features, use }`, status `'hit' | 'miss' | 'rejected' | 'off'`.
 */
import type * as Fs from 'node:fs';
import type * as Module from 'node:module';
import type * as Os from 'node:os';
import type * as Path from 'node:path';
import type * as Url from 'node:url';
import type * as Vm from 'node:vm';

// This module is the package's ES-module entry, so it takes Node's built-in modules with
// process.getBuiltinModule: importing a built-in as an ES module builds a facade of all
// its exports (for node:fs that loads the stream classes), and createRequire loads
// node:module — each a fraction of a millisecond this entry point does not need.
const builtin = <T>(id: string): T => process.getBuiltinModule(id) as T;
const {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = builtin<typeof Fs>('node:fs');
const { dirname, join } = builtin<typeof Path>('node:path');
const { fileURLToPath } = builtin<typeof Url>('node:url');
const { Script } = builtin<typeof Vm>('node:vm');

/** The bundle to load. */
export interface BundleSpec {
  /** The CommonJS bundle: an absolute path or a file: URL. */
  file: string | URL;
  /** Cache-file stem naming the package and version, e.g. `session-0.1.0`. */
  name: string;
  /** Hash of the bundle's text (computed when it was built). */
  hash: string;
}

/** What happened to the cache in this process. */
export interface CacheOutcome {
  /** The cache file, or null when caching is off. */
  path: string | null;
  status: 'hit' | 'miss' | 'rejected' | 'off';
  /** Features the cache file held when it was loaded (empty unless a hit). */
  features: string[];
  /** Marks a feature as used by this run (see "Growing with use" above). */
  use(feature: string): void;
}

/** A cache file's content. */
export interface CacheContent {
  /** V8's cached data. */
  data: Buffer;
  /** The features whose code it holds. */
  features: string[];
}

export const OUTCOME_KEY: unique symbol = Symbol.for('@scitex/session.compileCache') as never;

// File: MAGIC, u32 body length, body, body again. Body: u16 length of the feature list,
// the list (ASCII, comma-separated), V8's data.
const MAGIC = Buffer.from('SCITEXV8CACHE\n\x03\x00', 'latin1');
const LENGTH = 4;
const FEATURES_LENGTH = 2;
const KEEP_OTHER_BUILDS = 3;
// The CommonJS wrapper, on the bundle's first line so its line numbers stay right.
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/** The cache directory for this environment, or null when caching is turned off. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env['SCITEX_COMPILE_CACHE'];
  if (setting !== undefined && setting !== '') {
    if (/^(0|false|off|no)$/i.test(setting)) return null;
    if (!/^(1|true|on|yes)$/i.test(setting)) return setting;
  }
  if (process.platform === 'win32' && env['LOCALAPPDATA'])
    return join(env['LOCALAPPDATA'], 'scitex', 'v8');
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'scitex', 'v8');
  // What os.homedir() answers first on POSIX; node:os itself is loaded only without it.
  let home = process.platform === 'win32' ? undefined : env['HOME'];
  if (!home) {
    try {
      home = builtin<typeof Os>('node:os').homedir();
    } catch {
      return null;
    }
  }
  return home ? join(home, '.cache', 'scitex', 'v8') : null;
}

/** File name of the cache for `spec` under this V8 and architecture. */
export function cacheFileName(spec: BundleSpec): string {
  const v8 = process.versions.v8.replace(/[^\w.-]/g, '_');
  return `${spec.name}-${spec.hash}-v8-${v8}-${process.arch}.bin`;
}

/** The cache in `path` if it is ours, whole and owned by this user; else undefined. */
export function readCache(path: string): CacheContent | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const uid = process.getuid?.();
    if (uid !== undefined && fstatSync(fd).uid !== uid) return undefined;
    const all = readFileSync(fd);
    if (all.length < MAGIC.length + LENGTH || !all.subarray(0, MAGIC.length).equals(MAGIC))
      return undefined;
    const size = all.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + LENGTH;
    if (size <= FEATURES_LENGTH || all.length !== start + 2 * size) return undefined;
    const body = all.subarray(start, start + size);
    if (!body.equals(all.subarray(start + size))) return undefined;
    const listEnd = FEATURES_LENGTH + body.readUInt16LE(0);
    if (listEnd >= body.length) return undefined;
    const list = body.toString('latin1', FEATURES_LENGTH, listEnd);
    return { data: body.subarray(listEnd), features: list === '' ? [] : list.split(',') };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache at `path` (atomically) and removes older builds' caches. */
export function writeCache(path: string, content: CacheContent, spec: BundleSpec): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const list = Buffer.from(content.features.join(','), 'latin1');
    const head = Buffer.alloc(LENGTH + FEATURES_LENGTH);
    head.writeUInt32LE(FEATURES_LENGTH + list.length + content.data.length);
    head.writeUInt16LE(list.length, LENGTH);
    const body = [head.subarray(LENGTH), list, content.data];
    writeFileSync(tmp, Buffer.concat([MAGIC, head.subarray(0, LENGTH), ...body, ...body]), {
      mode: 0o600,
    });
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created.
    }
    throw err;
  }
  // Other builds of this package version (a developer rebuilding, two checkouts): keep
  // the newest few, so caches do not pile up and two builds in use do not evict each other.
  const mine = path.slice(dir.length + 1);
  const suffix = mine.slice(`${spec.name}-${spec.hash}`.length);
  const others = readdirSync(dir)
    .filter((e) => e !== mine && e.startsWith(`${spec.name}-`) && e.endsWith(suffix))
    .map((e) => {
      try {
        return { path: join(dir, e), mtime: statSync(join(dir, e)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((e) => e !== null)
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of others.slice(KEEP_OTHER_BUILDS)) {
    try {
      unlinkSync(old.path);
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * The `require` the bundle runs with. It asks for Node's built-in modules at start and for
 * packages (@scitex/plt, commander) only on first use, so a real require — and node:module
 * with it — is made only then.
 */
function bundleRequire(file: string): NodeJS.Require {
  let real: NodeJS.Require | undefined;
  const load = (): NodeJS.Require =>
    (real ??= builtin<typeof Module>('node:module').createRequire(file));
  const req = ((id: string) =>
    (id.startsWith('node:') && process.getBuiltinModule(id)) || load()(id)) as NodeJS.Require;
  // The rest of require's interface, for code that looks at it.
  Object.defineProperties(req, {
    resolve: { get: () => load().resolve, enumerable: true },
    cache: { get: () => load().cache, enumerable: true },
    main: { get: () => load().main, enumerable: true },
  });
  return req;
}

/** Runs the CommonJS bundle described by `spec` and returns its exports. */
export function loadBundle(spec: BundleSpec): Record<string, unknown> {
  const file = spec.file instanceof URL ? fileURLToPath(spec.file) : spec.file;
  // The bundle is ASCII (checked when it is built): latin1 decodes it exactly, and faster.
  const source = readFileSync(file, 'latin1');
  const dir = cacheDirectory();
  const path = dir === null ? null : join(dir, cacheFileName(spec));
  const cached = path === null ? undefined : readCache(path);
  const script = new Script(HEAD + source + TAIL, { filename: file, cachedData: cached?.data });
  const status: CacheOutcome['status'] =
    path === null
      ? 'off'
      : cached === undefined
        ? 'miss'
        : script.cachedDataRejected
          ? 'rejected'
          : 'hit';
  const had = status === 'hit' ? cached!.features : [];
  let used: string[] = [];
  const outcome: CacheOutcome = {
    path,
    status,
    features: had,
    use(feature: string): void {
      if (!used.includes(feature)) used = [...used, feature];
    },
  };
  (globalThis as Record<symbol, unknown>)[OUTCOME_KEY] = outcome;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: Record<string, unknown> },
    filename: string,
    dirname: string,
  ) => void;
  const mod = { exports: {} as Record<string, unknown> };
  wrapper.call(mod.exports, mod.exports, bundleRequire(file), mod, file, dirname(file));
  if (path !== null) {
    process.once('exit', () => {
      const features = [...had, ...used.filter((f) => !had.includes(f))];
      // A hit whose run used nothing new: the file already holds all it would write.
      if (status === 'hit' && features.length === had.length) return;
      try {
        // Another process may have written a new one meanwhile; one writer is enough.
        // (A file V8 rejected is still there, unchanged: that one is replaced.)
        const now = readCache(path);
        if (now === undefined || (cached !== undefined && now.data.equals(cached.data)))
          writeCache(path, { data: script.createCachedData(), features }, spec);
      } catch {
        // No cache this time; the next run tries again.
      }
    });
  }
  return mod.exports;
}
