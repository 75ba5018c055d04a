"""Benchmark: time from a 30-line Numba cell to the JitLens view, against Numba's own inspect_llvm() + inspect_asm().

Both sides run in a fresh Python process each time (a fresh kernel) and are measured in the same run,
alternating, so the machine's load affects them alike. Reported: medians of wall time and of CPU
time (user + system of the whole process tree, which a busy machine distorts less), and their ratios.

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

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CELL = os.path.join(HERE, "cell30.py")

# Each side measures only the cell -> output step inside a warm interpreter (as in a running kernel, where IPython
# is already loaded); Numba is imported by the cell itself on both sides. It prints "wall cpu" in seconds, CPU
# covering itself and every child process it waited for (the jitlens command and its Python capture).
MEASURE = """
import resource, time
def cpu():
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))
"""

JITLENS = MEASURE + """
import sys
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "jitlens")
cell = open(sys.argv[1]).read()
wall, used = time.perf_counter(), cpu()
with capture_output() as captured:
    shell.run_cell_magic("jitlens", "--llvm --asm", cell)
wall, used = time.perf_counter() - wall, cpu() - used
html = "".join(o.data.get("text/html", "") for o in captured.outputs)
assert "dot" in html and "normalise" in html, captured.stderr or "no view"
print(wall, used)
"""

NUMBA = MEASURE + """
import sys
path = sys.argv[1]
source = open(path).read()
wall, used = time.perf_counter(), cpu()
namespace = {"__name__": "__main__"}
exec(compile(source, path, "exec"), namespace)
from numba.core.dispatcher import Dispatcher
size = 0
for value in list(namespace.values()):
    if isinstance(value, Dispatcher):
        for signature in value.signatures:
            size += len(value.inspect_llvm(signature)) + len(value.inspect_asm(signature))
wall, used = time.perf_counter() - wall, cpu() - used
assert size > 0
print(wall, used)
"""


def timed(code):
    """(wall, CPU) seconds of the measured step, in a fresh process."""
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"))
    done = subprocess.run([sys.executable, "-c", code, CELL], check=True, env=env, capture_output=True, text=True)
    wall, used = done.stdout.split()[-2:]
    return float(wall), float(used)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    timed(JITLENS)  # warm the disk caches (and .NET's) once, for both sides
    jitlens, numba = [], []
    for _ in range(runs):
        jitlens.append(timed(JITLENS))
        numba.append(timed(NUMBA))
    print(f"cell: {CELL} ({sum(1 for _ in open(CELL))} lines), runs: {runs}, load average: {os.getloadavg()[0]:.1f}")
    for index, kind in ((0, "wall"), (1, "CPU")):
        j = statistics.median(t[index] for t in jitlens)
        n = statistics.median(t[index] for t in numba)
        print(f"{kind:>4}: JitLens %%jitlens --llvm --asm (cell -> HTML view) median {j:.2f} s, "
              f"Numba inspect_llvm() + inspect_asm() median {n:.2f} s, ratio {j / n:.2f}x")


if __name__ == "__main__":
    main()
