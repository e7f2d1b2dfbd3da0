"""Hostile strings: each would break or inject code if a template quoted values by hand."""

CANARY = "/tmp/sbc-canary-injected"

HOSTILE = [
    '"', "'", '"""', "'''", "\\", "\\\\\"", '"; import os; os.system("touch %s"); "' % CANARY,
    "'''\nimport os\nos.system('touch %s')\n'''" % CANARY, '"""\n__import__("os").system("touch %s")\n"""' % CANARY,
    "{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{# comment #}", "${HOME}", "%s %d", "{0}",
    "line one\nline two\r\nline three", "tab\there", "\x00nul", "\x1b[31mred\x1b[0m", "emoji 🤖🚀 ok",
    "\u202eright-to-left override\u202c", "مرحبا بالعالم", "שלום", "中文字符", "combining e\u0301\u0301\u0301",
    ")); __import__('os').system('touch %s') #" % CANARY, "\\N{BULLET}", "\\u0041", "</script>", "-- DROP TABLE",
    "x" * 5000,
]
