import numpy as np
from numba import njit, prange


@njit
def saxpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out


@njit
def running(x):
    acc = 0.0
    for i in range(x.shape[0]):
        acc += x[i]
    return acc


@njit
def chatty(n):
    total = 0
    for i in range(n):
        print(i)
        total += i
    return total


@njit
def fresh_rows(n):
    total = 0.0
    for i in range(n):
        row = np.ones(4)
        total += row.sum()
    return total


@njit(parallel=True)
def row_sums(m):
    out = np.empty(m.shape[0])
    for i in prange(m.shape[0]):
        out[i] = m[i].sum()
    return out


@njit(parallel=True)
def scaled_sum(a, b):
    c = a * 2.0 + b
    d = c + 1.0
    total = 0.0
    for j in prange(a.shape[0]):
        tmp = np.zeros(3)
        k = a.shape[0] * 2
        tmp[0] = c[j] * k
        total += tmp[0] + d[j]
    return total


data = np.linspace(0.0, 1.0, 1000)
saxpy(2.0, data, data)
running(data)
chatty(2)
fresh_rows(3)
row_sums(np.ones((8, 16)))
scaled_sum(data, data)
