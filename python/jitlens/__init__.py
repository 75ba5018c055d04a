"""JitLens for Numba in IPython: ``%load_ext jitlens`` gives the ``%%jitlens`` cell magic.

The magic runs the cell once, as a normal cell, and shows what Numba compiled for each of its lines. All mapping
and rendering is done by the ``jitlens`` command; this package hands it the cell as a file and what Numba compiled.
"""


def load_ipython_extension(ipython):
    from .magic import JitLensMagics
    ipython.register_magics(JitLensMagics)
