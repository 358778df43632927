/**
 * Loads `./config/*.yaml` into one object of namespaces: `config/PATH.yaml` becomes
 * `config.PATH`. Files are taken in natural order, then `config/categories/*.yaml`, whose
 * namespaces replace same-named ones from the main folder.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { applyDebugOverrides } from './applyDebugOverrides.js';
import { DEFAULT_CONFIG_DIR, resolveConfigDir } from './configDir.js';
import { describeValue } from './describeValue.js';
import { displayPath } from './displayPath.js';
import { ConfigError } from './errors.js';
import { isDebug } from './isDebug.js';
import { compareNatural } from './naturalSort.js';
import { parseYamlFile } from './parseYaml.js';
import { isPlainObject, setOwn } from './setOwn.js';
import { checkPath } from './checkArgs.js';
import { refuseBrokenLink } from './brokenLink.js';

/** Options of {@link loadConfigs}. */
export interface LoadConfigsOptions {
  /** Config directory, relative to the current working directory. Default `'./config'`. */
  dir?: string;
  /** Force debug substitution on or off. Default: {@link isDebug} for the same `dir`. */
  debug?: boolean;
}

/** What {@link loadConfigs} returns. */
export interface LoadedConfigs {
  /** One namespace per file stem, in load order. */
  config: Record<string, unknown>;
  /** Namespace → absolute path of the file it came from. */
  sources: Record<string, string>;
  /** Whether debug substitution was applied. */
  debug: boolean;
}

const EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Reads every `*.yaml` / `*.yml` in `dir` (natural order), then in `dir/categories/`.
 * A missing `dir` gives an empty config; files with no document (empty or only
 * comments) are skipped; each other file must hold a mapping. In debug mode every
 * `DEBUG_x` / `debug_x` key overrides `x` (see {@link applyDebugOverrides}).
 */
export function loadConfigs(options: LoadConfigsOptions = {}): LoadedConfigs {
  const dir = checkPath('loadConfigs', 'dir', options.dir ?? DEFAULT_CONFIG_DIR);
  const abs = resolveConfigDir(dir);
  const debug = options.debug ?? isDebug({ dir });
  const config: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  if (abs === null) return { config, sources, debug };

  const files = [...yamlFiles(abs)];
  const categories = join(abs, 'categories');
  refuseBrokenLink(categories, 'config folder');
  if (isDirectory(categories)) files.push(...yamlFiles(categories));

  for (const { stem, file } of files) {
    const doc = parseYamlFile(file);
    if (doc === null || doc === undefined) continue;
    if (!isPlainObject(doc)) {
      throw new ConfigError(
        'CONFIG_NOT_A_MAPPING',
        `${displayPath(file)}: a config file must hold a mapping (key: value lines), ` +
          `found ${describeValue(doc)}; it becomes the namespace "${stem}", so write e.g. "value: …"`,
        { file },
      );
    }
    setOwn(config, stem, debug ? applyDebugOverrides(doc) : doc);
    setOwn(sources, stem, file);
  }
  return { config, sources, debug };
}

interface YamlFile {
  stem: string;
  file: string;
}

/** The YAML files directly in `dir`, natural-sorted by name; two files with one stem are an error. */
function yamlFiles(dir: string): YamlFile[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_READ_FAILED',
      `${displayPath(dir)}: cannot list the config directory (${(cause as Error).message})`,
      { cause, file: dir },
    );
  }
  const byStem = new Map<string, YamlFile>();
  const names = entries
    .filter((e) => !e.name.startsWith('.') && EXTENSIONS.has(extname(e.name).toLowerCase()))
    .filter((e) => e.isFile() || (e.isSymbolicLink() && isLinkToFile(join(dir, e.name))))
    .map((e) => e.name)
    .sort(compareNatural);
  for (const name of names) {
    const stem = name.slice(0, -extname(name).length);
    const file = join(dir, name);
    if (stem === '__proto__') {
      throw new ConfigError(
        'CONFIG_FORBIDDEN_KEY',
        `${displayPath(file)}: "__proto__" cannot be a namespace name; rename the file`,
        { file },
      );
    }
    const other = byStem.get(stem);
    if (other) {
      throw new ConfigError(
        'CONFIG_DUPLICATE_NAMESPACE',
        `${displayPath(other.file)} and ${name} would both become the namespace "${stem}"; ` +
          'merge them or rename one',
        { file },
      );
    }
    byStem.set(stem, { stem, file });
  }
  return [...byStem.values()];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A link to a file; a link to a folder is ignored like a folder; a broken link is an error. */
function isLinkToFile(path: string): boolean {
  refuseBrokenLink(path, 'config file');
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
