"""Read YAML while remembering where every value came from.

PyYAML's `compose` gives nodes whose marks hold line and column (as Ansible
uses them). We build plain Python data from those nodes ourselves, so that we
can (1) report duplicate keys, which PyYAML silently overwrites, and (2) keep a
`SourceMap` from each field path to its line and column, used to place
pydantic's errors back in the file.

The resolver follows YAML 1.2's core schema rather than PyYAML's YAML 1.1:
`13:30` stays the text "13:30" (not the sexagesimal number 810), `0711234567`
stays a phone number (not an octal number), `33.10` stays a region code (not
the float 33.1), and `ya`/`no`/`on` are plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..codes import say
from ..errors import Problem
from ..fsutil import os_reason

try:  # libyaml's composer is several times faster than the pure-Python one
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _ParserBase
    from yaml.reader import Reader
    from yaml.scanner import Scanner
    from yaml.composer import Composer

    class _Parser(Reader, Scanner, _ParserBase, Composer):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _ParserBase.__init__(self)
            Composer.__init__(self)


class CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: only plain true/false, decimal ints, null and dates."""


CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
         (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
         (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
    ),
    list("0123456789"),
)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_IMPLICIT = {first: resolvers for first, resolvers in CoreResolver.yaml_implicit_resolvers.items()}


class _NodeLoader(_Parser, CoreResolver):
    def __init__(self, stream):
        _Parser.__init__(self, stream)
        CoreResolver.__init__(self)

    def resolve(self, kind, value, implicit):
        """CoreResolver.resolve without path resolvers: called once per node, so kept lean."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


_scalars = yaml.constructor.SafeConstructor()


@dataclass
class SourceMap:
    """Where each field path of one file starts (1-based line and column).

    Positions are looked up in the node tree on demand: most files have no
    problem at all, so no per-node table is built while loading.
    """

    file: str
    root: yaml.Node | None = None
    _marks: dict[tuple, tuple[int, int]] | None = field(default=None, repr=False)

    def find(self, path: tuple) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one.

        A mapping entry is placed at its key (where the user reads the field),
        a list item at its dash.
        """
        node = self.root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for part in path:
            if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                mark = node.start_mark
            elif isinstance(node, yaml.MappingNode):
                for key_node, value_node in reversed(node.value):  # the last of duplicates is the one used
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                        node, mark = value_node, key_node.start_mark
                        break
                else:
                    break
            else:
                break
        return mark.line + 1, mark.column + 1

    @property
    def marks(self) -> dict[tuple, tuple[int, int]]:
        """Every field path with its position (built once, on first use)."""
        if self._marks is None:
            self._marks = {}
            if self.root is not None:
                _collect(self.root, (), _position(self.root), self._marks)
        return self._marks

    def problem(self, path: tuple, message: str, **extra) -> Problem:
        line, column = self.find(path)
        return Problem(
            message=message, file=self.file, line=line, column=column, path=dotted(path), **extra
        )


def _collect(node: yaml.Node, path: tuple, at: tuple[int, int], marks: dict, seen: set | None = None) -> None:
    seen = set() if seen is None else seen
    marks[path] = at
    # Each node once, within the guard's depth: an alias (a node met again) is where it was
    # written first, and a cyclic alias or a deep nest never recurses without end.
    if id(node) in seen or len(path) > MAX_DEPTH:
        return
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect(item, path + (index,), _position(item), marks, seen)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                _collect(value_node, path + (key_node.value,), _position(key_node), marks, seen)


