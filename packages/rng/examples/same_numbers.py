# What scitex's RandomStateManager(seed=42) does, with NumPy alone: it seeds random and
# np.random with 42, and rng("data") is default_rng(42 + int(md5("data")[:8], 16) mod 2**32).
import hashlib
import json
import random

import numpy as np

seed = 42
random.seed(seed)
np.random.seed(seed)
data = np.random.default_rng((seed + int(hashlib.md5(b"data").hexdigest()[:8], 16)) % 2**32)
dump = lambda x: print(json.dumps(x.tolist(), separators=(",", ":")))  # noqa: E731

print(data.random())
dump(data.integers(1, 7, 10))  # ten dice
print(data.normal(0, 1))
dump(data.permutation(6))
dump(data.choice(100, 3, replace=False))

print(random.random())
print(np.random.rand())
dump(np.random.randint(0, 10, 5))
