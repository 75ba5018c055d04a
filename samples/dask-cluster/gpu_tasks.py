"""Runs tasks annotated with dask.annotate(resources={"GPU": 1}) and plain tasks on a Dask cluster; prints where they ran.

    python3 samples/dask-cluster/gpu_tasks.py tcp://127.0.0.1:8786
prints one JSON line: {"gpu_tasks_ran_on": [...worker names...], "other_tasks_ran_on": [...], "total": 210}
"""
import json
import sys

import dask
from distributed import Client, get_worker


def where(_):
    return get_worker().name


def inc(x):
    return x + 1


with Client(sys.argv[1], timeout=60) as client:
    with dask.annotate(resources={"GPU": 1}):
        gpu = [dask.delayed(where, pure=False)(i) for i in range(8)]
    other = [dask.delayed(where, pure=False)(i) for i in range(8)]
    total = dask.delayed(sum)([dask.delayed(inc)(i) for i in range(20)])
    # Graph optimisation may fuse tasks and drop their annotations; these tasks are tiny anyway.
    gpu_names, other_names, total = dask.compute(gpu, other, total, optimize_graph=False)
    print(json.dumps({"gpu_tasks_ran_on": sorted(set(gpu_names)), "other_tasks_ran_on": sorted(set(other_names)), "total": total}))
