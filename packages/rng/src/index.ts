/**
 * @scitex/rng — seeded, named, auditable random streams for reproducible experiments.
 */
export { RngError, type RngErrorCode } from './errors.js';
export {
  RandomStateManager,
  DEFAULT_STREAM,
  MATH_RANDOM_STREAM,
  DEFAULT_CACHE_DIR,
  type RandomStateManagerOptions,
  type VerifyOptions,
  type RestoreOptions,
  type RngSummary,
  type MathRandomRestore,
} from './randomStateManager.js';
export {
  Stream,
  type StreamOptions,
  type StreamState,
  type StreamSummary,
  type ChoiceOptions,
  type MutableArrayLike,
  type TypedArray,
} from './stream.js';
export { NumpyStream, type NumpyStreamOptions, type NumpyChoiceOptions } from './numpyStream.js';
export { PythonRandomStream } from './pythonRandomStream.js';
export { LegacyRandomState, type LegacyState } from './legacyRandomState.js';
export { deriveSeed } from './deriveSeed.js';
export { isSeed } from './seed.js';
export { hashValue, pythonHash } from './hashValue.js';
export {
  ALGORITHMS,
  NUMPY_ALGORITHM,
  DEFAULT_ALGORITHM,
  type Algorithm,
  type SeedrandomAlgorithm,
  type GeneratorState,
} from './algorithms.js';
export { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type Checkpoint } from './checkpoint.js';
export { cacheFileName, type VerifyRecord } from './verifyCache.js';
export type { Size, Sized, NestedArray } from './size.js';
