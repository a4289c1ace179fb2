"""Write imported items into the event's YAML as text, leaving the user's text alone.

Why text and not a YAML dump: a dump would rewrite the whole file and lose
the officer's comments, blank lines and quoting. New items are appended after
the last byte of the file; an update replaces only the value on the line of
the key it changes (or adds one line inside the item).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ..schema.yamlsrc import SourceMap, load_yaml

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
        # An empty flow list cannot take block items after it.
        body = re.sub(r"^(\s*)\[\s*\]\s*(#.*)?$", r"\1# (daftar kosong)", body, count=1, flags=re.M)
    if body and not body.endswith("\n"):
        body += "\n"
    if body.strip():
        body += "\n"
    body += f"# {note}\n"
    separator = "\n" if blank else ""
    body += separator.join(format_item(r, indent) for r in records)
    return body


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


def updated(text: str, shown: str, changes: list[tuple[int, int, dict[str, Any]]]) -> str:
    """`text` with fields changed in place.

    `changes` holds (line, column, {field: new value}) of each item, where
    line/column is the item's position as the loader reported it.
    """
    source = _source(text, shown)
    starts = sorted((mark, path[0]) for path, mark in source.marks.items() if len(path) == 1)
    index_at = {mark: index for mark, index in starts}
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, str, str]] = []  # (0-based line, "replace"|"insert", text)
    for line, column, fields in changes:
        index = index_at.get((line, column))
        if index is None:
            raise NotEditable(f"butir di baris {line} tidak ditemukan")
        following = [m for m, i in starts if i == index + 1]
        end = following[0][0] - 1 if following else len(lines)  # 1-based last line of the item
        while end > line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        for name, value in fields.items():
            mark = source.marks.get((index, name))
            if mark is not None and (index, name, 0) not in source.marks and not any(
                    len(p) == 3 and p[:2] == (index, name) for p in source.marks):
                number = mark[0] - 1
                original = lines[number]
                match = re.match(rf"^(\s*(?:- )?{re.escape(name)}:[ \t]*)(\S.*?)?([ \t]+#.*)?(\r?\n)?$", original)
                if not match or not match.group(2) or match.group(2)[0] in "|>[{&*!":
                    raise NotEditable(f"{name} di baris {mark[0]}")
                if (number + 1 < len(lines) and lines[number + 1].strip()
                        and _indent(lines[number + 1]) > _indent(original) + (2 if original.lstrip().startswith("- ") else 0)):
                    raise NotEditable(f"{name} di baris {mark[0]} ditulis dalam beberapa baris")
                new = match.group(1) + scalar(value) + (match.group(3) or "") + (match.group(4) or "")
                edits.append((number, "replace", new))
            elif mark is None:
                pad = " " * (column - 1)
                edits.append((end, "insert", f"{pad}{name}: {scalar(value)}\n"))
            else:
                raise NotEditable(f"{name} di baris {mark[0]} berupa daftar atau kumpulan")
    for number, kind, new in sorted(edits, key=lambda e: (e[0], e[1] == "replace"), reverse=True):
        if kind == "replace":
            lines[number] = new
        else:
            if number > 0 and not lines[number - 1].endswith("\n"):
                lines[number - 1] += "\n"
            lines.insert(number, new)
    return "".join(lines)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _source(text: str, shown: str) -> SourceMap:
    from ..schema.yamlsrc import parse_yaml_text

    return parse_yaml_text(text, SourceMap(shown)).source


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass
