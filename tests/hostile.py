"""Hostile strings: each would break or inject code if a template quoted values by hand."""

CANARY = "/tmp/sbc-canary-injected"

HOSTILE = [
    # quote and triple-quote breakouts
    '"', "'", '"""', "'''", "\\", "\\\\\"", '"; import os; os.system("touch %s"); "' % CANARY,
    "'''\nimport os\nos.system('touch %s')\n'''" % CANARY, '"""\n__import__("os").system("touch %s")\n"""' % CANARY,
    ")); __import__('os').system('touch %s') #" % CANARY, "' + __import__('os').getcwd() + '",
    "\\'; exec('open(\"%s\",\"w\")'); #" % CANARY, "f'{__import__(\"os\").system(\"touch %s\")}'" % CANARY,
    # template syntax
    "{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{# comment #}", "{{ self.__init__.__globals__ }}",
    "{% raw %}{{x}}{% endraw %}", "${HOME}", "%s %d", "{0}", "{}", "<% 1 %>",
    # whitespace and control characters
    "line one\nline two\r\nline three", "tab\there", "\x00nul", "\x1b[31mred\x1b[0m", "\x07bell\x08back",
    "\u2028line separator\u2029", "\x7fdel", "\u200bzero\u200bwidth", "\ufeffbom",
    # bidi, scripts, combining marks, emoji
    "\u202eright-to-left override\u202c", "\u2066isolate\u2069", "مرحبا بالعالم", "שלום עולם", "中文字符",
    "日本語のテキスト", "한국어", "Ελληνικά", "кириллица", "हिन्दी", "combining e\u0301\u0301\u0301",
    "Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o", "emoji 🤖🚀 ok", "👩‍👩‍👧‍👦 family", "🏳️‍🌈",
    # code-ish
    "\\N{BULLET}", "\\u0041", "</script>", "-- DROP TABLE", "`rm -rf /`", "$(touch %s)" % CANARY,
    "__import__('os').system('touch %s')" % CANARY, "lambda: 0", "#!/bin/sh", "\\x41\\x42",
    # long
    "x" * 5000, "word " * 4000,
]
assert len(HOSTILE) >= 50
