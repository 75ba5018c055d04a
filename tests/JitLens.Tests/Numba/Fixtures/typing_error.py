from numba import njit


@njit
def mix(x):
    label = x + "units"
    return label


mix(1)
