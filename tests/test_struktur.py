"""The shape of the code, guarded: module and function sizes, registries that import their modules,
and refusals that come from the catalogue (`bursa_cli/codes.py`). Every limit is data below."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from bursa_cli.codes import CODES

PACKAGE = Path(__file__).resolve().parents[1] / "bursa_cli"

# The parts of the package these limits cover.
COVERED = ("carryover.py", "cells.py", "errors.py", "fsutil.py", "gelar.py", "indo.py", "kinds.py", "paths.py",
           "penerima.py", "safepath.py", "scaffold.py", "seating.py", "stands.py", "textfit.py", "certify/",
           "check/", "cli/", "impor/", "present/", "recap/", "render/", "schema/", "day/", "terminal/", "web/")
NOT_YET = ()

MODULE_LINES = 500
MODULE_LINES_EXCEPT = {"codes.py": None}  # the catalogue of messages grows with every code
FUNCTION_LINES = 80
FREE_RAISES = 12  # raises with free text in COVERED, each marked `# teks bebas:` with its reason
REGISTRIES = ("kinds.py", "render/kinds.py", "day/desks/__init__.py")  # they import what they register, never by a string


def covered() -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith(COVERED) and name not in NOT_YET:
            files.append(path)
    return files


def shown(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _free(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _free(node.left) or _free(node.right)
    return False


def free_raises(path: Path) -> list[tuple[int, str]]:
    """The raises of `path` whose message or hint is written in place instead of taken from the catalogue."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        call = node.exc
        if isinstance(call.func, ast.Attribute) and call.func.attr == "coded":
            continue
        args = list(call.args) + [k.value for k in call.keywords if k.arg in ("message", "hint")]
        if any(_free(a) for a in args):
            found.append((node.lineno, lines[node.lineno - 1]))
    return found


def test_the_covered_parts_exist():
    assert len(covered()) > 100
    assert {shown(p).split("/")[0] for p in covered()} >= {"impor", "render", "check", "schema", "cli"}


@pytest.mark.parametrize("path", covered(), ids=shown)
def test_module_size(path):
    limit = MODULE_LINES_EXCEPT.get(shown(path), MODULE_LINES)
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert limit is None or lines <= limit, f"{shown(path)}: {lines} baris (batas {limit})"


@pytest.mark.parametrize("path", covered(), ids=shown)
def test_function_size(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = {node.name: node.end_lineno - node.lineno + 1 for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > FUNCTION_LINES}
    assert long == {}


@pytest.mark.parametrize("name", REGISTRIES)
def test_registries_import_what_they_register(name):
    source = (PACKAGE / name).read_text(encoding="utf-8")
    assert not any(word in source for word in ("importlib", "import_module", "__import__"))


def test_free_text_raises_are_few_and_say_why():
    found = {f"{shown(path)}:{line}": text for path in covered() for line, text in free_raises(path)}
    assert {where: text for where, text in found.items() if "# teks bebas:" not in text} == {}
    assert len(found) <= FREE_RAISES, sorted(found)


def test_free_text_raises_are_counted_as_they_are_written(tmp_path):
    sample = tmp_path / "contoh.py"
    sample.write_text('def f(x):\n'
                      '    if x:\n'
                      '        raise UsageError.coded("BUR-U001", kode=x)\n'
                      '    if x is None:\n'
                      '        raise UsageError("Tidak " + x, hint=f"{x}")\n'
                      '    raise ValueError(pesan)\n', encoding="utf-8")
    assert [line for line, _ in free_raises(sample)] == [5]


def _codes_named(path: Path) -> set[str]:
    """The codes `path` names in `X.coded("CODE")`, `say("CODE")` and `message_of("CODE")`."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("coded", "say", "message_of") and str(node.args[0].value).startswith("BUR-"):
                names.add(node.args[0].value)
    return names


def test_every_code_a_refusal_names_is_in_the_catalogue():
    named = {code: shown(path) for path in sorted(PACKAGE.rglob("*.py")) for code in _codes_named(path)}
    assert {code: where for code, where in named.items() if code not in CODES} == {}
    assert len(named) > 150


def _refusal_codes() -> list[str]:
    """The codes of refused commands and rejected values: BUR-U and BUR-M (the desks), and from 100 on
    in the other families."""
    return [c for c in CODES if c[4] in "UM" or (c[4] in "ICTYF" and int(c[5:]) >= 100)]


@pytest.mark.parametrize("code", _refusal_codes())
def test_every_refusal_code_is_explained(code):
    entry = CODES[code]
    assert entry.explanation.endswith(".") and len(entry.explanation) > 40, entry.explanation
    assert entry.template.format(**{name: "x" for name in _fields(entry.template)})
    assert entry.hint.format(**{name: "x" for name in _fields(entry.hint)}) is not None


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
