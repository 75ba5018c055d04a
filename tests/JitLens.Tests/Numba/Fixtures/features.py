import numpy as np
from numba import cfunc, float64, guvectorize, jit, njit, vectorize
from numba.experimental import jitclass
from numba.extending import overload


@vectorize(["float64(float64, float64)"])
def fused(a, b):
    return a * b + 1.0


@vectorize
def spread(a, b):
    return a - b


@guvectorize(["void(float64[:], float64[:])"], "(n)->()")
def row_total(x, out):
    out[0] = x.sum()


@cfunc("float64(float64)")
def tripled(x):
    return x * 3.0


@jitclass([("value", float64)])
class Box:
    def __init__(self, value):
        self.value = value

    def doubled(self):
        return self.value * 2.0


def clamp(x):
    return min(max(x, 0.0), 1.0)


@overload(clamp)
def clamp_overload(x):
    def clamp_impl(x):
        return min(max(x, 0.0), 1.0)
    return clamp_impl


def make_adder(k):
    @njit
    def adder(x):
        return x + k
    return adder


add_three = make_adder(3.0)


@njit
def uses_helpers(x):
    def squared(y):
        return y * y
    return clamp(squared(x)) + add_three(x)


@njit(cache=True)
def cached(x):
    return x * 7.0


@jit(forceobj=True)
def in_object_mode(items):
    return len(repr(items))


fused(np.ones(4), np.ones(4))
spread(np.ones(4), np.ones(4))
row_total(np.ones((2, 3)))
Box(2.0).doubled()
uses_helpers(0.5)
cached(1.0)
in_object_mode([1, 2])
