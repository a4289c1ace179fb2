"""Whatever an event file or a log holds, `bursa validasi` answers at file:line, never a traceback.

Each case is a few lines of data: the files it writes into the minimal event
(a str is the file's text; `DIR` makes a folder, `("link", target)` a symlink),
then the file:line and the words the parsable output must show, and the code.
Nothing in the event folder may change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile_support import run_refused
from support import make_event

DIR = object()

LAUGHS = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ["ha"] * 9) + "]\n" for i in range(9))
NESTED = "- " + "[" * 100_000 + "]" * 100_000 + "\n"
DEEP = "- " + "".join(f"{{k{i}: " for i in range(60)) + "1" + "}" * 60 + "\n"

CASES = {
    # name: (files, where "file:line", words in the message, code)
    "alias-dirinya-sendiri": ({"opd.yaml": "a: &a [*a]\n"}, "opd.yaml:1", "merujuk ke dirinya sendiri", "BUR-Y013"),
    "alias-bom-billion-laughs": ({"opd.yaml": LAUGHS}, "opd.yaml:", "lebih dari 10.000 nilai", "BUR-Y014"),
    "tag-timestamp-salah": ({"opd.yaml": "- id: dinkes\n  nama: !!timestamp besok\n"}, "opd.yaml:2",
                            "'besok' tidak dapat dibaca", "BUR-Y008"),
    "tag-bool-salah": ({"opd.yaml": "- id: dinkes\n  nama: !!bool mungkin\n"}, "opd.yaml:2",
                       "'mungkin' tidak dapat dibaca", "BUR-Y008"),
    "tag-python": ({"opd.yaml": "- !!python/object/apply:os.system [id]\n"}, "opd.yaml:1",
                   "tidak didukung", "BUR-Y007"),
    "tag-set-pada-kumpulan": ({"opd.yaml": "- !!set {a, b}\n"}, "opd.yaml:1", "tidak didukung", "BUR-Y007"),
    "kurung-100000-di-berkas": ({"opd.yaml": NESTED}, "opd.yaml:1", "bersarang terlalu dalam", "BUR-Y004"),
    "bersarang-60-tingkat": ({"opd.yaml": DEEP}, "opd.yaml:1", "lebih dari 50 tingkat", "BUR-Y015"),
    "berkas-acara-folder": ({"opd.yaml": DIR}, "opd.yaml:", "itu sebuah folder", "BUR-Y016"),
    "berkas-acara-raksasa": ({"opd.yaml": "# " + "x" * (21 * 1024 * 1024) + "\n"}, "opd.yaml:1",
                             "lebih besar dari 20 MB", "BUR-Y017"),
    "log-kurung-100000": ({"log/stempel/A-01.yaml": '- {"peserta": ' + "[" * 100_000 + "]" * 100_000 + "}\n"},
                          "log/stempel/A-01.yaml:1", "Baris log tidak terbaca", "BUR-L002"),
    "log-alias-dirinya-sendiri": ({"log/stempel/A-01.yaml": "- &a [*a]\n"}, "log/stempel/A-01.yaml:1",
                                  "Baris log tidak terbaca", "BUR-L002"),
    "log-berupa-folder": ({"log/stempel/A-01.yaml": DIR}, "log/stempel/A-01.yaml:", "itu sebuah folder",
                          "BUR-L003"),
    "log-tautan-ke-luar": ({"log/stempel/A-01.yaml": ("link", "/etc/passwd")}, "log/stempel/A-01.yaml:",
                           "tautan (symlink) ke luar folder acara", "BUR-L003"),
}


def write_case(root: Path, files: dict) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        if content is DIR:
            path.mkdir()
        elif isinstance(content, tuple):
            os.symlink(content[1], path)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_a_problem_at_its_line(name: str, tmp_path: Path):
    files, where, words, code = CASES[name]
    root = make_event(tmp_path / "acara")
    write_case(root, files)
    output = run_refused(root, "validasi", root, "--format", "parsable", code=1)
    lines = [ln for ln in output.splitlines() if ln.startswith(where) and f"({code})" in ln and words in ln]
    assert lines, output[:2000]


@pytest.mark.parametrize("text", ["a: &a [*a]\n", LAUGHS, "a: " + "[" * 900 + "]" * 900 + "\n"])
def test_source_positions_survive_cycles_bombs_and_deep_nests(text: str):
    """The table of positions (used by `impor` to edit YAML in place) visits each node once."""
    from bursa_cli.schema.yamlsrc import SourceMap, parse_yaml_text

    loaded = parse_yaml_text(text, SourceMap("x.yaml"))
    assert loaded.problems
    marks = loaded.source.marks
    assert marks[()] == (1, 1) and len(marks) < 2_000
