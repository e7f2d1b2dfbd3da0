"""The rule for source code: a fenced or backticked block, or a code block written under its introducing
line, drawn with its language guessed from the code when the sentence does not name it.
"""

from __future__ import annotations

import re
from .beats import Beat
from .context import Context, _beat, _has, _kw
from .extract import Extracted


def rule_code(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
    """Backticked code, a ``` fenced block, or backticked lines one under the other."""
    beats = []
    if ex.code_block and ex.code_block not in ctx.consumed:
        block = ex.code_block
        ctx.consumed.add(block)
        lines = [ln for ln in block.split("\n") if ln.strip()]
        named = re.search(r"\b(?:code\s+)?(?:block|panel|listing|snippet|box)\s+(?:titled|labell?ed|named|called|headed)\s+"
                          r"[\"\u201c]([^\"\u201d\n]{1,60})[\"\u201d]", ex.sentence.split("\n")[0], re.I)
        title = {"title": named.group(1)} if named else {}
        if named:
            ctx.consumed.add(named.group(1))  # 'Left code block titled "search(node, x)":' — the block's name above it
        beats.append(_beat("code", "code:block", ex, i, ([named.group(1)] if named else []) + [ln.strip() for ln in lines],
                           _kw(block), code=block, language=_language(block, ex.sentence), **title))
    code = [c for c in ex.code if c not in ctx.consumed]
    if _has(ex, r"^\s*(?:then\s+)?(?:highlight|emphasi[sz]e|point to|underline|mark)\b") and any(
            b.kind == "code" for b in ctx.beats):
        return beats  # "Highlight the line `mid = …`": a line of the code on screen (rule_highlight)
    if not code:
        return beats
    ctx.consumed.update(code)
    return beats + [_beat("code", "code:backticked-non-math", ex, i, code, _kw(ex.sentence), code="\n".join(code),
                          language=_language("\n".join(code), ex.sentence))]


def _language(code: str, sentence: str) -> str:
    low = sentence.lower()
    for lang in ("python", "javascript", "typescript", "java", "rust", "go", "c++", "c#", "bash", "sql", "ruby",
                 "kotlin", "swift", "haskell", "html", "css", "json", "yaml"):
        if re.search(r"(?<![\w+#])" + re.escape(lang) + r"(?![\w+#])", low):
            return {"c++": "cpp", "c#": "csharp"}.get(lang, lang)
    if re.search(r"\bfunction\b|=>|\bconst\b|\blet\b|console\.", code):
        return "javascript"
    if re.search(r"^\s*(?:SELECT|INSERT|UPDATE|CREATE)\b", code, re.I | re.M):
        return "sql"
    if re.search(r"^\s*(?:(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+\S+\s+HTTP/\d|HTTP/\d(?:\.\d)?\s+\d{3}\b)", code, re.M):
        return "http"  # a request or a response written out: "GET /index.html HTTP/1.1", "HTTP/1.1 200 OK"
    return "python"
