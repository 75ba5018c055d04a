import math
import numpy as np
from numba import njit


@njit
def dot(a, b):
    acc = 0.0
    for i in range(a.shape[0]):
        acc += a[i] * b[i]
    return acc


@njit
def soft_clip(x, limit):
    if x > limit:
        return limit + math.log1p(x - limit)
    return x


@njit
def normalise(values):
    norm = math.sqrt(dot(values, values))
    out = np.empty_like(values)
    for i in range(values.shape[0]):
        out[i] = soft_clip(values[i] / norm, 0.5)
    return out

data = np.linspace(0.0, 1.0, 1000)
result = normalise(data)
