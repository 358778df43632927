import { describe, expect, it } from 'vitest';
import { RngError } from '../src/index.ts';

describe('RngError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new RngError('RNG_INVALID_SEED', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('RngError');
    expect(err.code).toBe('RNG_INVALID_SEED');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('RngError: what went wrong; what to do');
  });
});
