"""One module per text-to-speech engine; each satisfies `compiler.narration.base.Engine`.

Modules import their optional package lazily (at engine construction) and raise a `UserError`
naming what to install when it is missing. `compiler.narration.registry` lists them.
"""
