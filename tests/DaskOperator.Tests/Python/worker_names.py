"""Prints the names of the workers registered with the scheduler at argv[1], one per line."""
import sys

from distributed import Client

with Client(sys.argv[1], timeout=60) as client:
    for worker in client.scheduler_info()["workers"].values():
        print(worker["name"])
