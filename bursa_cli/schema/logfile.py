"""The append-only logs written on the day: one entry per line, still valid YAML.

Every log file is a YAML sequence whose items are JSON objects, one per line::

    # Log stempel meja A-03 (satu baris satu entri; jangan diubah dengan tangan)
    - {"waktu": "2026-11-12T09:14:03+07:00", "peserta": "P-0001", "inovasi": "INO-003"}

JSON is a subset of YAML, so the file opens as ordinary YAML, and each line is
read with `json.loads`, which is far faster than a general YAML parse. A line
typed by hand in YAML flow style (`- {peserta: P-0001, ...}`) is still
accepted, through the slower YAML path. Because each desk or device has its
own file and only appends, files from several laptops merge in git without
conflicts.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..codes import say
from ..errors import Problem
from ..fsutil import os_reason
from .yamlsrc import MAX_FILE_BYTES, _NodeLoader, _build

LOG_PREFIX = "- "


@dataclass(frozen=True, slots=True)
class LogLine:
    """One entry read from a log, with the line it came from."""

    line: int
    data: dict[str, Any]
    raw: str

    def column_of(self, key: str) -> int:
        """1-based column where `key` is written on the line (1 if not found)."""
        return column_of(self.raw, key)


def column_of(raw: str, key: str) -> int:
    """1-based column where `key` is written on the log line `raw` (1 if not found)."""
    for needle in (f'"{key}"', f"{key}:"):
        at = raw.find(needle)
        if at >= 0:
            return at + 1
    return 1


@dataclass
class LogRead:
    """What reading (part of) a log gave: entries, problems and where it stopped."""

    entries: list[LogLine]
    problems: list[Problem]
    end_offset: int
    end_line: int
    torn_tail: bool = False


def format_entry(entry: dict[str, Any]) -> str:
    """One log line, newline included, ready to append."""
    return LOG_PREFIX + json.dumps(entry, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def read_log(path: Path, shown_as: str, offset: int = 0, first_line: int = 1) -> LogRead:
    """Read entries from `offset` on; a torn last line is reported, not fatal.

    `offset`/`first_line` let a live display re-read only what was appended
    since the last look. An incomplete last line (no newline yet) is left for
    the next read when it does not parse, since a writer may be mid-write.
    """
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                raise OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(path))  # the reason is said below, in Indonesian
            handle.seek(offset)
            blob = handle.read()
    except OSError as exc:  # a folder named like a log, no permission, far too big
        reason = f"lebih besar dari {MAX_FILE_BYTES // (1024 * 1024)} MB" if exc.errno == errno.EFBIG \
            else os_reason(exc)
        return LogRead([], [Problem(**say("BUR-L003", rincian=reason), file=shown_as)], offset, first_line)
    whole = _read_clean(blob, first_line)
    if whole is not None:
        return LogRead(whole, [], offset + len(blob), first_line + blob.count(b"\n"))
    entries: list[LogLine] = []
    problems: list[Problem] = []
    position = 0
    line_no = first_line
    torn = False
    loads = json.loads
    while position < len(blob):
        newline = blob.find(b"\n", position)
        complete = newline >= 0
        end = newline + 1 if complete else len(blob)
        raw_bytes = blob[position:end]
        try:
            raw = raw_bytes.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            raw = None
        stripped = raw.strip() if raw is not None else None
        if stripped is not None and (not stripped or stripped.startswith("#")):
            position, line_no = end, line_no + 1
            continue
        data = None
        if stripped is not None and stripped.startswith("- {"):
            try:
                data = loads(stripped[2:])
            except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
                data = _yaml_line(stripped)
        elif stripped is not None and stripped.startswith("-"):
            data = _yaml_line(stripped)
        if isinstance(data, dict):
            entries.append(LogLine(line_no, data, raw))
        elif not complete:
            torn = True
            problems.append(Problem(
                **say("BUR-L001"), file=shown_as, line=line_no, column=1, value=(raw or "")[:60]))
        else:
            problems.append(Problem(
                **say("BUR-L002"), file=shown_as, line=line_no, column=1, value=(raw or repr(raw_bytes))[:60]))
        position, line_no = end, line_no + 1
    return LogRead(entries, problems, offset + len(blob), line_no, torn)


def read_written(blob: bytes, first_line: int = 1) -> list[LogLine] | None:
    """The entries in bytes just written by `format_entry` (None when they are anything else)."""
    return _read_clean(blob, first_line)


def _read_clean(blob: bytes, first_line: int) -> list[LogLine] | None:
    """All entries of a log written only by `format_entry`, with one JSON parse.

    Joining the lines into one JSON array is several times faster than a
    `json.loads` per line. Anything unusual (a torn or hand-written line, a
    stray character) returns None and the careful line-by-line reader takes over.
    """
    if blob and not blob.endswith(b"\n"):
        return None
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        return None
    numbered = []
    for number, raw in enumerate(text.split("\n")[:-1], first_line):
        if raw.startswith("- {"):
            numbered.append((number, raw.rstrip("\r")))
        elif raw.strip() and not raw.lstrip().startswith("#"):
            return None
    try:
        values = json.loads("[" + ",".join(raw[2:] for _, raw in numbered) + "]")
    except (ValueError, RecursionError):
        return None
    if len(values) != len(numbered) or not all(type(v) is dict for v in values):
        return None
    return [LogLine(number, value, raw) for (number, raw), value in zip(numbered, values)]


def _yaml_line(text: str) -> Any:
    """Parse one hand-written `- {...}` line with the core-schema YAML reader."""
    loader = None
    try:
        loader = _NodeLoader(text)
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(node, yaml.SequenceNode) or len(node.value) != 1:
        return None
    problems: list[Problem] = []
    value = _build(node.value[0], "", problems)
    return value if isinstance(value, dict) and not problems else None
