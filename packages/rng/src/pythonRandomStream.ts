/**
 * The `Math.random` stream of a manager with `algorithm: 'numpy'`: Python's
 * `random.random()` after `random.seed(seed)` — MT19937 seeded by `init_by_array` with the
 * master seed's 32-bit words, as the Python original seeds `random` in every session.
 */
import { RngError } from './errors.js';
import { isMt19937State, Mt19937, type Mt19937State } from './numpy/mt19937.js';
import { seedWords } from './numpy/seedSequence.js';
import { checkSeed } from './seed.js';
import { fillShape, toShape, type NestedArray, type Size, type Sized } from './size.js';
import { Stream, stateProblem, type StreamState, type StreamSummary } from './stream.js';

/**
 * Python's `random` module generator: `random()` equals `random.random()` after
 * `random.seed(seed)`. Only `random()` is offered (Python's integer and choice helpers
 * draw differently from NumPy's); `draws` counts 32-bit outputs (2 per float).
 */
export class PythonRandomStream extends Stream {
  #mt: Mt19937;
  #pySeed: number;

  /** Seeded as Python's `random.seed(seed)`. */
  constructor(options: { seed: number; name?: string }) {
    super({ seed: options.seed, algorithm: 'numpy', name: options.name ?? '' });
    this.#pySeed = checkSeed(options.seed);
    this.#mt = new Mt19937().initByArray(seedWords(this.#pySeed));
  }

  override get seed(): number {
    return this.#pySeed;
  }

  /** 32-bit MT19937 outputs consumed so far. */
  override get draws(): number {
    return this.#mt.draws;
  }

  /** Python's `random.random()`. */
  override random(size?: null): number;
  override random<const S extends Size>(size: S): Sized<number, S>;
  override random(size?: Size | null): number | NestedArray<number> {
    const mt = this.#mt;
    if (size == null) return mt.nextDouble();
    return fillShape(toShape(size), () => mt.nextDouble());
  }

  override integers(): never {
    throw unsupported('integers');
  }
  override uniform(): never {
    throw unsupported('uniform');
  }
  override normal(): never {
    throw unsupported('normal');
  }
  override choice(): never {
    throw unsupported('choice');
  }
  override shuffle(): never {
    throw unsupported('shuffle');
  }
  override permutation(): never {
    throw unsupported('permutation');
  }

  override getState(): StreamState {
    return {
      algorithm: 'numpy',
      seed: this.#pySeed,
      draws: this.#mt.draws,
      generator: this.#mt.getState() as unknown as StreamState['generator'],
      spare: null,
    };
  }

  override setState(state: StreamState): void {
    const problem =
      stateProblem(state, 'numpy') ??
      (isMt19937State(state.generator) ? null : 'generator is not an MT19937 state');
    if (problem) throw new RngError('RNG_INVALID_ARGUMENT', `setState(): ${problem}`);
    this.#pySeed = state.seed;
    this.#mt.setState(state.generator as unknown as Mt19937State, state.draws);
  }

  override toJSON(): StreamSummary {
    return { seed: this.#pySeed, draws: this.#mt.draws };
  }
}

function unsupported(method: string): RngError {
  return new RngError(
    'RNG_INVALID_ARGUMENT',
    `${method}() is not available on the 'Math.random' stream of a numpy manager, which draws ` +
      "like Python's random.random(); use another named stream",
  );
}
