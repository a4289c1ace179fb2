"""Bad inputs, each next to the problems (file, line, message) it must produce.

Every case is a file in tests/kasus/validasi/: the files it replaces in the
minimal event, the problems it must produce and, optionally, problems that must
not appear.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bursa_cli.check import validate_event
from support import make_event

CASES = sorted((Path(__file__).parent / "kasus" / "validasi").glob("*.yaml"))


def _matches(problem, want: dict) -> bool:
    return (
        problem.file == want["file"]
        and ("line" not in want or problem.line == want["line"])
        and ("column" not in want or problem.column == want["column"])
        and problem.level == want.get("level", "galat")
        and want["pesan"] in problem.message
    )


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file: Path, tmp_path: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_event(tmp_path / "acara", case["berkas"])
    report = validate_event(root)
    shown = "\n".join(p.parsable() for p in report.problems)
    for want in case["harapan"]:
        assert any(_matches(p, want) for p in report.problems), f"tidak ditemukan {want}\n{shown}"
    for unwanted in case.get("tanpa", []):
        assert not any(_matches(p, unwanted) for p in report.problems), f"tak diharapkan {unwanted}\n{shown}"
    if not case["harapan"]:
        assert report.problems == [], shown
