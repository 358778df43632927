import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CC, createPlt } from '@scitex/plt';

// Relative save paths resolve against baseDir (a session passes its own directory).
const dir = mkdtempSync(join(tmpdir(), 'scitex-plt-example-'));
const plt = createPlt({ baseDir: dir });

const t = Array.from({ length: 200 }, (_, i) => i / 100);
const { fig, axes: ax } = plt.subplots(); // 160 × 100 mm
const line = ax.plot(
  t,
  t.map((v) => Math.sin(2 * Math.PI * v)),
  { label: 'sin' },
);
ax.scatter([0.25, 1.25], [1, 1], { color: CC.red, label: 'peaks' });
ax.setXLabel('Time (s)').setYLabel('Amplitude (mV)').legend();
console.log(line.id, line.columns); //=> ax_00_plot_0 [ 'ax_00_plot_0_x', 'ax_00_plot_0_y' ]

// One call writes the image, its data and its spec.
const files = await fig.save('figs/sine.png');
console.log(files.map((f) => relative(dir, f))); //=> [ 'figs/sine.png', 'figs/sine.csv', 'figs/sine.vl.json' ]

const png = readFileSync(files[0]!);
console.log(png.readUInt32BE(16), '×', png.readUInt32BE(20), 'px'); //=> 1890 × 1181 px
console.log(readFileSync(files[1]!, 'utf8').split('\n').slice(0, 3).join('\n'));
//=> ax_00_plot_0_x,ax_00_plot_0_y,ax_00_scatter_0_x,ax_00_scatter_0_y
//=> 0,0,0.25,1
//=> 0.01,0.06279051952931337,1.25,1

// Years later, without the script: redraw from the spec alone.
const again = await plt.rerender('figs/sine.vl.json', 'figs/sine-again.png');
console.log(readFileSync(again[0]!).equals(png)); //=> true

console.log(CC.blue.hex, CC.blue.rgb, CC.blue.rgba(), CC.blue.rgbaNorm); //=> #0080C0 [ 0, 128, 192 ] rgba(0,128,192,0.9) [ 0, 0.5, 0.75, 0.9 ]

rmSync(dir, { recursive: true, force: true });
