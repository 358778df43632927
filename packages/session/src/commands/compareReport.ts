/** The human-readable summary `scitex-session compare` (and `rerun --compare`) prints. */
import type { SessionComparison } from '@scitex/provenance';

const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/** `result` as lines of text, ending with the verdict. */
export function formatComparison(c: SessionComparison, nameA: string, nameB: string): string {
  const lines: string[] = [];
  const end = (e: SessionComparison['status']['a']): string =>
    `${e.folder}${e.exitStatus === null ? '' : ` (exit ${e.exitStatus})`}`;
  lines.push(`A  ${nameA}  ${end(c.status.a)}`, `B  ${nameB}  ${end(c.status.b)}`, '');

  if (c.params.length === 0) lines.push('parameters: same');
  else {
    lines.push(`parameters: ${c.params.length} differ`);
    const w = Math.max(...c.params.map((p) => p.key.length));
    for (const p of c.params) lines.push(`  ${p.key.padEnd(w)}  ${show(p.a)} → ${show(p.b)}`);
  }

  const count = (s: string): number => c.files.filter((f) => f.status === s).length;
  lines.push(
    `files: ${count('same')} same, ${count('different')} different, ${count('onlyA')} only in A, ${count('onlyB')} only in B`,
  );
  const label = { different: 'different', onlyA: 'only in A', onlyB: 'only in B' } as const;
  for (const f of c.files) {
    if (f.status === 'same') continue;
    const d = f.maxAbsDiff === undefined ? '' : `  (largest absolute difference ${f.maxAbsDiff})`;
    lines.push(`  ${label[f.status].padEnd(9)}  ${f.path}${d}`);
  }

  lines.push(`logs: stdout ${c.logs.stdout}, stderr ${c.logs.stderr} (IDs, paths, times masked)`);
  const fd = c.logs.firstDifference;
  if (fd) {
    lines.push(`  first difference, ${fd.log}.log line ${fd.line}:`);
    lines.push(`    A: ${fd.a ?? '(end of log)'}`, `    B: ${fd.b ?? '(end of log)'}`);
  }
  if (c.code) {
    if (c.code.length === 0) lines.push('code: same');
    else for (const d of c.code) lines.push(`code: ${d.message}`);
  }
  if (c.deps) {
    if (c.deps.length === 0) lines.push('dependencies: same');
    else
      lines.push(
        `dependencies: ${c.deps.map((d) => `${d.name} ${d.recorded ?? '(none)'} → ${d.now ?? '(none)'}`).join(', ')}`,
      );
  }
  const statusSame =
    c.status.a.folder === c.status.b.folder && c.status.a.exitStatus === c.status.b.exitStatus;
  if (!statusSame) lines.push('status: differs');
  lines.push('', c.same ? 'SAME: outputs, logs and status match' : 'DIFFERENT');
  return lines.join('\n') + '\n';
}
