"""Capture what Numba compiled for every dispatcher in a Python file, as raw JSON for JitLens.

Run by JitLens in its own Python process: ``python3 capture.py FILE --out JSON [--signature SIG]...``.
It only collects what Numba and ``dis`` report (bytecode, Numba IR with locations, LLVM IR, asm, PTX,
SASS); JitLens maps all of it to source lines in C#. Exit code 0 means the JSON was written, whether or
not it describes an error in the user's file.
"""

import argparse
import ast
import contextlib
import dis
import functools
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
    report = new_report(path)
    try:
        capture_file(path, args.signature, report)
    except UserFileError as e:
        report["error"] = e.as_json()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(as_json(report))
    return 0


def as_json(report):
    # json.dumps, not json.dump: only the one-shot call uses the C encoder; json.dump encodes in Python, chunk by
    # chunk, several times slower on a report's long IR and asm texts.
    return json.dumps(report)


@contextlib.contextmanager
def report_file(path, report):
    """REPORT written as the JSON file beside the cell's file PATH that ``--numba-report`` reads; removed afterwards."""
    report_path = path[:-3] + ".json"
    with open(report_path, "w", encoding="utf-8") as f:
        f.write(as_json(report))
    try:
        yield report_path
    finally:
        os.unlink(report_path)


def new_report(path):
    return {"file": path, "python_version": sys.version.split()[0], "functions": [], "notes": [], "problems": [], "error": None}


class UserFileError(Exception):
    """A problem the user has to fix, told as one sentence with a location."""

    def __init__(self, kind, message, line=None, column=None):
        super().__init__(message)
        self.kind, self.message, self.line, self.column = kind, message, line, column

    def as_json(self):
        return {"kind": self.kind, "message": self.message, "line": self.line, "column": self.column}


def own_frame_stack_chunk(function):
    """Gives FUNCTION's frame room for a deep call tree below it: it runs the user's code, whose calls compile Numba.

    CPython (3.11 on) keeps Python frames in 16 KiB chunks: it maps a new chunk for a call that does not fit in the
    current one and unmaps it when that call returns. Numba's compile calls in and out thousands of times, so where
    the calls straddle a chunk's end, which depends only on how deep the cell starts, each one maps and unmaps a chunk:
    on the benchmark cell in the magic, 717 map/unmap pairs and 650 more page faults during the cell. A frame that
    fits only in a fresh 128 KiB chunk (its value stack, never used, is 8192 slots larger) starts one, the compile's
    calls fit in the 60 KiB left, and the chunk is unmapped once, when FUNCTION returns. Nothing else about the
    function changes."""
    code = function.__code__
    function.__code__ = code.replace(co_stacksize=code.co_stacksize + 8192)
    return function


@own_frame_stack_chunk
def capture_file(path, signatures, report):
    """Runs the user's file under line_locations() and describes every Numba function it created."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    # Checked first, so a syntax error names its line and column before anything is imported or run.
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        raise UserFileError("syntax", e.msg, e.lineno, e.offset) from None

    os.environ["NUMBA_DISABLE_ERROR_MESSAGE_HIGHLIGHTING"] = "1"
    import_numba(report)
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(path))
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    with line_locations() as created:
        # The user's prints go to stderr: stdout is not ours to fill, and the JSON travels in a file anyway.
        with contextlib.redirect_stdout(sys.stderr):
            try:
                exec(code, namespace)  # noqa: S102 - running the user's file is the point
            except SystemExit:
                report["problems"].append(UserFileError("exception", "the file called sys.exit() while it was being run").as_json())
            except BaseException as e:  # anything the user's code raises is reported, never re-raised
                report["problems"].append(exception_error(path, e).as_json())
        describe_created(created, path, signatures, report)


def import_numba(report):
    try:
        import numba
        from numba.core import config
    except ImportError as e:
        raise UserFileError("numba_missing", f"Numba cannot be imported by {sys.executable} ({e})") from None
    report["numba_version"] = numba.__version__
    report["opt_level"] = int(config.OPT)


def describe_created(created, path, signatures, report):
    """Adds to the report every Numba function that was created from PATH while line_locations() was on.
    Also the entry point of the %%jitlens magic, which runs the cell in the user's namespace itself."""
    dispatchers = numba_functions(created, path)
    cuda = cuda_status(dispatchers)
    report["cuda"] = cuda
    if any(kind == "cuda" for _, kind, _ in dispatchers) and not cuda["available"]:
        report["notes"].append(f"Numba's CUDA target is unavailable here ({cuda['reason']}), so @cuda.jit kernels have no PTX or SASS; the CPU views still work.")
    if any(kind == "cpu" for _, kind, _ in dispatchers):
        report["cpu_target"] = cpu_target()
    requests = add_requested_signatures(dispatchers, signatures, cuda)
    for name, kind, dispatcher in dispatchers:
        try:
            report["functions"].append(describe_function(name, kind, dispatcher, cuda, requests.get(id(dispatcher), {}), report["notes"]))
        except Exception as e:  # one function that cannot be captured must not hide the others
            report["notes"].append(f"{name} could not be captured: {type(e).__name__}: {first_line(e)}")


