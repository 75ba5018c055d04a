"""JitLens for Numba in IPython: ``%load_ext jitlens`` gives the ``%%jitlens`` cell magic.

The magic runs the cell as a normal cell and shows what Numba compiled for each of its lines. All mapping
and rendering is done by the ``jitlens`` command; this package only hands it the cell as a file.
"""


def load_ipython_extension(ipython):
    from .magic import JitLensMagics
    ipython.register_magics(JitLensMagics)
