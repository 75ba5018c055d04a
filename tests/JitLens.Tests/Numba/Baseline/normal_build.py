"""What Numba's own inspect_llvm() and inspect_asm() return for a file's Numba functions built the normal way.

Usage: python3 normal_build.py FILE OUT.json. The file runs as a script with no JitLens code loaded and Numba's
configuration left as it is; OUT.json maps "qualname(arguments)" to the signature's LLVM function name, the names
of its parfor kernels, and Numba's LLVM IR and asm texts.
"""

import json
import os
import re
import runpy
import sys

from numba.core.ccallback import CFunc
from numba.core.dispatcher import Dispatcher
from numba.experimental.jitclass.base import JitClassType
from numba.np.ufunc.dufunc import DUFunc
from numba.np.ufunc.gufunc import GUFunc


def main(path, out):
    sys.path.insert(0, os.path.dirname(path))
    namespace = runpy.run_path(path, run_name="__main__")
    built = {}
    for value in namespace.values():
        for py_func, args, function_name, library in compiled(value):
            if py_func.__code__.co_filename != path:
                continue
            llvm = library.get_llvm_str()
            wrappers = re.findall(r'^define [^@]*@"?(__gufunc__\.[^"(\s]*)"?\(', llvm, re.M)
            defined = set(re.findall(r'^define [^@]*@"?([^"(\s]*)"?\(', llvm, re.M))
            built[f"{py_func.__qualname__}({', '.join(str(a) for a in args)})"] = {
                "function_name": function_name,
                # A parfor kernel inlined into its __gufunc__ wrapper leaves only the wrapper.
                "kernels": [w[len("__gufunc__."):] if w[len("__gufunc__."):] in defined else w for w in wrappers],
                "llvm": llvm,
                "asm": library.get_asm_str(),
            }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(built, f)


def compiled(value):
    """(Python function, argument types, LLVM function name, code library) of each signature Numba compiled for VALUE:
    a dispatcher (inspect_llvm() is its library's get_llvm_str()), a @jitclass's methods, a @vectorize's or
    @guvectorize's kernel, a @cfunc."""
    if isinstance(value, Dispatcher):
        return [(value.py_func, tuple(args), cres.fndesc.llvm_func_name, cres.library) for args, cres in value.overloads.items()]
    if isinstance(value, JitClassType):
        return [c for method in value.class_type.jit_methods.values() for c in compiled(method)]
    if isinstance(value, (DUFunc, GUFunc)):
        inner = value._dispatcher if isinstance(value, DUFunc) else value.gufunc_builder.nb_func
        return [(inner.py_func, tuple(getattr(key, "args", key)), cres.fndesc.llvm_func_name, cres.library)
                for key, cres in inner.overloads.items()]
    if isinstance(value, CFunc):
        # A @cfunc keeps its library and the name of its C wrapper, "cfunc." + the function's name.
        return [(value._pyfunc, tuple(value._sig.args), value._wrapper_name[len("cfunc."):], value._library)]
    return []


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2])
