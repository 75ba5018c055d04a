"""The ``%%jitlens`` cell magic; its flags follow Numba-Inspector's ``%%numba`` (--bytecode, --numbair, --ptx).

The cell runs once, as a normal cell, in the user's namespace, with Numba's line locations on
(``capture.line_locations``, which leaves the generated code as it is). What the Numba functions the cell created
compiled is then handed, as a capture report, to the ``jitlens`` command, which maps it to lines and renders it.
"""

import atexit
import functools
import html
import os
import shlex
import shutil
import sys
import tempfile

from IPython.core import magic_arguments
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.display import HTML, display

from . import capture, cli, compare


@magics_class
class JitLensMagics(Magics):
    def __init__(self, shell):
        super().__init__(shell)
        self._cells = tempfile.mkdtemp(prefix="jitlens-cells-")
        atexit.register(shutil.rmtree, self._cells, ignore_errors=True)
        self._count = 0
        cli.SERVER.start()

    @cell_magic
    def jitlens(self, line, cell):
        """Run the cell, then show the code Numba generated for each of its lines (flags: one per view of Numba's code
        in the jitlens view catalog, e.g. --llvm --asm; --signature SIG; --format html|text|json; side by side:
        --compare-signatures SIG SIG or --compare-opt L,R)."""
        try:
            # shlex, not IPython's own split, so that quotes group a value with spaces and are removed from it.
            args = _parser().parse_args(shlex.split(line))
            comparison = compare.requested(args)
        except cli.JitLensError as e:
            print(str(e), file=sys.stderr)
            return
        except ValueError as e:
            print(f"%%jitlens: the options cannot be read ({e}).", file=sys.stderr)
            return
        except SystemExit:  # argparse has printed what is wrong with the options
            return
        # The magic's own line stays in the file as a comment, so line numbers match the cell as the user sees it.
        source = f"# %%jitlens {line}\n{cell}"
        path = self._write_cell(source)
        try:
            code = compile(source, path, "exec")
        except SyntaxError:
            self.shell.showsyntaxerror()
            return
        report = capture.new_report(path)
        try:
            capture.import_numba(report)
            with capture.line_locations() as created:
                self._run(code, path, report)
                capture.describe_created(created, path, [*args.signature, *compare.capture_requests(comparison)], report)
        except capture.UserFileError as e:
            report["error"] = e.as_json()
        if comparison:
            self._show_comparison(comparison, path, report, args)
        else:
            self._show(path, report, args)

    def _write_cell(self, source):
        # Numba reads line info from the source file, so every cell becomes a real file of its own.
        self._count += 1
        path = os.path.join(self._cells, f"cell{self._count}.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return path

    @capture.own_frame_stack_chunk
    def _run(self, code, path, report):
        """Runs the cell as a normal cell would: in the user's namespace, its error shown as IPython shows errors."""
        try:
            exec(code, self.shell.user_ns)  # noqa: S102 - running the user's cell is the point
        except Exception as e:
            self.shell.showtraceback()
            report["problems"].append(capture.exception_error(path, e).as_json())

    def _show(self, path, report, args):
        try:
            with capture.report_file(path, report) as report_path:
                output = cli.inspect(path, self._arguments(args, report_path))
        except cli.JitLensError as e:
            print(str(e), file=sys.stderr)
            return
        if args.format == "html":
            display(HTML(self._labelled(output, path)))
        else:
            print(output)

    @staticmethod
    def _show_comparison(comparison, path, report, args):
        try:
            output = compare.show(comparison, path, report, _view_arguments(args), args.format)
        except cli.JitLensError as e:
            print(str(e), file=sys.stderr)
            return
        if args.format == "html":
            display(HTML(output))
        else:
            print(output)

    def _labelled(self, output, path):
        # The source header names the cell as the notebook does (In[n]), as the C# kernel's view does, not the
        # temporary file Numba needed.
        header = f'<div class="jl-path">{html.escape(path)}</div>'
        return output.replace(header, f'<div class="jl-path">In[{self.shell.execution_count}]</div>')

    @staticmethod
    def _arguments(args, report_path):
        # A fragment: the notebook's page is not ours to style.
        output_format = "html-fragment" if args.format == "html" else args.format
        return ["--numba-report", report_path, "--format", output_format, *_view_arguments(args)]


def _view_arguments(args):
    """``--view`` with the views the magic's flags asked for; none when no flag did (the default views)."""
    views = [view["name"] for view in _numba_views() if getattr(args, view["name"])]
    return ["--view", ",".join(views)] if views else []


def _numba_views():
    """The catalog's views of code Numba compiles, in catalog order (the order they are shown in)."""
    return [view for view in cli.views() if "Numba" in view["frontEnds"]]


@functools.cache
def _parser():
    """The magic's options: a flag per view of the tool's catalog (no flag at all shows every default view), built
    on first use since the catalog comes from the tool."""
    parser = magic_arguments.MagicArgumentParser(prog="%%jitlens", description=JitLensMagics.jitlens.__doc__)
    for view in _numba_views():
        parser.add_argument(f"--{view['flag']}", dest=view["name"], action="store_true", help=view["help"])
    parser.add_argument("--signature", action="append", default=[],
                        help="also compile this signature ('name(types)', 'name:sig' or 'sig'; quote it when it has spaces)")
    parser.add_argument("--format", default="html", help="output shown in the cell: html, text or json")
    compare.add_arguments(parser)
    return parser
