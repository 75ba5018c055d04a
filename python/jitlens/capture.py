"""Capture what Numba compiled for every dispatcher in a Python file, as raw JSON for JitLens.

Run by JitLens in its own Python process: ``python3 capture.py FILE --out JSON [--signature SIG]...``.
It only collects what Numba and ``dis`` report (bytecode, Numba IR with locations, LLVM IR, asm, PTX,
SASS); JitLens maps all of it to source lines in C#. Exit code 0 means the JSON was written, whether or
not it describes an error in the user's file.
"""

import argparse
import contextlib
import dis
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--out", required=True)
    parser.add_argument("--signature", action="append", default=[],
                        help="'float64(int64)' for every function with that many parameters, or 'name:float64(int64)'")
    args = parser.parse_args(argv)

    path = os.path.abspath(args.file)
    report = {"file": path, "python_version": sys.version.split()[0], "functions": [], "notes": [], "error": None}
    try:
        capture(path, args.signature, report)
    except UserFileError as e:
        report["error"] = e.as_json()
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(report, out)
    return 0


class UserFileError(Exception):
    """A problem the user has to fix, told as one sentence with a location."""

    def __init__(self, kind, message, line=None, column=None):
        super().__init__(message)
        self.kind, self.message, self.line, self.column = kind, message, line, column

    def as_json(self):
        return {"kind": self.kind, "message": self.message, "line": self.line, "column": self.column}


def capture(path, signatures, report):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    # Checked first, so a syntax error names its line and column before anything is imported or run.
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        raise UserFileError("syntax", e.msg, e.lineno, e.offset) from None

    # Debug info makes Numba emit !dbg locations in LLVM IR and .loc in asm: the line mapping rests on it.
    os.environ["NUMBA_DEBUGINFO"] = "1"
    os.environ["NUMBA_DISABLE_ERROR_MESSAGE_HIGHLIGHTING"] = "1"
    try:
        import numba
        from numba.core import config
    except ImportError as e:
        raise UserFileError("numba_missing", f"Numba cannot be imported by {sys.executable} ({e})") from None
    report["numba_version"] = numba.__version__
    report["opt_level"] = int(config.OPT)

    namespace = run_user_file(path)
    dispatchers = find_dispatchers(namespace, path)
    cuda = cuda_status(dispatchers)
    report["cuda"] = cuda
    if any(kind == "cuda" for _, kind, _, _ in dispatchers) and not cuda["available"]:
        report["notes"].append(f"Numba's CUDA target is unavailable here ({cuda['reason']}), so @cuda.jit kernels have no PTX or SASS; the CPU views still work.")
    kernel_requests = add_requested_signatures(dispatchers, signatures, cuda)
    for name, kind, dispatcher, _ in dispatchers:
        report["functions"].append(describe_function(name, kind, dispatcher, cuda, kernel_requests.get(id(dispatcher), []), report["notes"]))


def run_user_file(path):
    import runpy
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(path))
    # The user's prints go to stderr: stdout is not ours to fill, and the JSON travels in a file anyway.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            return runpy.run_path(path, run_name="__main__")
        except SystemExit:
            raise UserFileError("exception", "the file called sys.exit() while it was being run") from None
        except BaseException as e:  # anything the user's code raises is reported, never re-raised
            raise exception_error(path, e) from None


def exception_error(path, exc):
    """The user's exception as one sentence, placed at the innermost line of the user's file."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    loc = getattr(exc, "loc", None)  # Numba's typing errors know the line inside the compiled function
    if loc is not None and getattr(loc, "filename", None) and os.path.abspath(loc.filename) == path and loc.line:
        line = loc.line
    summary = first_line(exc)
    if type(exc).__name__ in ("CudaSupportError", "NvvmSupportError", "CudaDriverError"):
        summary = f"Numba's CUDA target is unavailable here: {summary}"
    return UserFileError("exception", f"{type(exc).__name__}: {summary}" if summary else type(exc).__name__, line)


def find_dispatchers(namespace, path):
    """Numba functions defined in the user's file, in source order: (name, "cpu" | "cuda", dispatcher, decorated object)."""
    from numba.core.dispatcher import Dispatcher
    found = []
    for name, value in namespace.items():
        kind = "cpu"
        target = value
        if not isinstance(value, Dispatcher):
            # @vectorize without signatures gives a DUFunc: its scalar kernel sits in a UFuncDispatcher.
            # (@vectorize with signatures gives a plain NumPy ufunc; Numba keeps nothing to inspect there.)
            inner = getattr(value, "_dispatcher", None)
            if type(inner).__name__ in ("UFuncDispatcher", "Dispatcher") and hasattr(value, "add"):
                target = inner
            else:
                continue
        if type(target).__name__ == "CUDADispatcher":
            kind = "cuda"
        py_func = getattr(target, "py_func", None)
        if py_func is None or os.path.abspath(py_func.__code__.co_filename) != path:
            continue
        found.append((name, kind, target, value))
    found.sort(key=lambda f: f[2].py_func.__code__.co_firstlineno)
    return found


