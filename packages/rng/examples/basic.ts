import { RandomStateManager, deriveSeed } from '@scitex/rng';

const rng = new RandomStateManager({ seed: 42 });

// Named streams: seeded with deriveSeed(seed, name), whatever order they are created in.
console.log(deriveSeed(42, 'data'));
//=> 2373418850
const data = rng.get('data');
console.log(data.random());
//=> 0.9618450745184203
console.log(JSON.stringify(data.integers(1, 7, 10))); // ten dice
//=> [4,2,2,4,1,3,6,2,6,4]
console.log(JSON.stringify(rng.normal(0, 1, [2, 2]))); // the 'default' stream
//=> [[-1.098593651641798,1.5537318805978952],[-0.12411621422955185,0.8061616184094518]]

// Code you do not control, seeded too:
const restore = rng.patchMathRandom();
console.log(Math.random());
//=> 0.8280739260728327
restore();

// A temporary seed; afterwards every stream continues where it was.
console.log(rng.withSeed(7, () => rng.get('data').random()));
//=> 0.989573949725191
console.log(data.random());
//=> 0.08285952150285947

// Audit: the first run records a hash in .scitex/rng/, later runs must match it.
console.log(rng.verify(data.random([1000]), 'example-data'));
//=> true

// What a session records in CONFIG.RNG (draws = 32-bit outputs used).
console.log(JSON.stringify(rng));
//=> {"seed":42,"algorithm":"tychei","streams":{"Math.random":{"seed":1038628201,"draws":2},"data":{"seed":2373418850,"draws":2014},"default":{"seed":3256850117,"draws":8}}}
