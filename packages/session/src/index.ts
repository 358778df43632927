export { SessionError, type SessionErrorCode } from './errors.js';
