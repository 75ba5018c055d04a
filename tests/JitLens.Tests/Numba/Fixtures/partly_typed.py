from numba import njit


@njit
def scale(x):
    return x * 2.5


@njit
def mix(x):
    label = x + "units"
    return label


scale(1.0)
mix(1)