def add_requested_signatures(dispatchers, signatures, cuda):
    """Compiles --signature requests for CPU functions now; returns kernels' requested argument types by dispatcher id,
    since a kernel is compiled for PTX separately (see cuda_signature) and launching one may not be possible here."""
    from numba.core import sigutils
    kernel_requests = {}
    for text in signatures:
        # "name:sig" targets one function; a bare signature goes to every function with that many parameters.
        named = re.match(r"^\s*([A-Za-z_]\w*)\s*:(.+)$", text)
        name, sig_text = (named.group(1), named.group(2)) if named else ("", text)
        try:
            args, _ = sigutils.normalize_signature(sig_text)
        except Exception as e:
            raise UserFileError("signature", f"--signature '{text}' is not a Numba signature ({e})") from None
        targets = [(d, v) for n, _, d, v in dispatchers if (n == name if name else parameter_count(d) == len(args))]
        if name and not targets:
            raise UserFileError("signature", f"--signature '{text}': the file has no Numba function named '{name}'")
        for dispatcher, value in targets:
            if type(dispatcher).__name__ == "CUDADispatcher":
                if cuda["available"]:
                    kernel_requests.setdefault(id(dispatcher), []).append(tuple(args))
                continue
            try:
                # A DUFunc compiles new loops through add(); dispatchers through compile().
                value.add(sig_text) if value is not dispatcher else dispatcher.compile(sig_text)
            except Exception as e:
                summary = first_line(e) or type(e).__name__
                raise UserFileError("signature", f"--signature '{text}' does not compile for {dispatcher.py_func.__name__}: {summary}") from None
    return kernel_requests


def parameter_count(dispatcher):
    return len(inspect.signature(dispatcher.py_func).parameters)


def cuda_status(dispatchers):
    if not any(kind == "cuda" for _, kind, _, _ in dispatchers):
        return {"available": False, "reason": "the file has no @cuda.jit kernel"}
    from numba import cuda
    from numba.core import config
    try:
        # PTX needs only NVVM from the CUDA toolkit; SASS also needs a GPU (to link a cubin) and nvdisasm.
        from numba.cuda.cudadrv import nvvm
        nvvm.NVVM()
    except Exception:
        gpu = "a GPU is present" if cuda.is_available() else "no GPU or CUDA driver was found either"
        return {"available": False, "reason": f"the CUDA toolkit's libNVVM was not found, and {gpu}"}
    if cuda.is_available():
        cc = cuda.get_current_device().compute_capability
        return {"available": True, "gpu": True, "cc": list(cc), "arch": f"sm_{cc[0]}{cc[1]}", "nvdisasm": shutil.which("nvdisasm")}
    cc = config.CUDA_DEFAULT_PTX_CC
    return {"available": True, "gpu": False, "cc": list(cc), "arch": f"sm_{cc[0]}{cc[1]}", "nvdisasm": None}


def first_line(exc):
    """The telling line of an exception message: Numba's start with a generic "Failed in ... pipeline" line, and a
    line ending in ':' is completed by the next one (e.g. "No implementation ... for signature: >>> add(int64, str)")."""
    lines = [t.strip() for t in ANSI.sub("", str(exc)).splitlines() if t.strip()]
    lines = [t for t in lines if not t.startswith("Failed in ")] or lines
    if not lines:
        return ""
    return f"{lines[0]} {lines[1]}" if lines[0].endswith(":") and len(lines) > 1 else lines[0]


