/**
 * The interface every benchmark suite implements. A suite is a file
 * `bench/suites/<name>.ts` whose default export is a `Suite`.
 */
export interface BenchContext {
  /** `--quick`: tiny sizes, a few seconds in all; a smoke test that the suite still works. */
  readonly quick: boolean;
  /** A fresh temporary directory for this suite, removed afterwards. */
  readonly tmp: string;
  /** Progress output (goes to stderr, not into RESULTS.md). */
  log(message: string): void;
}

/** One row of bench/RESULTS.md. */
export interface Figure {
  /** What is measured, e.g. "tee on vs off, 1e6 console.log lines (stdout to a file)". */
  figure: string;
  /** The measured value as text, e.g. "1.12× (on 4.1 s [4.0–4.3], off 3.7 s [3.6–3.8])". */
  measured: string;
  /** The target as text, e.g. "≤ 1.3×". */
  target: string;
  /** The number compared with the target (a ratio or a count), or null if informational. */
  value: number | null;
  /** Whether the target is met; null when the row is informational. */
  pass: boolean | null;
}

export interface Suite {
  /** Short name, e.g. "tee-log". */
  name: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
