import numpy as np
from numba import cuda, njit


@cuda.jit
def scale(out, values, factor):
    i = cuda.grid(1)
    if i < out.size:
        out[i] = values[i] * factor


@njit
def twice(x):
    return x * 2


twice(21)
values = np.arange(32, dtype=np.float32)
out = np.empty_like(values)
scale[1, 32](out, values, 2.0)
