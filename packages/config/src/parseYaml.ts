/**
 * Parses one config file with js-yaml and the YAML 1.1 schema of yaml11.ts (scalars read as
 * PyYAML's safe_load reads them), and turns every failure into
 * a ConfigError that names the file, line and column and shows the offending line.
 * Duplicate keys are errors, and a `__proto__` key is refused (see README): js-yaml keeps
 * it as an own property, but the first `Object.assign` or naive deep merge downstream
 * would turn it into a prototype change.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from './decodeUtf8.js';
import { displayPath } from './displayPath.js';
import { ConfigError, type ConfigErrorCode } from './errors.js';
import { jsYaml } from './jsYaml.js';
import { formatLocated, locate, locateOffset, splitLines } from './location.js';
import { yaml11Schema } from './yaml11.js';
import { refuseHugeTree } from './treeSize.js';

/** Reads and parses `file` (absolute). Returns `undefined` for a file with no document. */
export function parseYamlFile(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new ConfigError(
      'CONFIG_READ_FAILED',
      `${displayPath(file)}: cannot read the config file (${(cause as Error).message})`,
      { cause, file },
    );
  }
  return parseYamlText(decodeUtf8(bytes, file), file);
}

/** Parses YAML `text` that came from `file` (used in messages only). */
export function parseYamlText(text: string, file: string): unknown {
  const yaml = jsYaml();
  let value: unknown;
  try {
    value = yaml.load(text, { filename: file, schema: yaml11Schema(), json: false });
  } catch (cause) {
    throw toConfigError(cause, text, file);
  }
  refuseProtoKeys(value, text, file);
  refuseHugeTree(value, file);
  return value;
}

function toConfigError(cause: unknown, text: string, file: string): ConfigError {
  if (!(cause instanceof jsYaml().YAMLException)) {
    return new ConfigError('CONFIG_PARSE_FAILED', `${displayPath(file)}: ${String(cause)}`, {
      cause,
      file,
    });
  }
  const reason = cause.reason;
  const mark = cause.mark as { line?: number; column?: number } | undefined;
  let code: ConfigErrorCode = 'CONFIG_PARSE_FAILED';
  let message = reason;
  let loc =
    mark && typeof mark.line === 'number' ? locate(file, text, mark.line, mark.column ?? 0) : null;

  if (reason === 'duplicated mapping key' && loc) {
    code = 'CONFIG_DUPLICATE_KEY';
    const key = keyAt(loc.snippet.slice(loc.column - 1));
    message =
      `duplicate key${key === null ? '' : ` "${key}"`}: keys must be unique within a mapping; ` +
      'remove or rename one of them';
  } else if (/^unexpected end of the stream within a (single|double) quoted scalar/.test(reason)) {
    const opening = openingQuote(text, reason.includes('single') ? "'" : '"');
    if (opening >= 0) loc = locateOffset(file, text, opening);
    message = 'this quoted string is never closed; add the closing quote';
  } else if (reason.startsWith('tab characters must not be used in indentation')) {
    message = `${reason}; indent with spaces`;
  } else if (reason.startsWith('unknown tag') && loc) {
    // js-yaml points past the tag; the tag itself is what to remove.
    let at = loc.snippet.lastIndexOf('!', loc.column - 1);
    while (at > 0 && loc.snippet[at - 1] === '!') at--;
    if (at >= 0) loc = { ...loc, column: at + 1 };
    message = `${reason}: only standard YAML tags are allowed (safe schema); remove the tag`;
  } else if (reason.startsWith('null byte is not allowed')) {
    loc = locateOffset(file, text, text.indexOf('\0'));
    message = `${reason}; remove the NUL character (is this a binary file?)`;
  } else if (reason.startsWith('expected a single document')) {
    const line0 = secondDocumentLine(text);
    if (line0 >= 0) loc = locate(file, text, line0, 0);
    message = 'a second YAML document starts here; a config file must hold a single mapping';
  }
  if (!loc) {
    return new ConfigError('CONFIG_PARSE_FAILED', `${displayPath(file)}: ${message}`, {
      cause,
      file,
    });
  }
  return new ConfigError(code, formatLocated(message, loc), { cause, ...loc });
}

/** The key at the start of `s` (`key:`, `"key":` or `'key':`), or null. */
function keyAt(s: string): string | null {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#]*?))\s*:/.exec(s);
  if (!m) return null;
  const key = m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3] ?? '';
  return key === '' ? null : key;
}

/**
 * Offset of the quote that opened the unterminated scalar. js-yaml reports the end of the
 * file; the line a human must fix is where the string began, which is the last node the
 * parser opened.
 */
function openingQuote(text: string, quote: string): number {
  let last = -1;
  try {
    jsYaml().load(text, {
      listener(event, state) {
        if (event === 'open') last = state.position;
      },
    });
  } catch {
    // Expected: the same error again.
  }
  return last < 0 ? -1 : text.indexOf(quote, last);
}

/** 0-based line where a second document begins (`---` after content), or -1. */
function secondDocumentLine(text: string): number {
  const lines = splitLines(text);
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^---(\s|$)/.test(line) || /^\.\.\.(\s|$)/.test(line)) {
      if (content) return line.startsWith('...') ? i + 1 : i;
      content = /^---\s+\S/.test(line) && !/^---\s+#/.test(line);
      continue;
    }
    if (/^\s*(#|$)/.test(line) || line.startsWith('%')) continue;
    content = true;
  }
  return -1;
}

/** Throws CONFIG_FORBIDDEN_KEY if any mapping in `value` has an own `__proto__` key. */
function refuseProtoKeys(value: unknown, text: string, file: string): void {
  const seen = new Set<object>();
  const visit = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(visit);
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    return Object.values(v).some(visit);
  };
  if (!visit(value)) return;
  const message =
    'the key "__proto__" is not allowed: in JavaScript it would replace the prototype of ' +
    'objects built from this config; rename the key';
  const m = /(^|[\s{,?-])(["']?)__proto__\2\s*:/m.exec(text);
  if (!m) {
    throw new ConfigError('CONFIG_FORBIDDEN_KEY', `${displayPath(file)}: ${message}`, { file });
  }
  const loc = locateOffset(file, text, m.index + m[1]!.length);
  throw new ConfigError('CONFIG_FORBIDDEN_KEY', formatLocated(message, loc), loc);
}