def cpu_target():
    """The CPU Numba's CPU code is compiled for: LLVM's triple, CPU name and the features it enabled (NUMBA_CPU_NAME
    and NUMBA_CPU_FEATURES included), as Numba's own codegen describes itself."""
    from numba.core.registry import cpu_target as target

    triple, name, features = target.target_context.codegen().magic_tuple()
    return {"triple": triple, "cpu": name, "features": [f[1:] for f in features.split(",") if f.startswith("+")]}


@contextlib.contextmanager
def line_locations():
    """Numba compiles with debug locations (!dbg in LLVM IR, .loc in asm) and nothing else of its debug mode.

    Numba's debug=True would also mark every function noinline, turn on bounds checks, extend variable lifetimes,
    keep every variable in an alloca and declare variables to the debugger: each of those changes the code. Here only
    the target context's enable_debuginfo is set (the compile flags stay as they are, so boundscheck, lifetimes and
    the allocas stay normal), functions get a subprogram without the noinline marking and no variable is declared. Each location gets the
    file of the Numba IR statement it comes from: code that Numba inlines or outlines (a parfor's gufunc kernel,
    built from generated source) keeps the user's lines where the statement was the user's.

    Yields the list of Numba functions created meanwhile (dispatchers, @vectorize's UFuncDispatchers, @cfuncs)."""
    import warnings
    from numba.core import config, debuginfo, lowering, pylowering
    from numba.core.ccallback import CFunc
    from numba.core.codegen import CPUCodeLibrary
    from numba.core.cpu import CPUContext
    from numba.core.dispatcher import Dispatcher
    from numba.core.errors import NumbaDebugInfoWarning
    from numba.np.ufunc.ufuncbuilder import UFuncDispatcher

    created = []
    patches = []
    # Numba names a statement's file for every statement it lowers: each name is made absolute once.
    absolute = functools.lru_cache(maxsize=None)(os.path.abspath)

    def patch(owner, name, make):
        original = owner.__dict__.get(name, _MISSING)
        setattr(owner, name, make(getattr(owner, name)))
        patches.append((owner, name, original))

    def recording(init):
        def __init__(self, *args, **kwargs):
            init(self, *args, **kwargs)
            created.append(self)
        return __init__

    def plain_subprogram(_):
        # Numba's own marks the function noinline and describes every argument's type, for which it builds an LLVM
        # context per pointer type: locations need neither.
        def mark(self, function, qualname, argnames, argtypes, line):
            module = self.module
            subprogram = module.add_debug_info("DISubprogram", {
                "name": qualname, "linkageName": function.name, "scope": self.difile, "file": self.difile,
                "line": line, "type": module.add_debug_info("DISubroutineType", {"types": module.add_metadata([None])}),
                "isLocal": False, "isDefinition": True, "scopeLine": line, "isOptimized": config.OPT != 0,
                "unit": self.dicompileunit}, is_distinct=True)
            self.subprograms.append(subprogram)
            function.set_metadata("dbg", subprogram)
        return mark

    def in_statement_file(mark_location):
        def mark(self, builder, line):
            filename = getattr(self, "jitlens_file", None)
            if not self.subprograms:
                return mark_location(self, builder, line)
            # Numba marks every statement, most lines several times: llvmlite's add_debug_info finds the node it
            # made before only after hashing the whole scope chain, so each builder keeps the ones it made.
            locations = self.__dict__.setdefault("jitlens_locations", {})
            key = (line, id(self.subprograms[-1]), filename)
            if key not in locations:
                same_file = filename is None or absolute(filename) == self.filepath
                locations[key] = self.module.add_debug_info("DILocation", {
                    "line": line, "column": 1, "scope": self.subprograms[-1] if same_file else statement_scope(self, filename)})
            builder.debug_metadata = locations[key]
        return mark

    numba_dir = os.path.dirname(os.path.dirname(os.path.abspath(debuginfo.__file__))) + os.sep

    def user_code_only(init):
        # Numba's own implementations (np.empty_like, math.log1p, ...) get no debug info: it costs compile time, and
        # LLVM gives code inlined from a function without any the location of the call, the user's line.
        def __init__(self, context, library, fndesc, func_ir, *args, **kwargs):
            init(self, context, library, fndesc, func_ir, *args, **kwargs)
            if absolute(func_ir.loc.filename or "").startswith(numba_dir):
                self.debuginfo = debuginfo.DummyDIBuilder(module=self.module, filepath=func_ir.loc.filename, cgctx=context)
        return __init__

    def noting_file(lower_inst):
        def lower(self, inst):
            self.debuginfo.jitlens_file = getattr(inst.loc, "filename", None)
            return lower_inst(self, inst)
        return lower

    def locating_gufunc_wrappers(add_ir_module):
        def add(self, ir_module):
            for function in ir_module.functions:
                if function.name.startswith("__gufunc__.") and function.blocks and "dbg" not in function.metadata:
                    give_wrapper_a_subprogram(ir_module, function)
            return add_ir_module(self, ir_module)
        return add

    def first_body_line(_):
        # Numba parses a function's whole file, and walks its whole tree, for every function it lowers with debug
        # info: for its own large modules (arrayobj.py, ...) that was most of the compile time. Their lines are never
        # shown, and a user's file is read and walked once for all its functions.
        body_lines = {}

        def first_line(pyfunc):
            code = pyfunc.__code__
            filename = absolute(code.co_filename)
            if filename.startswith(numba_dir):
                return None
            if filename not in body_lines:
                body_lines[filename] = first_body_lines(filename)
            return body_lines[filename].get((code.co_name, code.co_firstlineno))
        return first_line

    def keeping_result(compile_uncached):
        def compile(self):
            cres = compile_uncached(self)
            self.jitlens_cres = cres
            return cres
        return compile

    patch(Dispatcher, "__init__", recording)
    patch(UFuncDispatcher, "__init__", recording)
    patch(CFunc, "__init__", recording)
    patch(CFunc, "_compile_uncached", keeping_result)
    patch(debuginfo.DIBuilder, "mark_subprogram", plain_subprogram)
    patch(debuginfo.DIBuilder, "mark_variable", lambda _: lambda self, builder, *args, **kwargs: None)
    patch(debuginfo.DIBuilder, "mark_location", in_statement_file)
    patch(lowering.BaseLower, "__init__", user_code_only)
    patch(lowering.Lower, "lower_inst", noting_file)
    patch(lowering, "get_func_body_first_lineno", first_body_line)
    patch(pylowering.PyLower, "lower_inst", noting_file)
    patch(CPUContext, "enable_debuginfo", lambda _: True)
    patch(CPUCodeLibrary, "add_ir_module", locating_gufunc_wrappers)
    try:
        with warnings.catch_warnings():
            # Generated code (a parfor's kernel) has no source file of its own; its statements still have theirs.
            warnings.simplefilter("ignore", NumbaDebugInfoWarning)
            yield created
    finally:
        for owner, name, original in reversed(patches):
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


