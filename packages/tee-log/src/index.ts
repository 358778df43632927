/**
 * @scitex/tee-log: stdout and stderr into clean, complete log files.
 */
export { TeeError, type TeeErrorCode } from './errors.js';
export { tee, type TeeHandle, type TeeOptions, type TeePaths, type TeeStreams } from './tee.js';
export { pipeChild } from './pipeChild.js';
export { TERMINATING_SIGNALS } from './processEnd.js';
