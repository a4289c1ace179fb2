"""Write imported items into the event's YAML as text, leaving the user's text alone.

Why text and not a YAML dump: a dump would rewrite the whole file and lose
the officer's comments, blank lines and quoting. New items are appended after
the last byte of the file; an update replaces only the value on the line of
the key it changes (or adds one line inside the item).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..codes import message_of
from ..schema.yamlsrc import SourceMap, parse_yaml_text

_PLAIN = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F .,'()/&+-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "ya", "tidak"}


def scalar(value: Any) -> str:
    """A value as a YAML scalar: plain when safe, otherwise double-quoted.

    Digits are always quoted ("0812...", "33.23.01.2001") so that no YAML
    reader can turn them into numbers.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (_PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _RESERVED
            and ": " not in text and " #" not in text and not text.endswith(":")):
        return text
    return json.dumps(text, ensure_ascii=False)


def format_item(record: dict[str, Any], indent: str = "") -> str:
    """One list item in block style: `- id: ...` then one key per line."""
    lines: list[str] = []
    pad = indent + "  "
    for index, (key, value) in enumerate(record.items()):
        lead = indent + "- " if index == 0 else pad
        if isinstance(value, list):
            lines.append(f"{lead}{key}:")
            lines.extend(f"{pad}  - {scalar(item)}" for item in value)
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            lines.extend(f"{pad}  {k}: {scalar(item)}" for k, item in value.items())
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def appended(text: str, records: list[dict[str, Any]], note: str) -> str:
    """`text` with `records` appended as list items, after a comment line `note`."""
    if not records:
        return text
    indent, blank = _style(text)
    body = text
    if re.search(r"^\s*\[\s*\]\s*(#.*)?$", body, flags=re.M) and not re.search(r"^\s*-\s", body, flags=re.M):
        # An empty flow list cannot take block items after it; its own comment (an example) stays.
        body = re.sub(r"^(\s*)\[\s*\]\s*(#.*)?$", lambda m: m.group(1) + (m.group(2) or ""), body, count=1,
                      flags=re.M)
        body = re.sub(r"\n{3,}", "\n\n", body.rstrip("\n") + "\n") if body.strip() else ""
    newline = "\r\n" if "\r\n" in text else "\n"  # a file saved by Notepad keeps its line ends
    if body and not body.endswith("\n"):
        body += newline
    added = "\n" if body.strip() else ""
    added += f"# {note}\n"
    separator = "\n" if blank else ""
    added += separator.join(format_item(r, indent) for r in records)
    return body + added.replace("\n", newline)


def _style(text: str) -> tuple[str, bool]:
    """The indentation of list items and whether items are separated by blank lines."""
    items = [m for m in re.finditer(r"^( *)- ", text, flags=re.M)]
    if not items:
        return "", True
    indent = items[0].group(1)
    lines = text.splitlines()
    starts = [text.count("\n", 0, m.start()) for m in items if m.group(1) == indent]
    blank = any(i > 0 and not lines[i - 1].strip() for i in starts[1:])
    return indent, blank if len(starts) > 1 else True


class NotEditable(Exception):
    """A value that is not a one-line scalar; it is left for the user to change."""

    @classmethod
    def coded(cls, code: str, **fields) -> "NotEditable":
        return cls(message_of(code, **fields))


Change = tuple[int, int, dict, str]  # item line, item column, {field or (field, key): value}, item id


def updated(text: str, shown: str, changes: list[Change]) -> tuple[str, list[str]]:
    """`text` with fields changed in place, and the changes that could not be made.

    Each change names an item by the line and column where the loader found
    it. A field is a key of the item, or (key, subkey) for one level down
    (sortir.keputusan). The file is parsed once for all changes.
    """
    source = _source(text, shown)
    starts = sorted((mark, path[0]) for path, mark in source.marks.items() if len(path) == 1)
    index_at = {mark: index for mark, index in starts}
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []  # (0-based line, order, text); order 0 replaces, 1+ inserts
    skipped: list[str] = []
    for line, column, fields, ident in changes:
        index = index_at.get((line, column))
        if index is None:
            skipped.append(f"{ident}: butirnya tidak ditemukan di baris {line}")
            continue
        following = [m for m, i in starts if i == index + 1]
        end = following[0][0] - 1 if following else len(lines)  # 1-based last line of the item
        while end > line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        planned: list[tuple[int, int, str]] = []
        try:
            for name, value in fields.items():
                path = (index,) + (name if isinstance(name, tuple) else (name,))
                planned.append(_edit(source, lines, path, value, end, column))
        except NotEditable as exc:
            skipped.append(f"{ident}: {exc}")
            continue
        edits.extend(planned)
    merged: dict[tuple[int, int], str] = {}
    for number, order, new in edits:  # several keys added at one place keep their order
        merged[(number, order)] = merged.get((number, order), "") + new
    newline = "\r\n" if "\r\n" in text else "\n"
    for (number, order), new in sorted(merged.items(), key=lambda e: (e[0][0], -e[0][1]), reverse=True):
        if order:
            new = new.replace("\n", newline)
        if order == 0:
            lines[number] = new
        else:
            if number > 0 and not lines[number - 1].endswith("\n"):
                lines[number - 1] += "\n"
            lines.insert(number, new)
    return "".join(lines), skipped


def _edit(source: SourceMap, lines: list[str], path: tuple, value: Any, end: int, column: int):
    """One edit: replace the value on the key's line, or insert the key (and its parent)."""
    name = ".".join(map(str, path[1:]))
    mark = source.marks.get(path)
    if any(len(p) > len(path) and p[: len(path)] == path for p in source.marks):
        raise NotEditable.coded("BUR-I149", isian=name)
    if mark is not None:
        number = mark[0] - 1
        original = lines[number]
        match = re.match(rf"^(\s*(?:- )?{re.escape(str(path[-1]))}:[ \t]*)(\S.*?)?([ \t]+#.*)?(\r?\n)?$", original)
        if not match or not match.group(2) or match.group(2)[0] in "|>[{&*!":
            raise NotEditable.coded("BUR-I150", isian=name, baris=mark[0])
        lead = _indent(original) + (2 if original.lstrip().startswith("- ") else 0)
        if number + 1 < len(lines) and lines[number + 1].strip() and _indent(lines[number + 1]) > lead:
            raise NotEditable.coded("BUR-I151", isian=name, baris=mark[0])
        return number, 0, match.group(1) + scalar(value) + (match.group(3) or "") + (match.group(4) or "")
    if len(path) == 2:
        return end, 1, f"{' ' * (column - 1)}{path[1]}: {scalar(value)}\n"
    parent = source.marks.get(path[:2])
    if parent is None:
        pad = " " * (column - 1)
        return end, 1, f"{pad}{path[1]}:\n{pad}  {path[2]}: {scalar(value)}\n"
    if not re.match(rf"^\s*(?:- )?{re.escape(str(path[1]))}:\s*(#.*)?$", lines[parent[0] - 1]):
        raise NotEditable.coded("BUR-I150", isian=path[1], baris=parent[0])
    siblings = [m for p, m in source.marks.items() if len(p) == 3 and p[:2] == path[:2]]
    pad = " " * ((siblings[0][1] - 1) if siblings else (parent[1] + 1))
    return parent[0], 2, f"{pad}{path[2]}: {scalar(value)}\n"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _source(text: str, shown: str) -> SourceMap:
    return parse_yaml_text(text, SourceMap(shown)).source


