import { describe, expect, it } from 'vitest';
import { SdirError } from '../src/index.ts';

describe('SdirError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new SdirError('SDIR_INVALID_SUFFIX', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SdirError');
    expect(err.code).toBe('SDIR_INVALID_SUFFIX');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('SdirError: what went wrong; what to do');
  });
});
