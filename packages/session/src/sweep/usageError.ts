/**
 * A sweep refused before anything ran (empty grid, malformed or unknown key, bad option):
 * the command reports it and exits 2, like any other usage error.
 */
export class SweepUsageError extends Error {
  override readonly name = 'SweepUsageError' as const;
}
