"""sbc — the storyboard compiler: storyboard JSON -> narrated explainer video.

The import package is light on purpose: `sbc validate` imports only the loader, the models and the
checks. The rendering stack (manim, moviepy, numpy) is imported by the stages that need it.
"""

__version__ = "0.2.0"

import warnings as _warnings

# Manim imports pydub, which warns at import time when no system ffmpeg is on PATH. sbc never uses
# pydub (audio goes through moviepy/PyAV and imageio-ffmpeg's binary), so the warning is only noise.
_warnings.filterwarnings("ignore", message="Couldn't find ffmpeg or avconv", category=RuntimeWarning)
