"""Gathers a published dataset and prints how many of its values came back intact."""
import sys
from distributed import Client

address, dataset = sys.argv[1:]
with Client(address, timeout=60) as client:
    futures = client.get_dataset(dataset)
    values = client.gather(futures)
    print(sum(1 for v in values if isinstance(v, str)))
