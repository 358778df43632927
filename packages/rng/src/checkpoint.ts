/**
 * The checkpoint file: master seed, algorithm and every stream's exact state, as JSON.
 */
import { readFileSync } from 'node:fs';
import { checkAlgorithm, isAlgorithm, type Algorithm } from './algorithms.js';
import { describeValue } from './describeValue.js';
import { RngError } from './errors.js';
import { isSeed } from './seed.js';
import { stateProblem, type StreamState } from './stream.js';
import { streamSeed } from './streamSeed.js';

/** The `format` tag that marks a file as an @scitex/rng checkpoint. */
export const CHECKPOINT_FORMAT = '@scitex/rng checkpoint';
/** The checkpoint layout version this package writes and reads. */
export const CHECKPOINT_VERSION = 1;

/** The content of a checkpoint file. */
export interface Checkpoint {
  /** Always {@link CHECKPOINT_FORMAT}. */
  format: string;
  /** Always {@link CHECKPOINT_VERSION}. */
  version: number;
  /** When it was written (ISO 8601); informational. */
  savedAt: string;
  /** Master seed. */
  seed: number;
  /** Generator algorithm of every stream. */
  algorithm: Algorithm;
  /** Each stream's state by name. */
  streams: Record<string, StreamState>;
}

function bad(file: string, why: string, cause?: unknown): RngError {
  return new RngError(
    'RNG_BAD_CHECKPOINT',
    `${file} is not a usable @scitex/rng checkpoint: ${why}`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads and validates a checkpoint file.
 * @throws RngError `RNG_IO_FAILED` when the file cannot be read, `RNG_BAD_CHECKPOINT`
 * when it is not valid JSON, not a checkpoint, of another version, or inconsistent
 * (e.g. a stream whose seed is not the one its name derives from the master seed).
 */
export function readCheckpoint(file: string): Checkpoint {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new RngError('RNG_IO_FAILED', `cannot read checkpoint ${file} (${code})`, {
      cause: err,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw bad(file, 'it is not valid JSON (truncated or overwritten?)', err);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw bad(file, `it holds ${describeValue(data)}, not an object`);
  }
  const c = data as Record<string, unknown>;
  if (c['format'] !== CHECKPOINT_FORMAT) {
    throw bad(file, `its format is ${describeValue(c['format'])}, expected "${CHECKPOINT_FORMAT}"`);
  }
  if (c['version'] !== CHECKPOINT_VERSION) {
    throw bad(
      file,
      `it is version ${describeValue(c['version'])}; this @scitex/rng reads version ${CHECKPOINT_VERSION}`,
    );
  }
  const seed = c['seed'];
  if (!isSeed(seed)) throw bad(file, `seed ${describeValue(seed)} is not an integer in [0, 2^32)`);
  if (!isAlgorithm(c['algorithm'])) {
    throw bad(file, `algorithm ${describeValue(c['algorithm'])} is unknown`);
  }
  const algorithm = checkAlgorithm(c['algorithm']);
  const streams = c['streams'];
  if (typeof streams !== 'object' || streams === null || Array.isArray(streams)) {
    throw bad(file, '"streams" is missing or not an object');
  }
  for (const [name, state] of Object.entries(streams)) {
    const problem = stateProblem(state, algorithm);
    if (problem) throw bad(file, `stream ${JSON.stringify(name)}: ${problem}`);
    const expected = streamSeed(algorithm, seed, name);
    if ((state as StreamState).seed !== expected) {
      throw bad(
        file,
        `stream ${JSON.stringify(name)} has seed ${(state as StreamState).seed}, but its name and the master seed ${seed} give ${expected}`,
      );
    }
  }
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    savedAt: typeof c['savedAt'] === 'string' ? c['savedAt'] : '',
    seed,
    algorithm,
    streams: streams as Record<string, StreamState>,
  };
}
