/**
 * From what a person types to one session: the full ID, the directory name, a unique
 * prefix of either, or the 4-character random tail (`Z5MR` of
 * `2025Y-11M-18D-07h53m37s_Z5MR`). Ambiguous input is an error listing the candidates.
 */
import { ProvenanceError } from './errors.js';

/** What resolveSessionId needs of a session: its ID and its directory name (ID plus `-<suffix>`). */
export interface SessionRef {
  id: string;
  name: string;
}

const tailOf = (id: string): string => id.slice(id.lastIndexOf('_') + 1);

/**
 * The one session of `sessions` that `text` names. Exact ID or directory name wins; then
 * sessions whose ID or name starts with `text`, together with those whose tail is `text`
 * (a leading `_` is allowed). Throws `PROVENANCE_SESSION_NOT_FOUND` or
 * `PROVENANCE_SESSION_AMBIGUOUS` (the message lists the candidates).
 */
export function resolveSessionId<T extends SessionRef>(sessions: readonly T[], text: string): T {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ProvenanceError(
      'PROVENANCE_SESSION_NOT_FOUND',
      'no session ID given: pass a full ID, a unique prefix or the 4-character tail',
    );
  }
  const t = text.trim();
  let matches = sessions.filter((s) => s.id === t || s.name === t);
  if (matches.length === 0) {
    const tail = t.startsWith('_') ? t.slice(1) : t;
    matches = sessions.filter(
      (s) => s.id.startsWith(t) || s.name.startsWith(t) || tailOf(s.id) === tail,
    );
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new ProvenanceError(
      'PROVENANCE_SESSION_NOT_FOUND',
      `no session ${JSON.stringify(t)} among ${sessions.length}. Run scitex-session list to see the IDs.`,
    );
  }
  const shown = matches.slice(0, 20).map((m) => `  ${m.name}`);
  if (matches.length > 20) shown.push(`  … and ${matches.length - 20} more`);
  throw new ProvenanceError(
    'PROVENANCE_SESSION_AMBIGUOUS',
    `${JSON.stringify(t)} matches ${matches.length} sessions; give more of the ID:\n${shown.join('\n')}`,
  );
}
