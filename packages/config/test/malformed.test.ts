import { useTempDir } from '@scitex/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigs, type ConfigErrorCode } from '../src/index.ts';
import { catchConfigError, writeTree } from './helpers.ts';

interface Case {
  name: string;
  content: string | Uint8Array;
  code: ConfigErrorCode;
  line: number;
  column: number;
  snippet: string;
  reason: RegExp;
}

const cases: Case[] = [
  {
    name: 'bad indentation',
    content: 'model:\n  layers: 4\n   width: 64\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 3,
    column: 9,
    snippet: '   width: 64',
    reason: /bad indentation of a mapping entry/,
  },
  {
    name: 'unclosed single quote (reported where the string opens)',
    content: "a: 1\nname: 'resnet\nlr: 0.1\nepochs: 3\n",
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 7,
    snippet: "name: 'resnet",
    reason: /quoted string is never closed/,
  },
  {
    name: 'unclosed double quote inside a list',
    content: 'tags:\n  - ok\n  - "unterminated\n  - fine\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 3,
    column: 5,
    snippet: '  - "unterminated',
    reason: /quoted string is never closed/,
  },
  {
    name: 'tab indentation',
    content: 'model:\n\tlayers: 4\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 1,
    snippet: '\tlayers: 4',
    reason: /tab characters must not be used in indentation; indent with spaces/,
  },
  {
    name: 'duplicate key',
    content: 'lr: 0.1\nbatch: 32\nlr: 0.2\n',
    code: 'CONFIG_DUPLICATE_KEY',
    line: 3,
    column: 1,
    snippet: 'lr: 0.2',
    reason: /duplicate key "lr"/,
  },
  {
    name: 'nested duplicate key',
    content: 'model:\n  "depth": 1\n  "depth": 2\n',
    code: 'CONFIG_DUPLICATE_KEY',
    line: 3,
    column: 3,
    snippet: '  "depth": 2',
    reason: /duplicate key "depth"/,
  },
  {
    name: 'python object tag',
    content: 'ok: 1\nobj: !!python/object:os.system {}\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 6,
    snippet: 'obj: !!python/object:os.system {}',
    reason: /unknown tag .*python\/object.*safe schema/,
  },
  {
    name: 'js function tag',
    content: 'f: !!js/function "function () { return 1 }"\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 1,
    column: 4,
    snippet: 'f: !!js/function "function () { return 1 }"',
    reason: /unknown tag/,
  },
  {
    name: 'invalid UTF-8 (a Latin-1 byte)',
    content: Buffer.concat([
      Buffer.from('a: 1\nname: caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]),
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 10,
    snippet: 'name: caf\ufffd',
    reason: /invalid UTF-8 \(byte 0xE9\)/,
  },
  {
    name: 'two documents',
    content: 'a: 1\n---\nb: 2\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 1,
    snippet: '---',
    reason: /second YAML document/,
  },
  {
    name: 'unclosed flow list',
    content: 'sizes: [1, 2\nnext: 3\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 1,
    snippet: 'next: 3',
    reason: /missed comma between flow collection entries/,
  },
  {
    name: 'a NUL byte',
    content: 'a: 1\nb: x\u0000y\n',
    code: 'CONFIG_PARSE_FAILED',
    line: 2,
    column: 5,
    snippet: 'b: x\u0000y',
    reason: /null byte/,
  },
];

describe('a malformed file is an error naming file, line and column', () => {
  it.each(cases)('$name', (c) => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/GOOD.yaml': 'a: 1\n', 'config/BROKEN.yaml': c.content });
    const file = tmp.join('config', 'BROKEN.yaml');
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.code).toBe(c.code);
    expect({ file: err.file, line: err.line, column: err.column, snippet: err.snippet }).toEqual({
      file,
      line: c.line,
      column: c.column,
      snippet: c.snippet,
    });
    const [first, second, caret] = err.message.split('\n');
    expect(first).toMatch(new RegExp(`^${escape(file)}:${c.line}:${c.column}: `));
    expect(first).toMatch(c.reason);
    expect(second).toBe(`  ${c.line} | ${c.snippet.replace(/\t/g, '→')}`);
    expect(caret).toBe(`  ${' '.repeat(String(c.line).length)} | ${' '.repeat(c.column - 1)}^`);
    expect(err.cause).toBeDefined();
  });
});

describe('long lines', () => {
  it('are shown as a window around the column, the snippet keeps the whole line', () => {
    const tmp = useTempDir();
    const long = `a: [${Array.from({ length: 200 }, (_, i) => i).join(', ')}, "x]\n`;
    writeTree(tmp.path, { 'config/LONG.yaml': long });
    const err = catchConfigError(() => loadConfigs({ dir: tmp.join('config') }));
    expect(err.snippet).toBe(long.trimEnd());
    const [, shown, caret] = err.message.split('\n');
    expect(shown!.length).toBeLessThan(140);
    // The caret still points at the column's character.
    const at = caret!.indexOf('^');
    expect(shown![at]).toBe(long[err.column! - 1]);
  });
});

describe('message paths', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('are relative to the working directory when the file is below it', () => {
    const tmp = useTempDir();
    writeTree(tmp.path, { 'config/PATH.yaml': 'a:\n  b: 1\n   c: 2\n' });
    process.chdir(tmp.path);
    const err = catchConfigError(() => loadConfigs());
    expect(err.message).toBe(
      'config/PATH.yaml:3:5: bad indentation of a mapping entry\n  3 |    c: 2\n    |     ^',
    );
    expect(err.file).toBe(tmp.join('config', 'PATH.yaml'));
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
