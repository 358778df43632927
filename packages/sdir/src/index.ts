export { SdirError, type SdirErrorCode } from './errors.js';
