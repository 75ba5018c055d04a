"""Keeps one worker busy with a long task until this process is killed."""
import sys
import time
from distributed import Client

with Client(sys.argv[1], timeout=60) as client:
    future = client.submit(time.sleep, 600, pure=False)
    future.result()
