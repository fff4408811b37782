#!/usr/bin/env python3
"""Fails when Chinese text uses half-width punctuation (issue 9: "half-width punctuation in
Chinese text"). Chinese sentences take full-width marks — ，。：；（）！？ — while numbers, codes,
placeholders and quoted machine text (`1,234.56`, `C000123`, `{amount}`, `"ok": false`) keep
their own.

Two checks:
1. Every string of a `pub static ZH: … = … {` table (or `…_ZH`, a table split out of another) in app/src/i18n.rs and app/src/i18n/*.rs:
   a half-width `,` `:` `;` `(` `)` `?` `!` beside a Chinese character or a full-width mark
   (spaces between them aside) is reported, and so is a half-width bracket pair around Chinese text.
2. Outside the tables, a string literal in app/src that is nothing but such punctuation
   (placeholders and spaces aside), e.g. `": "` after a translated label or `"{} ({})"`: that
   punctuation is language-specific text and belongs in the tables (`Texts::colon`,
   `Texts::with_note`). The exceptions are listed with the reason.

Usage: scripts/zh-punctuation.py   (from anywhere; prints the offenders, exits 1 if any)
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HALF = ",:;()?!"
# CJK ideographs (with extension A), CJK symbols and punctuation, full-width forms.
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
TABLE = re.compile(r"pub static (?:\w+_)?ZH: (\w+) = \1 \{(.*?)\n\};", re.S)
ENTRY = re.compile(r'^\s+([a-z0-9_]+):\s*"((?:[^"\\]|\\.)*)",\s*$', re.M)
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
RAW = re.compile(r'\br(#+)".*?"\1', re.S)

# (path, literal): why its punctuation is not text for people.
EXCEPTIONS = {
    ("app/src/browser.rs", "{path}?{}"): "a URL's query separator",
    ("app/src/pages/credit/file.rs", "{},{}"): "an SVG point list",
}


def table_problems(value):
    """The positions in a ZH string where half-width punctuation sits in Chinese text."""
    found = set()
    for at, char in enumerate(value):
        if char not in HALF:
            continue
        # The nearest character on each side that is not a space: "金额 : 12" is caught too.
        before = value[:at].rstrip(" ")[-1:]
        after = value[at + 1:].lstrip(" ")[:1]
        if CJK.match(before) or CJK.match(after):
            found.add(at)
    for pair in re.finditer(r"\(([^()]*)\)", value):
        if CJK.search(pair.group(1)):
            found.update((pair.start(), pair.end() - 1))
    return sorted(found)


def check_tables():
    problems, strings = [], 0
    files = [ROOT / "app/src/i18n.rs"] + sorted((ROOT / "app/src/i18n").glob("*.rs"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT).as_posix()
        for table in TABLE.finditer(text):
            for entry in ENTRY.finditer(table.group(2)):
                strings += 1
                key, value = entry.group(1), entry.group(2)
                line = text.count("\n", 0, table.start(2) + entry.start(1)) + 1
                for at in table_problems(value):
                    snippet = value[max(0, at - 12):at + 13]
                    problems.append(f"{rel}:{line}: {key}: half-width {value[at]!r} in Chinese text: …{snippet}…")
    if strings < 500:
        problems.append(f"read only {strings} zh-CN strings: has the tables' layout changed?")
    return problems, strings


def check_literals():
    problems, used = [], set()
    for path in sorted((ROOT / "app/src").rglob("*.rs")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "app/src/i18n.rs" or rel.startswith("app/src/i18n/"):
            continue
        # Raw strings are examples of machine text (JSON, HTML): blanked, newlines kept.
        text = RAW.sub(lambda raw: re.sub(r"[^\n]", " ", raw.group(0)), path.read_text(encoding="utf-8"))
        for number, line in enumerate(text.split("\n"), 1):
            if line.lstrip().startswith("//"):
                continue
            for literal in LITERAL.finditer(line):
                rest = re.sub(r"\{[^{}]*\}", "", literal.group(1))
                if not any(char in HALF for char in rest) or rest.strip(HALF + " "):
                    continue
                if (rel, literal.group(1)) in EXCEPTIONS:
                    used.add((rel, literal.group(1)))
                    continue
                problems.append(f"{rel}:{number}: {literal.group(0)} is punctuation outside the translation tables")
    stale = [f"{p}: {lit!r} is listed as an exception but not found (remove it)"
             for (p, lit) in EXCEPTIONS if (p, lit) not in used]
    return problems + stale


def main():
    problems, strings = check_tables()
    problems += check_literals()
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"zh-punctuation: {strings} zh-CN strings use full-width punctuation in Chinese text")


if __name__ == "__main__":
    main()
