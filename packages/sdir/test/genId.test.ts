import { describe, expect, it } from 'vitest';
import { ID_TAIL_ALPHABET, SESSION_ID_PATTERN, genId, parseSessionId } from '../src/index.ts';
import { secureRandomBytes } from '../src/secureRandom.ts';

describe('genId', () => {
  it('formats local time and a 4-character tail', () => {
    const now = new Date(2025, 10, 18, 7, 53, 37);
    const id = genId({ now });
    expect(id).toMatch(/^2025Y-11M-18D-07h53m37s_[A-Za-z0-9]{4}$/);
    expect(SESSION_ID_PATTERN.test(id)).toBe(true);
  });

  it('prefixes DEBUG_ in debug mode and honours the length', () => {
    const id = genId({ debug: true, length: 8, now: new Date(2024, 0, 2, 3, 4, 5) });
    expect(id).toMatch(/^DEBUG_2024Y-01M-02D-03h04m05s_[A-Za-z0-9]{8}$/);
  });

  it('draws every character of the alphabet and ignores Math.random', () => {
    const original = Math.random;
    Math.random = () => 0; // a seeded or patched Math.random must not make IDs repeat
    try {
      const seen = new Set<string>();
      const ids = new Set<string>();
      for (let i = 0; i < 5000; i++) {
        const id = genId({ length: 4 });
        ids.add(id);
        for (const c of id.slice(-4)) seen.add(c);
      }
      expect(seen.size).toBe(62);
      expect([...seen].every((c) => ID_TAIL_ALPHABET.includes(c))).toBe(true);
      expect(ids.size).toBeGreaterThan(4990);
    } finally {
      Math.random = original;
    }
  });

  it.each([0, -1, 1.5, 65, Number.NaN])('rejects length %s', (length) => {
    expect(() => genId({ length })).toThrowError(
      expect.objectContaining({ code: 'SDIR_INVALID_OPTION' }),
    );
  });

  it('rejects an invalid date', () => {
    expect(() => genId({ now: new Date('nope') })).toThrowError(/valid Date/);
  });
});

describe('parseSessionId', () => {
  it('round-trips an ID and reads the local time back', () => {
    const now = new Date(2025, 10, 18, 7, 53, 37);
    const id = genId({ now });
    const p = parseSessionId(id)!;
    expect(p).toEqual({ id, debug: false, time: now, tail: id.slice(-4) });
  });

  it('splits off a suffix, which may itself contain dashes', () => {
    expect(parseSessionId('DEBUG_2025Y-11M-18D-07h53m37s_Z5MR-lr-0.01')).toMatchObject({
      id: 'DEBUG_2025Y-11M-18D-07h53m37s_Z5MR',
      debug: true,
      tail: 'Z5MR',
      suffix: 'lr-0.01',
    });
  });

  it.each([
    '',
    'results',
    '2025Y-11M-18D-07h53m37s',
    '2025Y-11M-18D-07h53m37s_',
    '2025Y-13M-18D-07h53m37s_Z5MR',
    '2025Y-02M-30D-07h53m37s_Z5MR',
    '2025Y-11M-18D-24h00m00s_Z5MR',
    '2025Y-11M-18D-07h53m37s_Z5MR-',
    'x2025Y-11M-18D-07h53m37s_Z5MR',
  ])('returns null for %j', (name) => {
    expect(parseSessionId(name)).toBeNull();
  });
});

describe('secureRandomBytes', () => {
  it('returns the size asked for, and different bytes each time', () => {
    const a = secureRandomBytes(64);
    const b = secureRandomBytes(64);
    expect(a).toHaveLength(64);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(new Set(a).size).toBeGreaterThan(16);
  });
});
