// Fits y = w·x by gradient descent and logs loss and weight per epoch to metrics.csv.
// Run it twice with different learning rates, then write the report of both runs:
//   tsx examples/metrics.ts --lr 0.05 && tsx examples/metrics.ts --lr 0.2
//   scitex-session report examples/metrics_out -o report.html
import { logMetrics, run } from '@scitex/session';

await run(
  async ({ args, plt, rng }) => {
    const noise = rng.get('data');
    const xs = Array.from({ length: 64 }, (_, i) => i / 32 - 1);
    const ys = xs.map((x) => 3 * x + 0.3 * (noise.random() - 0.5));
    let w = 0;
    for (let epoch = 0; epoch < args.epochs; epoch++) {
      let grad = 0;
      let loss = 0;
      for (let i = 0; i < xs.length; i++) {
        const err = w * xs[i]! - ys[i]!;
        grad += (2 * err * xs[i]!) / xs.length;
        loss += (err * err) / xs.length;
      }
      w -= args.lr * grad;
      // To <session dir>/metrics.csv (step,name,value,time); CONFIG.METRICS at close.
      logMetrics({ loss, w }, { step: epoch });
    }
    console.log(`lr=${args.lr}: w=${w.toFixed(3)} after ${args.epochs} epochs`);

    const { fig, axes } = plt.subplots({ figSizeMm: [80, 60] });
    axes.scatter(xs, ys, { label: 'data', s: 8 });
    axes.plot([-1, 1], [-w, w], { label: `fit, w=${w.toFixed(2)}` });
    axes.setXLabel('x').setYLabel('y').legend();
    await fig.save('fit.svg');
    return 0;
  },
  {
    description: 'Fit a line by gradient descent, logging metrics.',
    args: {
      lr: { type: 'number', default: 0.1, description: 'learning rate' },
      epochs: { type: 'number', default: 60, description: 'passes over the data' },
    },
  },
);
