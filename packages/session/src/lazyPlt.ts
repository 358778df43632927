/**
 * The session's `plt`: @scitex/plt is required the first time a script plots (loading it
 * costs ~7 ms of every start otherwise, measured; `require` of an ES module works from
 * Node 20.19), while the options are checked at start() — a bad figure size is refused
 * before the session exists — and the palette (`CC`) is ready at once, since it needs no
 * plotting code. `CC` is this namespace's own palette, reading the alpha in force.
 */
import type * as PltModule from '@scitex/plt';
import type { Plt, PltOptions, ResolvedPltOptions, SubplotsFn, SubplotsOptions } from '@scitex/plt';
import { COLOR_CYCLE, DEFAULT_OPTIONS, makePalette, mergeOptions } from '@scitex/plt/settings';
import { requireLazily } from './requireLazily.js';

const requirePlt = (): typeof PltModule => requireLazily('@scitex/plt') as typeof PltModule;

/** Told of every `fig.save()` and `plt.rerender()` as it starts, with its promise. */
export type SaveTracker = (path: string, done: Promise<unknown>) => void;

/**
 * `load` gives the @scitex/plt module (tests running from sources pass their import);
 * `track` sees every save, so close() can wait for those still running.
 */
export function lazyPlt(
  options: PltOptions,
  load: () => typeof PltModule = requirePlt,
  track?: SaveTracker,
): Plt {
  // Throws PltError on an option @scitex/plt would refuse.
  const initial: ResolvedPltOptions = mergeOptions(DEFAULT_OPTIONS, options);
  let real: Plt | undefined;
  const get = (): Plt => (real ??= load().createPlt(options));
  const CC = makePalette(() => (real ? real.options.alpha : initial.alpha));
  const subplots = ((o: SubplotsOptions = {}) => {
    const made = get().subplots(o);
    if (track) {
      const { fig } = made;
      const save = fig.save.bind(fig);
      fig.save = (path, opts) => {
        const done = save(path, opts);
        track(path, done);
        return done;
      };
    }
    return made;
  }) as SubplotsFn;
  return Object.freeze({
    subplots,
    configure: (patch: PltOptions) => get().configure(patch),
    get options(): ResolvedPltOptions {
      return real ? real.options : initial;
    },
    CC,
    COLORS: CC,
    COLOR_CYCLE,
    rerender: (vlJsonPath: string, outPath: string, o?: Parameters<Plt['rerender']>[2]) => {
      const done = get().rerender(vlJsonPath, outPath, o);
      track?.(outPath, done);
      return done;
    },
  });
}
