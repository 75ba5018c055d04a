"""Puts five values on every worker whose name starts with a prefix and publishes them so they outlive this client."""
import sys
from distributed import Client

address, dataset, prefix = sys.argv[1:]
with Client(address, timeout=60) as client:
    futures = []
    for addr, info in client.scheduler_info()["workers"].items():
        if str(info["name"]).startswith(prefix):
            futures += client.scatter([f"{info['name']}-{j}" for j in range(5)], workers=[addr], hash=False)
    client.publish_dataset(**{dataset: futures})
    print(len(futures))
