/** This package's version, for the header banner. */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = (pkg as { version: string }).version;
