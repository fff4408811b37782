#!/usr/bin/env python3
"""Fails when a Rust function or component is longer than LIMIT lines (issue 8: "every component
and function stays under about 70 lines"), counted from its `fn` line to its closing brace.

Reads every .rs file under core/src and app/src. Test files are not read: their long functions
are data tables (one row per rule or boundary), which is the shape the house style asks for. String and character literals
and comments are blanked before braces are counted, so braces inside `view!` text, format
strings or comments do not end a function early. The exceptions are listed by name with the
reason; an exception that is no longer over the limit is reported too, so the list stays true.
Usage: scripts/fn-length.py   (from anywhere; prints the offenders, exits 1 if any)
"""

import pathlib
import re
import sys

LIMIT = 70
ROOT = pathlib.Path(__file__).resolve().parent.parent

# (path, function name): why it may be longer.
EXCEPTIONS = {
    ("core/src/decide/dispatch.rs", "decide"):
        "the one exhaustive dispatch: one flat arm per command, nothing to split by meaning",
    ("core/src/decide/dispatch.rs", "decide_collections"):
        "the collections' one arm per command, like decide",
    ("core/src/decide/rejection.rs", "field"):
        "one flat match table: the field each Rejection variant is about, for placing its message",
    ("app/src/i18n.rs", "rejection"):
        "one flat match table: one arm per Rejection variant, its message in the language table",
}

FN_LINE = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+(\w+)")


def blank_literals(text):
    """Replaces the contents of comments, strings and char literals with spaces, keeping
    newlines, so brace counting and line numbers stay right."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r(#*)"', text[i:]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = '"' + hashes
            j = text.find(end, i + 2 + len(hashes))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            # A char literal ('x', '\n', '\u{..}') — not a lifetime ('a).
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(path):
    """Yields (name, first line, length) of every function with a body in the file."""
    lines = blank_literals(path.read_text(encoding="utf-8")).split("\n")
    for start, line in enumerate(lines):
        m = FN_LINE.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            for ch in lines[end]:
                if ch == "{":
                    depth, opened = depth + 1, True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened and depth == 0:
                    break  # a declaration without a body (trait method)
            else:
                if opened and depth == 0:
                    yield m.group(1), start + 1, end - start + 1
                    break
                continue
            break


def main():
    over, used = [], set()
    for top in ("core/src", "app/src"):
        for path in sorted((ROOT / top).rglob("*.rs")):
            rel = path.relative_to(ROOT).as_posix()
            for name, line, length in functions(path):
                if length <= LIMIT:
                    continue
                if (rel, name) in EXCEPTIONS:
                    used.add((rel, name))
                    continue
                over.append(f"{rel}:{line}: fn {name} is {length} lines (limit {LIMIT})")
    stale = [f"{p}: fn {n} is listed as an exception but is within the limit (remove it)"
             for (p, n) in EXCEPTIONS if (p, n) not in used]
    for message in over + stale:
        print(message)
    if over or stale:
        sys.exit(1)
    print(f"fn-length: every function is at most {LIMIT} lines (exceptions: {len(used)})")


if __name__ == "__main__":
    main()
