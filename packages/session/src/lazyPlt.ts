/**
 * The session's `plt`: the full @scitex/plt is created on first use (see pltModule.ts),
 * while the options are checked at start() — a bad figure size is refused before the
 * session exists — and the palette (`CC`) is ready at once, since it needs no plotting
 * code. `CC` is this namespace's own palette, reading the alpha in force.
 */
import type { Plt, PltOptions, ResolvedPltOptions, SubplotsFn, SubplotsOptions } from '@scitex/plt';
import { COLOR_CYCLE, DEFAULT_OPTIONS, makePalette, mergeOptions } from '@scitex/plt/settings';
import { loadPlt } from './pltModule.js';

export function lazyPlt(options: PltOptions): Plt {
  // Throws PltError on an option @scitex/plt would refuse.
  const initial: ResolvedPltOptions = mergeOptions(DEFAULT_OPTIONS, options);
  let real: Plt | undefined;
  const get = (): Plt => (real ??= loadPlt().createPlt(options));
  const CC = makePalette(() => (real ? real.options.alpha : initial.alpha));
  const subplots = ((o: SubplotsOptions = {}) => get().subplots(o)) as SubplotsFn;
  return Object.freeze({
    subplots,
    configure: (patch: PltOptions) => get().configure(patch),
    get options(): ResolvedPltOptions {
      return real ? real.options : initial;
    },
    CC,
    COLORS: CC,
    COLOR_CYCLE,
    rerender: (vlJsonPath: string, outPath: string, o?: Parameters<Plt['rerender']>[2]) =>
      get().rerender(vlJsonPath, outPath, o),
  });
}
