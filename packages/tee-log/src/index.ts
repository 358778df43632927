export { TeeError, type TeeErrorCode } from './errors.js';
