import { mergeConfig, type ViteUserConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// globalSetup builds the packages when their dist/ is older than their sources: the
// fixtures run the built packages in plain `node`, as users do.
const config: ViteUserConfig = mergeConfig(shared, {
  test: { globalSetup: ['./test/helpers/globalSetup.ts'], maxConcurrency: 4 },
});

export default config;
