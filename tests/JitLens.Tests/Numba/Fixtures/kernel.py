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
