import { describe, expect, it } from 'vitest';
import { TeeError } from '../src/index.ts';

describe('TeeError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new TeeError('TEE_OPEN_FAILED', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('TeeError');
    expect(err.code).toBe('TEE_OPEN_FAILED');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('TeeError: what went wrong; what to do');
  });
});