def describe_function(name, kind, dispatcher, cuda, kernel_requests, notes):
    py_func = dispatcher.py_func
    lines, first = inspect.getsourcelines(py_func)
    def_line = first + next((i for i, t in enumerate(lines) if t.lstrip().startswith(("def ", "async def "))), 0)
    function = {
        "name": name,
        "qualname": py_func.__qualname__,
        "kind": kind,
        "first_line": first,
        "def_line": def_line,
        "last_line": first + len(lines) - 1,
        "bytecode": bytecode(py_func),
        "signatures": [],
    }
    if kind == "cpu":
        for key, cres in dispatcher.overloads.items():
            # Dispatchers key overloads by argument types; a DUFunc's UFuncDispatcher by full signature.
            function["signatures"].append(cpu_signature(getattr(key, "args", key), cres))
    elif cuda["available"]:
        for args in dict.fromkeys([*dispatcher.overloads.keys(), *kernel_requests]):
            function["signatures"].append(cuda_signature(dispatcher, args, cuda))
    if not function["signatures"] and (kind == "cpu" or cuda["available"]):
        notes.append(f"{name} has no compiled signature: call it in the file or give one with --signature.")
    return function


def bytecode(py_func):
    out = []
    line = None
    for ins in dis.get_instructions(py_func):
        # Python 3.11 gives each instruction its own position; older versions only mark where lines start.
        positions = getattr(ins, "positions", None)
        if positions is not None and positions.lineno is not None:
            line = positions.lineno
        elif ins.starts_line is not None:
            line = ins.starts_line
        jump = ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs
        out.append({
            "offset": ins.offset,
            "line": line,
            "opname": ins.opname,
            "argrepr": ins.argrepr,
            "jump_target": ins.argval if jump else None,
            "is_jump_target": ins.is_jump_target,
        })
    return out


def numba_ir(cres):
    annotation = cres.type_annotation
    out = []
    for label in sorted(annotation.blocks):
        for stmt in annotation.blocks[label].body:
            text = str(stmt)
            target = getattr(stmt, "target", None)
            if target is not None and hasattr(target, "name") and target.name in annotation.typemap:
                text += f"  :: {annotation.typemap[target.name]}"
            out.append({"block": label, "line": stmt.loc.line if stmt.loc else None, "text": text})
    return out


def signature_text(args, return_type):
    return f"{return_type}({', '.join(str(a) for a in args)})"


def cpu_signature(args, cres):
    return {
        "signature": signature_text(args, cres.signature.return_type),
        "arguments": ", ".join(str(a) for a in args),
        "function_name": cres.fndesc.llvm_func_name,
        "numba_ir": numba_ir(cres),
        "llvm": cres.library.get_llvm_str(),
        "asm": cres.library.get_asm_str(),
    }


def cuda_signature(dispatcher, args, cuda):
    from numba import cuda as numba_cuda, types
    result = {"signature": signature_text(args, types.void), "arguments": ", ".join(str(a) for a in args),
              "arch": cuda["arch"], "numba_ir": [], "notes": []}
    device = bool(dispatcher.targetoptions.get("device"))
    if device or not cuda["gpu"]:
        # Without a GPU (or for a device function, which has no cubin of its own) NVVM still compiles PTX,
        # through Numba's public compile_ptx, which does not keep the Numba IR.
        ptx, return_type = numba_cuda.compile_ptx(dispatcher.py_func, args, device=device, lineinfo=True, cc=tuple(cuda["cc"]))
        result["signature"] = signature_text(args, return_type)
        result["ptx"] = ptx
        result["notes"].append("Only PTX is shown: SASS and Numba IR come from a kernel linked on a GPU.")
        return result
    # The user's kernel may lack lineinfo; a twin compiled with it gives PTX .loc and SASS line comments.
    twin = numba_cuda.jit(types.void(*args), lineinfo=True)(dispatcher.py_func)
    kernel = twin.overloads[args]
    result["numba_ir"] = numba_ir(kernel)
    result["function_name"] = kernel.entry_name
    result["ptx"] = twin.inspect_asm(args)
    if cuda["nvdisasm"]:
        result["sass"] = nvdisasm(kernel.library.get_cubin(cc=tuple(cuda["cc"])), cuda["nvdisasm"])
    else:
        result["notes"].append("SASS needs the CUDA toolkit's nvdisasm, which is not on PATH.")
    return result


def nvdisasm(cubin, tool):
    with tempfile.NamedTemporaryFile(suffix=".cubin", delete=False) as f:
        f.write(cubin)
    try:
        # -g prints the source line of each instruction as a //## comment; -c limits output to code.
        return subprocess.run([tool, "-g", "-c", f.name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)


if __name__ == "__main__":
    sys.exit(main())