_MISSING = object()


def first_body_lines(filename):
    """(name, first line) of every function defined in FILENAME -> the line of its first statement after the
    docstring, as Numba's FindDefFirstLine finds one function's (its first line is its def or first decorator)."""
    try:
        with open(filename, encoding="utf-8") as source:
            tree = ast.parse(source.read())
    except (OSError, SyntaxError, ValueError):
        return {}
    lines = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            body = node.body[1:] if is_docstring(node.body[0]) and len(node.body) > 1 else node.body
            for start in (node.lineno, *(d.lineno for d in node.decorator_list[:1])):
                lines.setdefault((node.name, start), body[0].lineno)
    return lines


def is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)


def give_wrapper_a_subprogram(module, function):
    """Debug info for the __gufunc__ wrapper Numba builds around a parfor's kernel, which has none: LLVM writes no
    .loc for a function without a DISubprogram, so the kernel's code inlined into it would have no lines in the asm.
    Its own instructions get line 0 (no line) in Numba's wrappers.py; the inlined kernel keeps the user's lines."""
    from llvmlite import ir
    from numba.np.ufunc import wrappers
    path = os.path.abspath(wrappers.__file__)
    file = module.add_debug_info("DIFile", {"directory": os.path.dirname(path), "filename": os.path.basename(path)})
    unit = module.add_debug_info("DICompileUnit", {
        "language": ir.DIToken("DW_LANG_C_plus_plus"), "file": file, "producer": "clang (Numba)",
        "runtimeVersion": 0, "isOptimized": True, "emissionKind": 1}, is_distinct=True)
    subprogram = module.add_debug_info("DISubprogram", {
        "name": function.name, "linkageName": function.name, "scope": file, "file": file, "line": 0,
        "type": module.add_debug_info("DISubroutineType", {"types": module.add_metadata([None])}),
        "isLocal": False, "isDefinition": True, "scopeLine": 0, "isOptimized": True, "unit": unit}, is_distinct=True)
    function.set_metadata("dbg", subprogram)
    location = module.add_debug_info("DILocation", {"line": 0, "column": 0, "scope": subprogram})
    for block in function.blocks:
        for instruction in block.instructions:
            instruction.set_metadata("dbg", location)
    module.add_named_metadata("llvm.dbg.cu", unit)
    flags = module.add_named_metadata("llvm.module.flags")
    for name, value in (("Dwarf Version", 4), ("Debug Info Version", 3)):
        flags.add(module.add_metadata([ir.IntType(32)(2), name, ir.IntType(32)(value)]))


