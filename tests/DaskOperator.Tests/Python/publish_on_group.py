"""Puts five values on every worker whose name starts with a prefix and publishes them so they outlive this client."""
import sys
import time
from distributed import Client

address, dataset, prefix = sys.argv[1:]
with Client(address, timeout=60) as client:
    # Setting up the data is not what the tests judge: a worker that has just registered can time out a first
    # direct connection on a loaded 2-core runner, so the scatter is tried again a few times.
    for attempt in range(4):
        try:
            futures = []
            for addr, info in client.scheduler_info()["workers"].items():
                if str(info["name"]).startswith(prefix):
                    futures += client.scatter([f"{info['name']}-{j}" for j in range(5)], workers=[addr], hash=False)
            break
        except (TimeoutError, OSError):
            if attempt == 3:
                raise
            time.sleep(3)
    client.publish_dataset(**{dataset: futures})
    print(len(futures))
