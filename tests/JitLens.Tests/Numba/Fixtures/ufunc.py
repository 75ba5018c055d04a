import numpy as np
from numba import vectorize


@vectorize
def axpy(a, x, y):
    return a * x + y


axpy(2.0, np.arange(4.0), 1.0)
