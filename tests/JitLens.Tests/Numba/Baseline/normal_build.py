"""What Numba's own inspect_llvm() and inspect_asm() return for a file's @njit functions built the normal way.

Usage: python3 normal_build.py FILE OUT.json. The file runs as a script with no JitLens code loaded and Numba's
configuration left as it is; OUT.json maps "qualname(arguments)" to the signature's LLVM function name, the names
of its parfor kernels, and Numba's LLVM IR and asm texts.
"""

import json
import os
import re
import runpy
import sys

from numba.core.dispatcher import Dispatcher


def main(path, out):
    sys.path.insert(0, os.path.dirname(path))
    namespace = runpy.run_path(path, run_name="__main__")
    built = {}
    for value in namespace.values():
        if not isinstance(value, Dispatcher) or value.py_func.__code__.co_filename != path:
            continue
        for args, cres in value.overloads.items():
            llvm = value.inspect_llvm(args)
            wrappers = re.findall(r'^define [^@]*@"?(__gufunc__\.[^"(\s]*)"?\(', llvm, re.M)
            defined = set(re.findall(r'^define [^@]*@"?([^"(\s]*)"?\(', llvm, re.M))
            built[f"{value.py_func.__qualname__}({', '.join(str(a) for a in args)})"] = {
                "function_name": cres.fndesc.llvm_func_name,
                # A parfor kernel inlined into its __gufunc__ wrapper leaves only the wrapper.
                "kernels": [w[len("__gufunc__."):] if w[len("__gufunc__."):] in defined else w for w in wrappers],
                "llvm": llvm,
                "asm": value.inspect_asm(args),
            }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(built, f)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2])
