/**
 * `@scitex/plt/settings`: the palette and the option checks, without the plotting code.
 * For tools that hand out a plotting namespace later but want bad options refused at
 * once and the colours (`CC`) available before anything is drawn — @scitex/session
 * loads the rest of this package only when a script first uses `plt`.
 */
export {
  COLOR_CYCLE,
  makePalette,
  type ColorEntry,
  type ColorName,
  type Palette,
} from './style/colors.js';
export {
  DEFAULT_OPTIONS,
  mergeOptions,
  type PltOptions,
  type ResolvedPltOptions,
} from './options.js';
export { PltError, type PltErrorCode } from './errors.js';
