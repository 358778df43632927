import { readFileSync } from 'node:fs';
import { tee } from '@scitex/tee-log';

const t = tee({ dir: 'logs' }); // logs/stdout.log and logs/stderr.log

console.log('loss', 0.25);
//=> loss 0.25

// A progress bar redrawn with \r, and a colour code, on stderr:
for (let step = 0; step <= 100; step += 25) process.stderr.write(`\rstep ${step}/100`);
process.stderr.write(' \x1b[32mdone\x1b[0m\n');

t.close(); // optional: the logs are also complete when the process ends any other way

// The terminal saw every frame and the colour; the logs hold what stayed on screen.
console.log(JSON.stringify(readFileSync(t.paths.stdout, 'utf8')));
//=> "loss 0.25\n"
console.log(JSON.stringify(readFileSync(t.paths.stderr, 'utf8')));
//=> "step 100/100 done\n"
