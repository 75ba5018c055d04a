import numpy as np
from numba import njit


@njit
def total(values):
    acc = 0
    for v in values:
        acc += v
    return acc


total(np.arange(10.0))
