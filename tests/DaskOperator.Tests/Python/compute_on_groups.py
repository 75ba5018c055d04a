"""Computes on the cluster, then runs tasks that need resources={"GPU": 1} and prints where they ran."""
import json
import sys
from distributed import Client, get_worker

address = sys.argv[1]


def inc(x):
    return x + 1


def where(_):
    return get_worker().name


with Client(address, timeout=60) as client:
    total = client.submit(sum, client.map(inc, range(20))).result()
    gpu = client.gather([client.submit(where, i, resources={"GPU": 1}, pure=False) for i in range(8)])
    print(json.dumps({"total": total, "gpu_workers": sorted(set(gpu))}))
