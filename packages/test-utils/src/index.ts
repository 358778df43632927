/**
 * Helpers every @scitex package's tests share. Private: never published.
 */
export { makeTempDir, useTempDir, type TempDir } from './tempDir.js';
export {
  runFixture,
  spawnFixture,
  collect,
  fixtureCommand,
  waitForOutput,
  type FixtureOptions,
  type FixtureResult,
} from './fixture.js';
export { CaptureStream, type CaptureStreamOptions } from './captureStream.js';
