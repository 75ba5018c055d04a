"""``%%jitlens --compare-signatures A B`` and ``%%jitlens --compare-opt L,R``: the cell's code two ways, side by side.

The magic runs the cell once, as usual, then asks ``jitlens diff`` for the comparison, which aligns the two sides by
source line and renders them (HTML, text or JSON) as ``jitlens diff`` does for files; nothing is mapped here.

- Two signatures of one function: both are compiled in the kernel, on the user's own dispatcher (as ``--signature``
  would), and each side of the diff shows the signature it asked for.
- Two NUMBA_OPT levels: Numba reads NUMBA_OPT once, when it is imported, into its one process-wide code generator
  (its target machine and module pass managers are built then), so a level other than the kernel's cannot be compiled
  in the kernel without disturbing the user's dispatchers. A side at the kernel's own level is the capture of the cell
  as it ran; a side at another level is the cell run again, alone, in a new Python process with NUMBA_OPT set.
"""

import sys

from . import capture, cli

SIGNATURES_FLAG = "--compare-signatures"
OPT_FLAG = "--compare-opt"


def add_arguments(parser):
    parser.add_argument(SIGNATURES_FLAG, nargs=2, metavar=("LEFT", "RIGHT"),
                        help="show two signatures side by side, each as for --signature ('name(types)', 'name:sig' or "
                             "'sig'), e.g. 'total(int64[:])' 'total(float64[:])'")
    parser.add_argument(OPT_FLAG, nargs="+", metavar="L,R",
                        help="show the cell compiled at two NUMBA_OPT levels side by side, e.g. 0,3; a level other "
                             "than the kernel's is compiled by running the cell alone in a new Python process")


class SignatureComparison:
    """Two signatures of the cell's functions; both are compiled in the kernel, on the user's dispatchers."""

    def __init__(self, left, right):
        if left == right:
            raise cli.JitLensError(f"{SIGNATURES_FLAG} was given '{left}' twice: give two signatures that differ.")
        self.left, self.right = left, right

    def capture_requests(self):
        return [(SIGNATURES_FLAG, self.left), (SIGNATURES_FLAG, self.right)]

    def diff_arguments(self, report, report_path):
        for text in (self.left, self.right):
            if not any(text in s.get("requested_as", []) for f in report["functions"] for s in f["signatures"]):
                raise cli.JitLensError(f"{SIGNATURES_FLAG} '{text}' matches no Numba function of the cell: name one, as in 'name:{text}'.")
        return ["--numba-report", report_path, "--left-signature", self.left, "--right-signature", self.right]

    @staticmethod
    def explain(message):
        return message


class OptComparison:
    """Two NUMBA_OPT levels: the kernel's own from the cell as it ran, any other from the cell run alone in a child."""

    def __init__(self, levels, signatures):
        self.levels = _levels(levels)
        self.signatures = signatures

    @staticmethod
    def capture_requests():
        return []

    def diff_arguments(self, report, report_path):
        # The child runs the kernel's Python, and compiles what --signature asked for as the kernel did.
        arguments = ["--python", sys.executable, *(a for s in self.signatures for a in ("--signature", s))]
        for side, level in zip(("left", "right"), self.levels):
            arguments += [f"--{side}-numba-opt", str(level)]
            if level == report["opt_level"]:
                arguments += [f"--{side}-numba-report", report_path]
        return arguments

    def explain(self, message):
        if "running the file raised" not in message:
            return message
        return (f"{message} (at a NUMBA_OPT level other than the kernel's the cell runs alone in a new Python, so it "
                "must import and define what it uses itself)")


def requested(args):
    """What the magic's line asks to compare, or None; a bad request is a JitLensError of one sentence."""
    if args.compare_signatures and args.compare_opt:
        raise cli.JitLensError(f"{SIGNATURES_FLAG} and {OPT_FLAG} cannot be combined: compare one thing at a time.")
    if args.compare_signatures:
        return SignatureComparison(*args.compare_signatures)
    if args.compare_opt:
        return OptComparison(args.compare_opt, args.signature)
    return None


def capture_requests(comparison):
    """The signatures the capture compiles for the comparison, as (flag, text) requests."""
    return comparison.capture_requests() if comparison else []


def _levels(values):
    words = [w for v in values for w in v.split(",") if w.strip()]
    levels = [int(w) for w in words if w.strip().isdigit() and int(w) <= 3]
    if len(words) != 2 or len(levels) != 2:
        raise cli.JitLensError(f"{OPT_FLAG} takes two NUMBA_OPT levels from 0 to 3, e.g. {OPT_FLAG} 0,3; it was given '{' '.join(values)}'.")
    if levels[0] == levels[1]:
        raise cli.JitLensError(f"{OPT_FLAG} was given level {levels[0]} twice: give two levels that differ, e.g. 0,3.")
    return levels


def show(comparison, path, report, view_arguments, output_format):
    """Runs ``jitlens diff`` for the cell's file and returns its output; errors are JitLensErrors of one sentence."""
    if report.get("error"):
        raise cli.JitLensError(report["error"]["message"])
    # A fragment: the notebook's page is not ours to style.
    output_format = "html-fragment" if output_format == "html" else output_format
    try:
        with capture.report_file(path, report) as report_path:
            arguments = comparison.diff_arguments(report, report_path)
            return cli.diff(path, [*arguments, *view_arguments, "--format", output_format])
    except cli.JitLensError as e:
        raise cli.JitLensError(comparison.explain(str(e))) from None
