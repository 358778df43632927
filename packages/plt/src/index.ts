export { PltError, type PltErrorCode } from './errors.js';
