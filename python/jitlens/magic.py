"""The ``%%jitlens`` cell magic; its flags follow Numba-Inspector's ``%%numba`` (--bytecode, --numbair, --ptx)."""

import os
import sys
import tempfile

from IPython.core import magic_arguments
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.display import HTML, display

from . import cli

# Flag → JitLens view name; no flag at all shows every view.
VIEW_FLAGS = {
    "bytecode": "bytecode",
    "numbair": "numba_ir",
    "llvm": "llvm",
    "asm": "asm",
    "ptx": "ptx",
    "sass": "sass",
    "cfg": "cfg",
}


@magics_class
class JitLensMagics(Magics):
    def __init__(self, shell):
        super().__init__(shell)
        self._cells = tempfile.mkdtemp(prefix="jitlens-cells-")
        self._count = 0

    @magic_arguments.magic_arguments()
    @magic_arguments.argument("--bytecode", action="store_true", help="Python bytecode per line")
    @magic_arguments.argument("--numbair", action="store_true", help="Numba IR per line")
    @magic_arguments.argument("--llvm", action="store_true", help="LLVM IR per line")
    @magic_arguments.argument("--asm", action="store_true", help="CPU assembly per line")
    @magic_arguments.argument("--ptx", action="store_true", help="PTX per line (@cuda.jit kernels)")
    @magic_arguments.argument("--sass", action="store_true", help="SASS per line (@cuda.jit kernels)")
    @magic_arguments.argument("--cfg", action="store_true", help="control-flow graph of the assembly")
    @magic_arguments.argument("--signature", action="append", default=[], help="also compile this signature ('name:sig' or 'sig')")
    @magic_arguments.argument("--python", default=None, help="Python that runs the cell for inspection (default: this kernel's)")
    @magic_arguments.argument("--timeout", type=int, default=120, help="seconds the inspection may run the cell for")
    @magic_arguments.argument("--format", default="html", help="jitlens output format shown in the cell (html, text, json)")
    @cell_magic
    def jitlens(self, line, cell):
        """Run the cell, then show the code Numba generated for each of its lines."""
        args = magic_arguments.parse_argstring(self.jitlens, line)
        # The magic's own line stays in the file as a comment, so line numbers match the cell as the user sees it.
        source = f"# %%jitlens {line}\n{cell}"
        path = self._write_cell(source)
        # A normal cell first: its functions land in the user's namespace, and its errors show as usual.
        if not self._run(source, path):
            return
        try:
            output = cli.inspect(path, self._arguments(args), args.timeout)
        except cli.JitLensError as e:
            print(str(e), file=sys.stderr)
            return
        if args.format == "html":
            display(HTML(output))
        else:
            print(output)

    def _write_cell(self, source):
        # Numba reads line info from the source file, so every cell becomes a real file of its own.
        self._count += 1
        path = os.path.join(self._cells, f"cell{self._count}.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return path

    def _run(self, source, path):
        try:
            exec(compile(source, path, "exec"), self.shell.user_ns)  # noqa: S102 - running the user's cell is the point
        except Exception:
            self.shell.showtraceback()
            return False
        return True

    @staticmethod
    def _arguments(args):
        arguments = ["--format", args.format, "--timeout", str(args.timeout)]
        views = [view for flag, view in VIEW_FLAGS.items() if getattr(args, flag)]
        if views:
            arguments += ["--view", ",".join(views)]
        for signature in args.signature:
            arguments += ["--signature", signature]
        # The kernel's own interpreter has the user's packages; --python chooses another.
        arguments += ["--python", args.python or sys.executable]
        return arguments
