import { describe, expect, it } from 'vitest';
import { resolveSessionId } from '../src/index.ts';

const s = (id: string, suffix?: string): { id: string; name: string } => ({
  id,
  name: suffix ? `${id}-${suffix}` : id,
});
const sessions = [
  s('2025Y-11M-18D-07h53m37s_Z5MR'),
  s('2025Y-11M-18D-07h53m40s_Ab12'),
  s('2025Y-11M-19D-08h00m00s_Q9xx', 'tuned'),
  s('DEBUG_2025Y-11M-19D-09h00m00s_Z5MQ'),
];

describe('resolveSessionId', () => {
  it('takes the full ID, the directory name, a unique prefix or the 4-character tail', () => {
    expect(resolveSessionId(sessions, '2025Y-11M-18D-07h53m37s_Z5MR').name).toBe(
      '2025Y-11M-18D-07h53m37s_Z5MR',
    );
    expect(resolveSessionId(sessions, '2025Y-11M-19D-08h00m00s_Q9xx').name).toBe(
      '2025Y-11M-19D-08h00m00s_Q9xx-tuned',
    );
    expect(resolveSessionId(sessions, '2025Y-11M-19D-08h00m00s_Q9xx-tuned').id).toBe(
      '2025Y-11M-19D-08h00m00s_Q9xx',
    );
    expect(resolveSessionId(sessions, '2025Y-11M-18D-07h53m4').name).toBe(
      '2025Y-11M-18D-07h53m40s_Ab12',
    );
    expect(resolveSessionId(sessions, 'Ab12').name).toBe('2025Y-11M-18D-07h53m40s_Ab12');
    expect(resolveSessionId(sessions, '_Z5MQ').name).toBe('DEBUG_2025Y-11M-19D-09h00m00s_Z5MQ');
    expect(resolveSessionId(sessions, 'Q9xx').name).toBe('2025Y-11M-19D-08h00m00s_Q9xx-tuned');
  });

  it('ambiguous input lists the candidates; unknown input says how to find IDs', () => {
    expect(() => resolveSessionId(sessions, '2025Y-11M-18D')).toThrow(
      expect.objectContaining({
        code: 'PROVENANCE_SESSION_AMBIGUOUS',
        message:
          '"2025Y-11M-18D" matches 2 sessions; give more of the ID:\n' +
          '  2025Y-11M-18D-07h53m37s_Z5MR\n  2025Y-11M-18D-07h53m40s_Ab12',
      }),
    );
    expect(() => resolveSessionId(sessions, 'zzzz')).toThrow(
      expect.objectContaining({
        code: 'PROVENANCE_SESSION_NOT_FOUND',
        message: expect.stringContaining('scitex-session list'),
      }),
    );
    expect(() => resolveSessionId(sessions, '  ')).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_SESSION_NOT_FOUND' }),
    );
  });

  it('two roots holding the same ID are ambiguous', () => {
    const twice = [sessions[0]!, { ...sessions[0]! }];
    expect(() => resolveSessionId(twice, 'Z5MR')).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_SESSION_AMBIGUOUS' }),
    );
  });
});
