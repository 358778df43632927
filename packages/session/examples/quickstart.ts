// A small real experiment: estimate π by Monte-Carlo with a named random stream, show a
// progress bar, save a figure with its data. `pnpm demo` runs it.
import cliProgress from 'cli-progress';
import { close, start } from '@scitex/session';

const [CONFIG, , , plt, CC, rng] = start({
  configDir: new URL('./config/', import.meta.url),
  seed: 42,
});
const { N_SAMPLES, N_BATCHES } = CONFIG['PARAMS'] as { N_SAMPLES: number; N_BATCHES: number };
const { FIGURE } = CONFIG['PATH'] as { FIGURE: string };

const points = rng.get('points');
const perBatch = Math.ceil(N_SAMPLES / N_BATCHES);
const bar = new cliProgress.SingleBar(
  {
    format: 'sampling |{bar}| {percentage}% | {value}/{total} batches',
    noTTYOutput: true,
    notTTYSchedule: 250,
  },
  cliProgress.Presets.shades_classic,
);
bar.start(N_BATCHES, 0);
let inside = 0;
let drawn = 0;
const samples: number[] = [];
const estimates: number[] = [];
for (let b = 0; b < N_BATCHES; b++) {
  for (let i = 0; i < perBatch; i++) {
    const x = points.random();
    const y = points.random();
    if (x * x + y * y <= 1) inside++;
  }
  drawn += perBatch;
  samples.push(drawn);
  estimates.push((4 * inside) / drawn);
  bar.update(b + 1);
}
bar.stop();
const estimate = estimates[estimates.length - 1]!;
console.log(
  `π ≈ ${estimate.toFixed(6)} from ${drawn} samples (error ${Math.abs(estimate - Math.PI).toExponential(2)})`,
);

const { fig, axes: ax } = plt.subplots();
ax.plot(samples, estimates, { label: 'Monte-Carlo estimate', color: CC.blue.hex, marker: 'o' });
ax.axhline(Math.PI, { label: 'π', color: CC.red.hex, linestyle: '--' });
ax.setXScale('log');
ax.setXLabel('samples drawn');
ax.setYLabel('estimate of π');
ax.setTitle('Monte-Carlo estimate of π');
ax.legend();
const written = await fig.save(FIGURE);
console.log(`saved ${written.map((p: string) => p.slice(CONFIG.SDIR.length)).join(', ')}`);

close(CONFIG, { message: `π ≈ ${estimate.toFixed(6)}` });
