"""Benchmark: time from a 30-line Numba cell to the JitLens view, against Numba's own inspect_llvm() + inspect_asm().

Both sides start from a fresh Python process, as a notebook cell would in a fresh kernel, and are measured in
the same run, alternating, so the machine's load affects them alike. Reported: medians and their ratio.

  JitLens: IPython runs ``%%jitlens --llvm --asm`` on the cell (the cell runs in the user's namespace, then
           ``jitlens inspect`` captures and maps every function and signature and renders the HTML view).
  Numba:   the cell runs, then inspect_llvm() and inspect_asm() are called for every dispatcher it defined.

Usage: /usr/bin/python3 bench/numba/cell_to_view.py [--runs N]   (needs the CLI built: see README)
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CELL = os.path.join(HERE, "cell30.py")

JITLENS = """
import sys
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "jitlens")
cell = open(sys.argv[1]).read()
with capture_output() as captured:
    shell.run_cell_magic("jitlens", "--llvm --asm", cell)
html = "".join(o.data.get("text/html", "") for o in captured.outputs)
assert "dot" in html and "normalise" in html, captured.stderr or "no view"
"""

NUMBA = """
import sys
from numba.core.dispatcher import Dispatcher
path = sys.argv[1]
namespace = {"__name__": "__main__"}
exec(compile(open(path).read(), path, "exec"), namespace)
size = 0
for value in list(namespace.values()):
    if isinstance(value, Dispatcher):
        for signature in value.signatures:
            size += len(value.inspect_llvm(signature)) + len(value.inspect_asm(signature))
assert size > 0
"""


def timed(code):
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, CELL], check=True, env=env)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    timed(JITLENS)  # warm the disk caches (and .NET's) once, for both sides
    jitlens, numba = [], []
    for _ in range(runs):
        jitlens.append(timed(JITLENS))
        numba.append(timed(NUMBA))
    j, n = statistics.median(jitlens), statistics.median(numba)
    print(f"cell: {CELL} ({sum(1 for _ in open(CELL))} lines), runs: {runs}")
    print(f"JitLens %%jitlens --llvm --asm (cell -> HTML view): median {j:.2f} s  {[round(t, 2) for t in jitlens]}")
    print(f"Numba inspect_llvm() + inspect_asm():               median {n:.2f} s  {[round(t, 2) for t in numba]}")
    print(f"ratio JitLens / Numba: {j / n:.2f}x")


if __name__ == "__main__":
    main()
