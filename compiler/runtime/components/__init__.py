"""One runtime helper per visual component: `build(theme, ...) -> Mobject`, `enter(mob, run_time)`.

Generated scenes import the ones they use (`from compiler.runtime.components import title, flow`).
"""
