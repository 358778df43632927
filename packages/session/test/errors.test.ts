import { describe, expect, it } from 'vitest';
import { SessionError } from '../src/index.ts';

describe('SessionError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new SessionError('SESSION_ALREADY_ACTIVE', 'what went wrong; what to do', {
      cause,
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('SessionError');
    expect(err.code).toBe('SESSION_ALREADY_ACTIVE');
    expect(err.message).toBe('what went wrong; what to do');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('SessionError: what went wrong; what to do');
  });
});
