import { describe, expect, it } from 'vitest';
import { MetricsError } from '../src/index.ts';

describe('MetricsError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new MetricsError('METRICS_WRITE_FAILED', 'what went wrong; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('MetricsError');
    expect(err.code).toBe('METRICS_WRITE_FAILED');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('MetricsError: what went wrong; what to do');
  });
});
