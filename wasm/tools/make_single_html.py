#!/usr/bin/python3
"""wasm/tools/make_single_html.py: web/index.html with the single-file JS inlined.

Usage: make_single_html.py INDEX.html SINGLE.js OUT.html

Replaces what stands between `<!-- ssmview:script -->` and `<!-- /ssmview:script -->` with one
inline <script>. The JS already holds the wasm (and through it the font) as base64
(-sSINGLE_FILE=1), so the page needs no other file and works when opened from disk (file://).
"</script" inside the JS would end the element early; it is escaped as "<\\/script", which means
the same to JavaScript.
"""
import re
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    index, js, out = sys.argv[1:]
    html = open(index, encoding="utf-8").read()
    code = open(js, encoding="utf-8").read()
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)
    pattern = re.compile(r"<!-- ssmview:script -->.*?<!-- /ssmview:script -->", re.S)
    if not pattern.search(html):
        sys.exit(f"make_single_html.py: no <!-- ssmview:script --> marker in {index}")
    html = pattern.sub(lambda _: "<script>\n" + code + "\n</script>", html, count=1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
