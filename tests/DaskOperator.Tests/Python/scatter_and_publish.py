"""Puts one value on each named worker and publishes the keys so they outlive this client."""
import sys
from distributed import Client

address, dataset, *workers = sys.argv[1:]
with Client(address, timeout=60) as client:
    futures = []
    for i, name in enumerate(workers):
        addr = next(a for a, w in client.scheduler_info()["workers"].items() if w["name"] == name)
        futures += client.scatter([f"{name}-{i}-{j}" for j in range(5)], workers=[addr])
    client.publish_dataset(**{dataset: futures})
    print(len(futures))
