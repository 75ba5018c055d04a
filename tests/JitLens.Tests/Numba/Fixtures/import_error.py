from numba import njit


@njit
def half(x):
    return x / 2


ratio = half(4.0) / 0
