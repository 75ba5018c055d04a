import math

import numpy as np
from numba import njit, prange


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


@njit
def saxpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out


@njit(parallel=True)
def row_norms(m):
    out = np.empty(m.shape[0])
    for i in prange(m.shape[0]):
        out[i] = math.sqrt(dot(m[i], m[i]))
    return out


@njit(parallel=True)
def shifted(a):
    return a * 2.0 + 1.0


data = np.linspace(0.0, 1.0, 1000)
normalise(data)
saxpy(2.0, data, data)
row_norms(np.ones((8, 16)))
shifted(data)