def dotted(path: tuple) -> str:
    """("anggota", 3, "nip") -> "anggota[3].nip" (list indices shown 1-based)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class Loaded:
    """One YAML file read: its data, where each value was, and what was wrong."""

    data: Any
    source: SourceMap
    problems: list[Problem]


def load_yaml(path: Path, shown_as: str) -> Loaded:
    """Parse one YAML file into plain data with a source map; never raises on bad input."""
    source = SourceMap(shown_as)
    try:
        too_big = path.stat().st_size > MAX_FILE_BYTES
        blob = b"" if too_big else path.read_bytes()
    except OSError as exc:  # a folder, no permission, a broken symlink
        return Loaded(None, source, [Problem(**say("BUR-Y016", rincian=os_reason(exc)), file=shown_as)])
    if too_big:
        return Loaded(None, source, [Problem(**say(
            "BUR-Y017", batas=f"{MAX_FILE_BYTES // (1024 * 1024)} MB"), file=shown_as, line=1, column=1)])
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = blob[: exc.start].count(b"\n") + 1
        return Loaded(None, source, [Problem(**say("BUR-Y002"), file=shown_as, line=line, column=1)])
    return parse_yaml_text(text, source)


def parse_yaml_text(text: str, source: SourceMap) -> Loaded:
    """Parse YAML text (see `load_yaml`)."""
    problems: list[Problem] = []
    loader = None
    try:
        loader = _NodeLoader(text)
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        return Loaded(None, source, [Problem(
            **say("BUR-Y003", kode=f"{exc.character:#04x}"), file=source.file, line=line, column=1)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Loaded(None, source, [Problem(
            **say("BUR-Y004", rincian=_syntax_message(exc, _character_at(text, line, column), line)),
            file=source.file, line=line, column=column)])
    except yaml.YAMLError as exc:
        return Loaded(None, source, [Problem(
            **say("BUR-Y004", rincian=str(exc)), file=source.file, line=1, column=1)])
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return Loaded(None, source, problems)
    source.root = node
    data = _build(node, source.file, problems)
    return Loaded(data, source, problems)


_SYNTAX_HINTS = {
    "found a tab character": "ada karakter Tab; YAML hanya boleh memakai spasi untuk indentasi",
    "found character '\\t' that cannot start any token":
        "ada karakter Tab; YAML hanya boleh memakai spasi untuk indentasi",
    "mapping values are not allowed":
        "titik dua (:) di tempat yang salah; beri tanda kutip pada teks yang memuat ': '",
    "could not find expected ':'": "tanda titik dua (:) tidak ditemukan",
    "did not find expected key": "indentasi tidak rata atau ada kunci yang hilang",
    "did not find expected '-' indicator": "indentasi daftar (-) tidak rata",
    "did not find expected ',' or ']'": "daftar [ ... ] belum ditutup dengan ]",
    "did not find expected ',' or '}'": "kumpulan { ... } belum ditutup dengan }",
    "did not find expected node content": "ada nilai yang hilang atau tanda baca yang salah tempat",
    "found undefined alias": "alias (*) tanpa jangkar (&)",
    "found unexpected end of stream": "berkas berakhir di tengah nilai (tanda kutip belum ditutup?)",
    "found unknown escape character":
        "garis miring terbalik (\\) di dalam tanda kutip dua; pakai tanda kutip satu (') atau tulis \\\\",
    "found character that cannot start any token":
        "ada karakter yang tidak boleh mengawali nilai (mis. @ atau `); beri tanda kutip pada nilainya",
    "found unexpected ':'": "titik dua (:) di tempat yang salah",
    "exceeded maximum nesting depth": "daftar atau kumpulan bersarang terlalu dalam (kurung [ { bertumpuk)",
}


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a 1-based line and column of `text` (empty past its end)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return ""
    row = lines[line - 1]
    return row[column - 1] if 0 < column <= len(row) else ""


def _syntax_message(exc: yaml.MarkedYAMLError, character: str = "", line: int = 0) -> str:
    problem = (exc.problem or "").strip()
    # libyaml names no character ("found character that cannot start any token"): a Tab is
    # then told apart by the character at the mark, so it is never explained as `@` or a backquote.
    if character == "\t" or problem.startswith(("found a tab character", "found character '\\t'")):
        where = f" di baris {line}" if line else ""
        return (f"ada karakter TAB{where}; YAML hanya boleh memakai spasi untuk indentasi "
                "(ganti setiap TAB di awal baris itu dengan spasi)")
    for english, indonesian in _SYNTAX_HINTS.items():
        if problem.startswith(english):
            return indonesian
    return problem or str(exc)


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


# Limits of the load guard (stated in docs/folder-acara.md). A file from a USB stick
# or a desk line from the venue Wi-Fi must not exhaust memory, time or the stack.
MAX_FILE_BYTES = 20 * 1024 * 1024  # one event file or log; the example's largest is 20 KB
MAX_DEPTH = 50  # nesting of lists and mappings; the schema needs fewer than 10
MAX_ALIAS_NODES = 10_000  # values copied through aliases (*nama) in one file
_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("int", "bool", "null", "timestamp", "float")}


class _Guard:
    """Builds plain data from nodes within the limits: depth, alias expansion, cycles."""

    __slots__ = ("file", "problems", "active", "sizes", "count", "aliased", "reported")

    def __init__(self, file: str, problems: list[Problem]):
        self.file, self.problems = file, problems
        self.active: set[int] = set()  # nodes being built: meeting one again is a cycle
        self.sizes: dict[int, int] = {}  # nodes built once, with their subtree size
        self.count = self.aliased = 0
        self.reported: set[str] = set()

    def refuse(self, code: str, node: yaml.Node, **fields) -> None:
        if code in self.reported:  # one report per kind is enough to find the cause
            return
        self.reported.add(code)
        line, column = _position(node)
        self.problems.append(Problem(**say(code, **fields), file=self.file, line=line, column=column))

    def build(self, node: yaml.Node, depth: int) -> Any:
        key = id(node)
        if key in self.active:
            return self.refuse("BUR-Y013", node)
        if depth > MAX_DEPTH:
            return self.refuse("BUR-Y015", node, batas=MAX_DEPTH)
        if key in self.sizes:  # an alias: its value is copied again
            self.aliased += self.sizes[key]
            if self.aliased > MAX_ALIAS_NODES:
                return self.refuse("BUR-Y014", node, batas=f"{MAX_ALIAS_NODES:,}".replace(",", "."))
        before = self.count
        self.count += 1
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node, self.file, self.problems)
        else:
            self.active.add(key)
            try:
                value = self._collection(node, depth)
            finally:
                self.active.discard(key)
        self.sizes[key] = self.count - before
        return value

    def _collection(self, node: yaml.Node, depth: int) -> Any:
        if node.tag not in (_SEQ, _MAP, "!"):
            self.problems.append(Problem(**say("BUR-Y007", tag=node.tag), file=self.file,
                                         line=_position(node)[0], column=_position(node)[1]))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    line, column = _position(key_node)
                    self.problems.append(Problem(**say("BUR-Y005"), file=self.file, line=line, column=column))
                    continue
                key = key_node.value
                if key in out:
                    line, column = _position(key_node)
                    first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)
                    self.problems.append(Problem(
                        **say("BUR-Y006", kunci=key, baris=first.start_mark.line + 1),
                        file=self.file, line=line, column=column, path=key, value=key))
                out[key] = self.build(value_node, depth + 1)
            return out
        raise AssertionError(f"unknown YAML node {node!r}")  # teks bebas: invarian internal, bug bila terjadi


def _build(node: yaml.Node, file: str, problems: list[Problem]) -> Any:
    """Turn a node tree into dicts, lists and scalars; report duplicate keys, bad scalars
    and whatever passes the guard's limits (a cyclic alias, an alias bomb, deep nesting)."""
    return _Guard(file, problems).build(node, 0)


def _scalar(node: yaml.ScalarNode, file: str, problems: list[Problem]) -> Any:
    tag = node.tag
    if tag == _STR or tag == "!":
        return node.value
    constructor = _scalars.yaml_constructors.get(tag) if tag in _SCALAR_TAGS else None
    if constructor is None:
        line, column = _position(node)
        problems.append(Problem(**say("BUR-Y007", tag=tag), file=file,
                                line=line, column=column, value=node.value))
        return node.value
    try:
        return constructor(_scalars, node)
    except (ValueError, KeyError, AttributeError, TypeError, OverflowError,
            yaml.constructor.ConstructorError):
        # An explicit tag on a value that is not of its kind (`!!bool mungkin`,
        # `!!timestamp besok`) fails inside PyYAML in several ways.
        line, column = _position(node)
        problems.append(Problem(**say("BUR-Y008", nilai=node.value),
                                file=file, line=line, column=column, value=node.value))
        return node.value
