"""Executes a notebook headless with nbclient (Debian's python3-nbclient), keeping error outputs.

Usage: execute_notebook.py IN.ipynb OUT.ipynb KERNEL_NAME
"""
import sys

import nbformat
from nbclient import NotebookClient

source, target, kernel_name = sys.argv[1:4]
notebook = nbformat.read(source, as_version=4)
client = NotebookClient(notebook, kernel_name=kernel_name, timeout=300, startup_timeout=300, allow_errors=True)
client.execute()
nbformat.write(notebook, target)
print("executed", len(notebook.cells), "cells")
