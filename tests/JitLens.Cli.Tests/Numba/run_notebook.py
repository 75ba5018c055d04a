"""Executes a notebook with Debian's nbclient and the python3 kernel (ipykernel), then writes it back.

Usage: run_notebook.py IN.ipynb OUT.ipynb. Used by the %%jitlens notebook test; a failing cell is kept in the
output (allow_errors) so the test can show what went wrong.
"""

import sys

import nbclient
import nbformat


def main(source, target):
    notebook = nbformat.read(source, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, startup_timeout=180, kernel_name="python3", allow_errors=True)
    client.execute()
    nbformat.write(notebook, target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
