import { describe, expect, it } from 'vitest';
import { PltError } from '../src/index.ts';

describe('PltError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new PltError('PLT_BAD_DATA', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('PltError');
    expect(err.code).toBe('PLT_BAD_DATA');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('PltError: what went wrong; what to do');
  });
});
