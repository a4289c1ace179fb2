"""Fuzz: real event files and log lines of contoh-kabupaten, mutated, never crash `bursa validasi`.

Hypothesis takes one file of the example (an event file or a day's log),
applies a mutation a careless colleague or a stranger could make (a hostile
YAML fragment spliced in, a line replaced, doubled or cut, a log line's value
swapped for another kind), and runs `bursa validasi`. The answer is exit 0, 1
or 2 with no traceback, and nothing in the event folder is written. Bounded so
it runs in a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_support import fingerprint
from support import CONTOH, bursa, make_event

if not (CONTOH / "acara.yaml").exists():
    pytest.skip("contoh-kabupaten belum ada", allow_module_level=True)

FILES = sorted(p.relative_to(CONTOH).as_posix() for p in CONTOH.rglob("*.yaml")
               if "keluaran" not in p.parts and "skema" not in p.parts)
LOGS = [name for name in FILES if name.startswith("log/")]

FRAGMENTS = st.sampled_from([
    "&a [*a]", "*a", "&x", "!!timestamp besok", "!!bool mungkin", "!!python/object:os.system x",
    "!!binary AAAA", "!!set {a}", "[" * 2000 + "]" * 2000, "{" * 60, "<<: *a", "? [a]", "\t", "\x00",
    "\ufeff", '"', "'", "- ", ": ", "#", "%YAML 1.1\n", "---\n", "=HYPERLINK(\"x\")", "9" * 5000,
    "2026-02-30", "-1", "1e999", "\u202e", "é" * 3,
])
VALUES = st.sampled_from([None, True, -1, 10**30, 1.5, "", "=cmd|' /C calc'!A0", [], {}, [[[[[]]]]],
                          {"a": {"b": {"c": []}}}, "P-9999", "x" * 5000])


@st.composite
def mutated(draw):
    """(file, new bytes) for one mutation of a real file."""
    name = draw(st.sampled_from(FILES))
    text = (CONTOH / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    how = draw(st.sampled_from(["sisip", "ganti-baris", "gandakan", "potong", "nilai-log"]))
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    if how == "sisip":
        column = draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:column] + draw(FRAGMENTS) + lines[at][column:]
    elif how == "ganti-baris":
        lines[at] = draw(st.sampled_from(["- " + draw(FRAGMENTS), "a: &a [*a]", "- {" * 3000, draw(FRAGMENTS)]))
    elif how == "gandakan":
        lines.insert(at, lines[at])
    elif how == "potong":
        cut = draw(st.integers(0, len(text)))
        return name, text[:cut].encode("utf-8", "surrogatepass")
    else:
        import json

        name = draw(st.sampled_from(LOGS))
        lines = (CONTOH / name).read_text(encoding="utf-8").split("\n")
        entries = [i for i, line in enumerate(lines) if line.startswith("- {")]
        if entries:
            at = draw(st.sampled_from(entries))
            entry = json.loads(lines[at][2:])
            key = draw(st.sampled_from(sorted(entry) + ["tak_dikenal"]))
            entry[key] = draw(VALUES)
            lines[at] = "- " + json.dumps(entry, ensure_ascii=False)
    return name, "\n".join(lines).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> Path:
    return make_event(tmp_path_factory.mktemp("fuzz") / "contoh", base="contoh")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(mutated())
def test_mutated_real_file_never_crashes_validasi(event: Path, case):
    name, blob = case
    path = event / name
    original = path.read_bytes()
    path.write_bytes(blob)
    try:
        before = fingerprint(event)
        result = bursa("validasi", event)
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        assert fingerprint(event) == before
    finally:
        path.write_bytes(original)
