/**
 * @scitex/config: what config handling adds to a session's start()+close() — loading
 * ./config, writing the CONFIG snapshot (at start and again at close), reading it back —
 * and what importing the package costs a process. Also the hostile inputs that must stay
 * bounded: a CONFIG holding a Float64Array(1e7), and a 1 KiB YAML alias bomb.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfigs, loadSavedConfig, saveConfig } from '@scitex/config';
import { timeProcesses } from '../lib/process.ts';
import { fmtMs, summarize, type Summary } from '../lib/stats.ts';
import type { Figure, Suite } from '../lib/types.ts';

const configEntry = import.meta.resolve('@scitex/config');

/** A ./config folder like a real project's: five files, about 120 keys. */
function writeConfigDir(dir: string): void {
  mkdirSync(join(dir, 'categories'), { recursive: true });
  const model = Array.from({ length: 30 }, (_, i) => `param_${i}: ${i * 0.5}`).join('\n');
  writeFileSync(
    join(dir, 'MODEL.yaml'),
    `${model}\nDEBUG_param_0: 1\nlayers:\n  - {size: 512, DEBUG_size: 8}\n  - {size: 256}\n`,
  );
  writeFileSync(
    join(dir, 'PATH.yaml'),
    Array.from({ length: 20 }, (_, i) => `dir_${i}: ./data/part_${i}`).join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'TRAIN.yaml'),
    'epochs: 100\nbatch: 256\nopt:\n  name: adam\n  betas: [0.9, 0.999]\nschedule:\n' +
      Array.from({ length: 20 }, (_, i) => `  - {at: ${i * 10}, lr: ${1 / (i + 1)}}`).join('\n') +
      '\n',
  );
  writeFileSync(join(dir, 'IS_DEBUG.yaml'), 'IS_DEBUG: false\n');
  writeFileSync(join(dir, 'categories', 'PATH.yaml'), 'root: /fast/scratch\n');
}

function sessionConfig(config: Record<string, unknown>): Record<string, unknown> {
  return {
    ...config,
    ID: '2025Y-11M-18D-07h53m37s_Z5MR',
    PID: 4242,
    START_TIME: new Date(),
    END_TIME: new Date(),
    RUN_TIME: '00:00:01',
    FILE: '/home/me/exp.ts',
    SDIR: '/home/me/exp_out/RUNNING/2025Y-11M-18D-07h53m37s_Z5MR/',
    ARGS: { lr: 0.01, epochs: 10, tags: ['a', 'b'] },
    EXIT_STATUS: 0,
    SEED: 42,
    RNG: { algorithm: 'tychei', streams: { data: { seed: 2373418850, draws: 1000 } } },
    HOST: { hostname: 'node1', platform: 'linux', arch: 'x64', node: process.version, cpus: 8 },
    GITHUB_TOKEN: 'ghp_secret',
  };
}

function timeIt(n: number, fn: () => void): Summary {
  for (let i = 0; i < Math.min(20, n); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

const suite: Suite = {
  name: 'config',
  async run({ quick, tmp, log }) {
    const n = quick ? 20 : 300;
    const dir = join(tmp, 'config');
    writeConfigDir(dir);
    const out = join(tmp, 'CONFIGS');

    log(`loadConfigs ×${n}`);
    const load = timeIt(n, () => loadConfigs({ dir }));
    const CONFIG = sessionConfig(loadConfigs({ dir }).config);
    log(`saveConfig ×${n}`);
    const save = timeIt(n, () => saveConfig(CONFIG, out));
    const saveNoSync = timeIt(n, () => saveConfig(CONFIG, out, { fsync: false }));
    const reload = timeIt(n, () => loadSavedConfig(out));

    log('import cost (whole process)');
    const script = join(tmp, 'import.mjs');
    const bare = join(tmp, 'bare.mjs');
    writeFileSync(script, `await import(${JSON.stringify(configEntry)});\n`);
    writeFileSync(bare, `await Promise.resolve();\n`);
    const [p0, p1] = timeProcesses(
      [
        { name: 'bare node', argv: [process.execPath, bare] },
        { name: 'import @scitex/config', argv: [process.execPath, script] },
      ],
      { runs: quick ? 3 : 20, warmup: quick ? 1 : 3 },
    ) as [Summary, Summary];

    log('bounded inputs: Float64Array(1e7) in CONFIG, a YAML alias bomb');
    const big = { ...CONFIG, weights: new Float64Array(quick ? 1e6 : 1e7) };
    const bigOut = join(tmp, 'CONFIGS-big');
    const saveBig = timeIt(quick ? 1 : 3, () => saveConfig(big, bigOut));
    const bigBytes = statSync(join(bigOut, 'CONFIG.json')).size;
    const bombDir = join(tmp, 'bomb');
    mkdirSync(bombDir, { recursive: true });
    let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 9; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    writeFileSync(join(bombDir, 'BOMB.yaml'), bomb);
    let bombCode = 'loaded';
    const loadBomb = timeIt(quick ? 1 : 3, () => {
      try {
        loadConfigs({ dir: bombDir });
      } catch (e) {
        bombCode = e instanceof ConfigError ? e.code : String(e);
      }
    });

    const budget = load.median + 2 * save.median;
    return [
      {
        figure: 'loadConfigs, 5 files / ~120 keys (median per call)',
        measured: fmtMs(load),
        target: 'informational',
        value: null,
        pass: null,
      },
      {
        figure: 'saveConfig, typical session CONFIG, CONFIG.yaml + CONFIG.json, fsync on',
        measured: fmtMs(save),
        target: 'informational',
        value: null,
        pass: null,
      },
      {
        figure: 'saveConfig, same, fsync off',
        measured: fmtMs(saveNoSync),
        target: 'informational',
        value: null,
        pass: null,
      },
      {
        figure: 'loadSavedConfig, same snapshot',
        measured: fmtMs(reload),
        target: 'informational',
        value: null,
        pass: null,
      },
      {
        figure: 'config share of a session: loadConfigs + 2 × saveConfig (start and close)',
        measured: `${budget.toFixed(2)} ms`,
        target: '≤ 5 ms (a fifth of the 25 ms session budget)',
        value: budget,
        pass: budget <= 5,
      },
      {
        figure:
          'import @scitex/config (js-yaml is loaded on first use), whole process over bare node',
        measured: `+${(p1.median - p0.median).toFixed(1)} ms (${fmtMs(p1)} vs ${fmtMs(p0)})`,
        target: 'informational',
        value: null,
        pass: null,
      },
      {
        figure: `saveConfig of a CONFIG holding a Float64Array(${quick ? '1e6' : '1e7'}): time, CONFIG.json size`,
        measured: `${fmtMs(saveBig)}, ${(bigBytes / 1024).toFixed(1)} KiB (the array saved as a summary with its sha256)`,
        target: 'CONFIG.json < 64 KiB',
        value: bigBytes,
        pass: bigBytes < 64 * 1024,
      },
      {
        figure: `loadConfigs of a ${bomb.length}-byte YAML alias bomb (9^9 values)`,
        measured: `${bombCode} in ${fmtMs(loadBomb)}`,
        target: 'refused (CONFIG_TOO_LARGE)',
        value: null,
        pass: bombCode === 'CONFIG_TOO_LARGE',
      },
    ] satisfies Figure[];
  },
};

export default suite;
