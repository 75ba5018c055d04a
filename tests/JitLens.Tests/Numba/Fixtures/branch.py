import math

from numba import njit


@njit
def soft_log(x):
    if x > 1.0:
        return math.log(x)
    return math.exp(x) - 1.0


soft_log(5.0)
