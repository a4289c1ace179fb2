"""Arbitrary or mangled YAML never crashes the loader: it becomes problems."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bursa_cli.check import validate_event
from bursa_cli.schema.logfile import read_log
from bursa_cli.schema.yamlsrc import SourceMap, parse_yaml_text
from support import MINIMAL, dump_yaml, make_event

YAML_BITS = st.sampled_from([
    ":", "- ", "  ", "\t", "\n", "{", "}", "[", "]", '"', "'", "#", "&a ", "*a", "!!python/object ",
    "<<: ", "? ", "|", ">", "%YAML 1.1\n", "---\n", "...\n", "kode: ", "id: ", "2026-02-30", "08:00",
    "0711", "33.10", "ya", "~", "\x00", "\ufeff", "é",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(YAML_BITS, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_parse_never_raises(text: str):
    loaded = parse_yaml_text(text, SourceMap("x.yaml"))
    for problem in loaded.problems:
        assert problem.file == "x.yaml" and problem.line >= 1


FILES = sorted(MINIMAL)


@st.composite
def mangled(draw):
    """One file of the minimal event with a slice cut out and junk put in."""
    name = draw(st.sampled_from(FILES))
    text = dump_yaml(MINIMAL[name])
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 40)))
    junk = draw(TEXT)
    return name, text[:start] + junk + text[end:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mangled())
def test_mangled_event_gives_problems_not_exceptions(case):
    name, text = case
    root = Path(tempfile.mkdtemp())
    try:
        make_event(root, {name: text})
        report = validate_event(root)
        for problem in report.problems:
            assert problem.message
            assert problem.file
    finally:
        shutil.rmtree(root)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_log_reader_never_raises(blob: bytes):
    with tempfile.NamedTemporaryFile(suffix=".yaml") as handle:
        handle.write(blob)
        handle.flush()
        read = read_log(Path(handle.name), "log/x.yaml")
        assert read.end_offset == len(blob)
        for problem in read.problems:
            assert problem.line >= 1
