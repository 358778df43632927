/** Plain-text tables for the CLI: columns padded to their widest cell, two spaces apart. */

/** `rows` (the first is the header) as aligned lines, each ending in a newline. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
