import numpy as np
from numba import njit


@njit
def total(values):
    acc = 0.0
    for i in range(values.shape[0]):
        acc += values[i]
    return acc


total(np.arange(100.0))
total(np.arange(100))
