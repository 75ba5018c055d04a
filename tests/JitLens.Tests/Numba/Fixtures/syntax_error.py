from numba import njit


@njit
def broken(x):
    return x +* 2
