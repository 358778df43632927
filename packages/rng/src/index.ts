export { RngError, type RngErrorCode } from './errors.js';
