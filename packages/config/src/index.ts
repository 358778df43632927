export { ConfigError, type ConfigErrorCode } from './errors.js';