def statement_scope(builder, filename):
    """A DILexicalBlockFile of the current subprogram in FILENAME, one per file and subprogram."""
    scopes = builder.__dict__.setdefault("jitlens_scopes", {})
    key = (id(builder.subprograms[-1]), filename)
    if key not in scopes:
        path = os.path.abspath(filename)
        file = builder.module.add_debug_info("DIFile", {"directory": os.path.dirname(path), "filename": os.path.basename(path)})
        scopes[key] = builder.module.add_debug_info("DILexicalBlockFile", {
            "scope": builder.subprograms[-1], "file": file, "discriminator": 0})
    return scopes[key]


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


def numba_functions(created, path):
    """The Numba functions created from PATH, in source order: (name, "cpu" | "cuda", function)."""
    found = []
    for function in dict.fromkeys(created):  # one entry per object, in creation order
        py_func = getattr(function, "py_func", None) or getattr(function, "_pyfunc", None)
        if py_func is None or os.path.abspath(py_func.__code__.co_filename) != path:
            continue
        kind = "cuda" if type(function).__name__ == "CUDADispatcher" else "cpu"
        found.append((py_func.__qualname__, kind, function))
    found.sort(key=lambda f: python_function(f[2]).__code__.co_firstlineno)
    return found


def python_function(function):
    return getattr(function, "py_func", None) or function._pyfunc


