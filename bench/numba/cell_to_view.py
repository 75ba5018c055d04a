"""Benchmark: a 30-line Numba cell to the JitLens view, against Numba's own inspect_llvm() + inspect_asm().

Measured in the same run, alternating, so the machine's load affects both sides alike. Reported: medians of wall
time and of CPU time (user + system of every process involved, which a busy machine distorts less), and ratios.

Cell (a running kernel): each sample is a fresh Python process that first runs a small warm-up cell the same way
(as a user's earlier cell: Numba imported and initialised, the %%jitlens server started and warm), then measures:
  JitLens: IPython runs ``%%jitlens --llvm --asm`` on the cell: the cell runs once in the user's namespace, the
           capture reads what its dispatchers compiled, and the resident ``jitlens serve`` maps and renders the HTML.
           Its CPU includes the server's (read from /proc).
  Numba:   the cell runs, then inspect_llvm() and inspect_asm() are called for every dispatcher it defined.
File (a cold command): ``jitlens inspect cell30.py --format html --view llvm,asm`` against a fresh
``python3`` that runs the file and calls inspect_llvm() and inspect_asm() for every dispatcher.

Usage: /usr/bin/python3 bench/numba/cell_to_view.py [--runs N]   (needs the CLI built, or JITLENS_CLI: see README)
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CELL = os.path.join(HERE, "cell30.py")
sys.path.insert(0, os.path.join(REPO, "python"))

WARM_UP = "from numba import njit\n\n\n@njit\ndef warm(x):\n    return x + 1\n\n\nwarm(1)\n"

# Prints "wall cpu" in seconds of the measured step; CPU covers the process, the children it waited for and, for
# JitLens, the resident server.
MEASURE = """
import os, resource, sys, time
def cpu(pid=None):
    own = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    if pid is None:
        return own
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return own + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
warm_up, path = sys.argv[1], sys.argv[2]
cell = open(path).read()
"""

JITLENS = MEASURE + """
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from jitlens import cli
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "jitlens")
with capture_output():
    shell.run_cell_magic("jitlens", "--llvm --asm", warm_up)
server = cli.SERVER._process.pid
wall, used = time.perf_counter(), cpu(server)
with capture_output() as captured:
    shell.run_cell_magic("jitlens", "--llvm --asm", cell)
wall, used = time.perf_counter() - wall, cpu(server) - used
html = "".join(o.data.get("text/html", "") for o in captured.outputs)
assert "dot" in html and "normalise" in html, captured.stderr or "no view"
print(wall, used)
"""

NUMBA = MEASURE + """
from numba.core.dispatcher import Dispatcher
def run(source, filename):
    namespace = {"__name__": "__main__"}
    exec(compile(source, filename, "exec"), namespace)
    size = 0
    for value in list(namespace.values()):
        if isinstance(value, Dispatcher):
            for signature in value.signatures:
                size += len(value.inspect_llvm(signature)) + len(value.inspect_asm(signature))
    return size
run(warm_up, "warm_up.py")
wall, used = time.perf_counter(), cpu()
size = run(cell, path)
wall, used = time.perf_counter() - wall, cpu() - used
assert size > 0
print(wall, used)
"""

NUMBA_FILE = """
import sys
from numba.core.dispatcher import Dispatcher
path = sys.argv[1]
namespace = {"__name__": "__main__"}
exec(compile(open(path).read(), path, "exec"), namespace)
for value in list(namespace.values()):
    if isinstance(value, Dispatcher):
        for signature in value.signatures:
            value.inspect_llvm(signature), value.inspect_asm(signature)
"""


def environment():
    return dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"))


def timed_cell(code):
    """(wall, CPU) seconds of the measured cell, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", code, WARM_UP, CELL], check=True, env=environment(), capture_output=True, text=True)
    wall, used = done.stdout.split()[-2:]
    return float(wall), float(used)


def timed_command(argv):
    """(wall, CPU) seconds of a whole command, its children included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(argv, check=True, env=environment(), stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(name, baseline, jitlens, numba):
    for index, kind in ((0, "wall"), (1, "CPU")):
        j = statistics.median(t[index] for t in jitlens)
        n = statistics.median(t[index] for t in numba)
        print(f"{name} {kind:>4}: JitLens median {j:.2f} s, {baseline} median {n:.2f} s, ratio {j / n:.2f}x")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from jitlens import cli
    inspect = [*cli.command(), "inspect", CELL, "--format", "html", "--view", "llvm,asm"]
    numba_file = [sys.executable, "-c", NUMBA_FILE, CELL]
    timed_cell(JITLENS)  # warm the disk caches (and .NET's) once, for both sides
    timed_command(inspect)
    cell_jitlens, cell_numba, file_jitlens, file_numba = [], [], [], []
    for _ in range(runs):
        cell_jitlens.append(timed_cell(JITLENS))
        cell_numba.append(timed_cell(NUMBA))
        file_jitlens.append(timed_command(inspect))
        file_numba.append(timed_command(numba_file))
    print(f"cell: {CELL} ({sum(1 for _ in open(CELL))} lines), runs: {runs}, load average: {os.getloadavg()[0]:.1f}, "
          f"jitlens: {' '.join(cli.command())}")
    report("%%jitlens --llvm --asm         ", "Numba inspect_llvm()+inspect_asm() in the kernel", cell_jitlens, cell_numba)
    report("jitlens inspect FILE.py (cold) ", "python3 FILE + inspect_llvm()+inspect_asm()", file_jitlens, file_numba)


if __name__ == "__main__":
    main()
