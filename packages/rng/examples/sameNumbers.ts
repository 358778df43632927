import { RandomStateManager } from '@scitex/rng';

// The numbers of the Python original: rng('data') is numpy's default_rng(deriveSeed(42, 'data')).
const rng = new RandomStateManager({ seed: 42, algorithm: 'numpy' });
const data = rng.get('data');
console.log(data.random());
//=> 0.5681326600418818
console.log(JSON.stringify(data.integers(1, 7, 10))); // ten dice
//=> [6,6,4,6,1,3,4,4,5,1]
console.log(data.normal(0, 1));
//=> 1.2188669352061015
console.log(JSON.stringify(data.permutation(6)));
//=> [1,5,4,3,0,2]
console.log(JSON.stringify(data.choice(100, 3, { replace: false })));
//=> [28,43,68]

// random.random() after random.seed(42), and np.random after np.random.seed(42):
const restore = rng.patchMathRandom();
console.log(Math.random());
//=> 0.6394267984578837
restore();
console.log(rng.legacy().rand());
//=> 0.3745401188473625
console.log(JSON.stringify(rng.legacy().randint(0, 10, 5)));
//=> [7,4,6,9,2]
