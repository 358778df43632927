export {
  ConfigError,
  type ConfigErrorCode,
  type ConfigErrorLocation,
  type ConfigErrorOptions,
} from './errors.js';
export { loadConfigs, type LoadConfigsOptions, type LoadedConfigs } from './loadConfigs.js';
export { isDebug, type IsDebugOptions } from './isDebug.js';
export { parseDebugFlag, TRUE_SPELLINGS, FALSE_SPELLINGS } from './debugFlag.js';
export { applyDebugOverrides, debugTarget } from './applyDebugOverrides.js';
export {
  saveConfig,
  serializeConfig,
  SNAPSHOT_KEY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type SaveConfigOptions,
  type SavedConfigPaths,
  type SerializedConfig,
  type SnapshotMeta,
} from './saveConfig.js';
export { loadSavedConfig } from './loadSavedConfig.js';
export { MAX_CONFIG_VALUES } from './treeSize.js';
export { isSecretKey } from './secretKeys.js';
export { formatLocalIso } from './localIsoDate.js';
export { REDACTED, CIRCULAR, type SnapshotTag, type TypedArrayName } from './snapshotTree.js';
export {
  parseOverrides,
  parseOverrideEnv,
  parseOverrideValue,
  formatOverrideEnv,
  applyOverrides,
  OVERRIDE_ENV,
  type Override,
  type AppliedOverride,
  type AppliedOverrides,
  type ApplyOverridesOptions,
} from './overrides.js';
export { writeFileAtomic, type AtomicWriteOptions } from './atomicWrite.js';
