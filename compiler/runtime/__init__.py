"""Runtime helpers imported by generated Manim scenes (`from compiler.runtime import ...`).

`SbcScene` owns timing (`at`), layout (`show` keeps everything inside the safe area, clearing or
shrinking what is there when a new beat would not fit) and the closing transition. One helper
module per visual component lives in `compiler.runtime.components`.
"""

from .scene import SbcScene  # noqa: F401

