// The overrides a session starts with: SCITEX_SET, then --set, over config, ARGS and SEED.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@scitex/config';
import { applyStartOverrides } from '../src/sweep/startOverrides.ts';

const input = (): {
  config: Record<string, unknown>;
  args: Record<string, unknown>;
  seed: number;
} => ({
  config: { PARAMS: { lr: 0.01, bs: 32 } },
  args: { epochs: 10, name: undefined },
  seed: 42,
});

describe('applyStartOverrides', () => {
  it('returns the inputs as they are without overrides', () => {
    const i = input();
    const r = applyStartOverrides({ ...i, env: {} });
    expect(r).toEqual({ ...i, overrides: [] });
    expect(r.config).toBe(i.config);
  });

  it('applies SCITEX_SET, then --set (which wins), to namespaces, ARGS and SEED', () => {
    const i = input();
    const r = applyStartOverrides({
      ...i,
      set: ['PARAMS.lr=0.2', 'seed=7', 'ARGS.name=run-a'],
      env: { SCITEX_SET: '["PARAMS.lr=0.1", "ARGS.epochs=3", "+PARAMS.wd=0.5"]' },
    });
    expect(r.config).toEqual({ PARAMS: { lr: 0.2, bs: 32, wd: 0.5 } });
    expect(r.args).toEqual({ epochs: 3, name: 'run-a' });
    expect(r.seed).toBe(7);
    expect(r.overrides).toEqual([
      { key: 'ARGS.epochs', value: 3, source: 'SCITEX_SET', added: false },
      { key: 'PARAMS.wd', value: 0.5, source: 'SCITEX_SET', added: true },
      { key: 'PARAMS.lr', value: 0.2, source: '--set', added: false },
      { key: 'SEED', value: 7, source: '--set', added: false },
      { key: 'ARGS.name', value: 'run-a', source: '--set', added: false },
    ]);
    expect(i.config).toEqual({ PARAMS: { lr: 0.01, bs: 32 } }); // untouched
  });

  it('refuses an unknown key with CONFIG_UNKNOWN_OVERRIDE, naming close matches', () => {
    try {
      applyStartOverrides({ ...input(), set: ['ARGS.epoch=3'], env: {} });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).code).toBe('CONFIG_UNKNOWN_OVERRIDE');
      expect((err as ConfigError).message).toContain('Did you mean "ARGS.epochs"');
    }
  });
});
