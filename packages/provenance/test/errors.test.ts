import { describe, expect, it } from 'vitest';
import { ProvenanceError } from '../src/index.ts';

describe('ProvenanceError', () => {
  it('carries name, code, message and cause', () => {
    const cause = new Error('low-level');
    const err = new ProvenanceError('PROVENANCE_BAD_SNAPSHOT', 'what; what to do', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ProvenanceError');
    expect(err.code).toBe('PROVENANCE_BAD_SNAPSHOT');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('ProvenanceError: what; what to do');
  });
});
