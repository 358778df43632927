import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/index.ts';

describe('ConfigError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new ConfigError('CONFIG_PARSE_FAILED', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ConfigError');
    expect(err.code).toBe('CONFIG_PARSE_FAILED');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('ConfigError: what went wrong; what to do');
  });

  it('carries the location of the problem when given', () => {
    const err = new ConfigError('CONFIG_PARSE_FAILED', 'x', {
      file: '/p/config/A.yaml',
      line: 3,
      column: 5,
      snippet: '   c: 2',
    });
    expect(err).toMatchObject({ file: '/p/config/A.yaml', line: 3, column: 5, snippet: '   c: 2' });
    expect(Object.keys(new ConfigError('CONFIG_READ_FAILED', 'x'))).not.toContain('line');
    expect('cause' in new ConfigError('CONFIG_READ_FAILED', 'x')).toBe(false);
  });
});