def add_requested_signatures(dispatchers, signatures, cuda):
    """Compiles --signature requests for CPU functions now (a kernel is compiled for PTX separately, see cuda_signature,
    since launching one may not be possible here). Returns, by dispatcher id, the requested argument types and for each
    the requests that asked for them, so that one side of a comparison can show its own signatures only.

    A request is its text, or (flag, text) where it came from another option than --signature, which its errors name."""
    from numba.core import sigutils, types
    requests = {}
    for request in signatures:
        flag, text = request if isinstance(request, tuple) else ("--signature", request)
        # "name:sig" targets one function; a bare signature goes to every function with that many parameters.
        named = re.match(r"^\s*([A-Za-z_][\w.<>]*)\s*:(.+)$", text)
        name, sig_text = (named.group(1), named.group(2)) if named else ("", text)
        # "name(types)", written as the function is called, names a function of the file and its argument types.
        called = re.match(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$", text)
        if not named and called and any(called.group(1) in (n, n.rsplit(".", 1)[-1]) for n, _, _ in dispatchers):
            name, sig_text = called.group(1), f"({called.group(2)},)" if called.group(2).strip() else "()"
        try:
            args, _ = sigutils.normalize_signature(sig_text)
        except Exception as e:
            if called and not name and not hasattr(types, called.group(1)):
                raise UserFileError("signature", f"{flag} '{text}' names no Numba function of the file and is not a Numba signature ({first_line(e)})") from None
            raise UserFileError("signature", f"{flag} '{text}' is not a Numba signature ({first_line(e)})") from None
        targets = [d for n, _, d in dispatchers if hasattr(d, "compile") and not hasattr(d, "_pyfunc")
                   and (name in (n, n.rsplit(".", 1)[-1]) if name else parameter_count(d) == len(args))]
        if name and not targets:
            raise UserFileError("signature", f"{flag} '{text}': the file has no Numba function named '{name}'")
        for dispatcher in targets:
            if type(dispatcher).__name__ != "CUDADispatcher":
                try:
                    dispatcher.compile(sig_text)
                except Exception as e:
                    summary = first_line(e) or type(e).__name__
                    raise UserFileError("signature", f"{flag} '{text}' does not compile for {dispatcher.py_func.__name__}: {summary}") from None
            elif not cuda["available"]:
                continue
            requests.setdefault(id(dispatcher), {}).setdefault(tuple(args), []).append(text)
    return requests


def parameter_count(dispatcher):
    return len(inspect.signature(python_function(dispatcher)).parameters)


def cuda_status(dispatchers):
    if not any(kind == "cuda" for _, kind, _ in dispatchers):
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


def describe_function(name, kind, function, cuda, requests, notes):
    py_func = python_function(function)
    lines, first = inspect.getsourcelines(py_func)
    def_line = first + next((i for i, t in enumerate(lines) if t.lstrip().startswith(("def ", "async def "))), 0)
    described = {
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
        for args, cres, entry in cpu_results(function):
            try:
                notes_for_signature = []
                if not hasattr(cres.type_annotation, "blocks"):
                    # Loaded from Numba's on-disk cache (cache=True), which keeps machine code but no IR.
                    cres = recompiled(function, args)
                    notes_for_signature.append("Numba loaded this signature from its on-disk cache (cache=True), which keeps "
                                               "no IR: it is shown as compiled again here with the same options.")
                signature = cpu_signature(args, cres, entry)
                signature["notes"] += notes_for_signature
                signature["requested_as"] = requests.get(tuple(args), [])
                described["signatures"].append(signature)
            except Exception as e:  # e.g. an overload loaded from Numba's cache keeps no LLVM IR
                notes.append(f"{name}({', '.join(str(a) for a in args)}) could not be captured: {type(e).__name__}: {first_line(e)}")
    elif cuda["available"]:
        for args in dict.fromkeys([*function.overloads.keys(), *requests]):
            described["signatures"].append(dict(cuda_signature(function, args, cuda), requested_as=requests.get(args, [])))
    if not described["signatures"] and (kind == "cpu" or cuda["available"]):
        notes.append(f"{name} has no compiled signature: call it in the file or give one with --signature.")
    return described


def cpu_results(function):
    """(argument types, compile result, entry function kind) of every compiled signature of a CPU Numba function."""
    cres = getattr(function, "jitlens_cres", None)
    if hasattr(function, "_pyfunc"):
        # A @cfunc: C calls its cfunc wrapper, which calls this function.
        return [(tuple(cres.signature.args), cres, "cfunc")] if cres is not None else []
    # Dispatchers key overloads by argument types; a DUFunc's UFuncDispatcher by full signature.
    return [(tuple(getattr(key, "args", key)), cres, "native") for key, cres in function.overloads.items()]


def recompiled(function, args):
    """The compile result of ARGS from a twin of FUNCTION with the same options and no cache."""
    options = {key: value for key, value in function.targetoptions.items() if key != "cache"}
    twin = type(function)(function.py_func, locals=function.locals, targetoptions=options,
                      pipeline_class=function._compiler.pipeline_class)
    twin.compile(tuple(args))
    return twin.overloads[tuple(args)]


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
    path = os.path.abspath(annotation.func_id.filename)
    for label in sorted(annotation.blocks):
        ir_statements(annotation.blocks[label].body, label, annotation.typemap, path, "", out)
    return out


def ir_statements(body, label, typemap, path, indent, out):
    """Numba IR statements with their types; a parfor (prange, a parallel array expression) is shown with its loop
    nest, then the statements of its body, indented, each at its own line."""
    from numba.core import ir
    from numba.parfors.parfor import Parfor
    for stmt in body:
        # Statements Numba inlined from its own implementations (a parallel sum) keep their file's lines.
        line = stmt.loc.line if stmt.loc and os.path.abspath(stmt.loc.filename or "") == path else None
        if isinstance(stmt, Parfor):
            # A Parfor's __getattr__ raises KeyError for names it lacks, so nothing generic may be asked of it.
            nests = ", ".join(f"{n.index_variable.name} in range({n.start}, {n.stop}, {n.step})" for n in stmt.loop_nests)
            out.append({"block": label, "line": line, "text": f"{indent}parfor #{stmt.id} over {nests}"})
            ir_statements(stmt.init_block.body, label, typemap, path, indent + "  ", out)
            for body_label in sorted(stmt.loop_body):
                ir_statements(stmt.loop_body[body_label].body, body_label, typemap, path, indent + "  ", out)
            continue
        text = indent + str(stmt)
        if isinstance(stmt, ir.Assign) and stmt.target.name in typemap:
            text += f"  :: {typemap[stmt.target.name]}"
        out.append({"block": label, "line": line, "text": text})


def signature_text(args, return_type):
    return f"{return_type}({', '.join(str(a) for a in args)})"


def cpu_signature(args, cres, entry):
    llvm = cres.library.get_llvm_str()
    notes = []
    if entry == "cfunc":
        notes.append(f"C code calls this function through its wrapper {cres.fndesc.llvm_cfunc_wrapper_name}.")
    if cres.objectmode:
        notes.append("Numba compiled this signature in object mode (forceobj=True, or a fallback where nopython mode "
                     "failed): its code calls the Python C API for every operation.")
    return {
        "signature": signature_text(args, cres.signature.return_type),
        "arguments": ", ".join(str(a) for a in args),
        "function_name": cres.fndesc.llvm_func_name,
        "kernels": parfor_kernels(llvm),
        "numba_ir": numba_ir(cres),
        "llvm": llvm,
        "asm": cres.library.get_asm_str(),
        "notes": notes,
        "parallel_diagnostics": parallel_diagnostics(cres),
    }


def parallel_diagnostics(cres):
    """What Numba's parallel_diagnostics() reports for a parallel=True signature, as facts with the user's lines: loops
    fused into another (or not, and why), a parallel loop nested in another that runs serially inside it, and what
    was hoisted out of a parallel loop (an allocation made once before it, a variable computed once)."""
    diagnostics = (cres.metadata or {}).get("parfor_diagnostics")
    if diagnostics is None or not diagnostics.has_setup:
        return []
    path = os.path.abspath(cres.type_annotation.func_id.filename)

    def line_of(node):
        loc = getattr(node, "loc", None)
        return loc.line if loc is not None and os.path.abspath(loc.filename or "") == path else None

    loops = {parfor.id: parfor for parfor in diagnostics.initial_parfors}

    def fact(kind, line, loop, other=None, reason=None, variable=None):
        # LOOP is the parallel loop the fact is about, OTHER the one it was fused into, tried with, or runs inside.
        return {"kind": kind, "line": line, "loop": loop, "loop_line": line_of(loops.get(loop)), "other": other,
                "other_line": line_of(loops.get(other)), "reason": reason, "variable": variable}

    facts = []
    for report in diagnostics.fusion_reports:
        fused = "fusion succeeded" in report.message
        reason = None if fused else report.message.split("fusion failed:", 1)[-1].strip()
        facts.append(fact("fused" if fused else "not_fused", line_of(loops.get(report.second)), report.second, report.first, reason))
    for outer, inner_loops in diagnostics.nested_fusion_info.items():
        facts += [fact("serialized", line_of(loops.get(inner)), inner, outer) for inner in inner_loops]
    allocations = {id(statement) for statement in diagnostics.hoisted_allocations()}
    for loop, hoisting in diagnostics.hoist_info.items():
        for statement in hoisting.get("hoisted", []):
            # Numba's own temporaries ($const.1) are hoisted in numbers; a user's variable or an allocation tells more.
            if id(statement) in allocations or not statement.target.name.startswith("$"):
                kind = "hoisted_allocation" if id(statement) in allocations else "hoisted"
                facts.append(fact(kind, line_of(statement), loop, variable=statement.target.name))
    return facts


def parfor_kernels(llvm):
    """The functions that run a parfor's loop: each parfor's body becomes a gufunc kernel, which the parallel runtime
    calls through a __gufunc__ wrapper; where LLVM inlined the kernel into its wrapper, only the wrapper is left."""
    defined = re.findall(r'^define [^@]*@"?([^"(\s]*__numba_parfor_gufunc_[^"(]*)"?\(', llvm, re.M)
    wrapper = "__gufunc__."
    return [name[len(wrapper):] if name[len(wrapper):] in defined else name for name in defined if name.startswith(wrapper)]


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
