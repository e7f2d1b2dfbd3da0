"""sbc — the storyboard compiler: storyboard JSON -> narrated explainer video.

The import package is light on purpose: `sbc validate` imports only the loader, the models and the
checks. The rendering stack (manim, moviepy, numpy) is imported by the stages that need it.
"""

__version__ = "0.1.0"
