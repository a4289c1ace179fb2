"""Bad inputs, each next to the problems (file, line, code, message) it must produce.

Every case is a file in tests/kasus/validasi/: the files it replaces in the
minimal event, the problems it must produce and, optionally, problems that must
not appear. `ubah:` changes single fields of the minimal event instead of whole
files; `tahap:` checks readiness up to that stage (`validasi --tahap`).
Every problem any case produces carries a code from the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import datetime

import pytest
import yaml

from bursa_cli.check import validate_event
from bursa_cli.codes import CODES
from bursa_cli.check.summary import summarize
from support import make_event, minimal_data

CASES = sorted((Path(__file__).parent / "kasus" / "validasi").glob("*.yaml"))


def _changed(edits: dict) -> dict:
    """`ubah:` of a case: {file: {dotted.path: value}} applied to the minimal event's data."""
    files = {}
    for name, changes in edits.items():
        data = minimal_data(name)
        for path, value in changes.items():
            *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
            target = data
            for part in parents:
                target = target[part]
            if value is None and isinstance(target, dict):
                target.pop(last, None)
            else:
                target[last] = value
        files[name] = data
    return files


def _matches(problem, want: dict) -> bool:
    return (
        problem.file == want["file"]
        and ("line" not in want or problem.line == want["line"])
        and ("column" not in want or problem.column == want["column"])
        and problem.level == want.get("level", "galat")
        and ("kode" not in want or problem.code == want["kode"])
        and want["pesan"] in problem.message
    )


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(case_file: Path, tmp_path: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_event(tmp_path / "acara", {**_changed(case.get("ubah", {})), **case.get("berkas", {})})
    report = validate_event(root, up_to_stage=case.get("tahap"))
    shown = "\n".join(p.parsable() for p in report.problems)
    uncoded = [p.parsable() for p in report.problems + report.notes if p.code not in CODES]
    assert not uncoded, "masalah tanpa kode dari katalog:\n" + "\n".join(uncoded)
    for want in case["harapan"]:
        assert any(_matches(p, want) for p in report.problems), f"tidak ditemukan {want}\n{shown}"
    for unwanted in case.get("tanpa", []):
        assert not any(_matches(p, unwanted) for p in report.problems), f"tak diharapkan {unwanted}\n{shown}"
    if not case["harapan"]:
        assert report.problems == [], shown


def test_status_counts_the_errors_validasi_finds(tmp_path: Path):
    """`bursa status` counts the same errors as `bursa validasi`, tahapan.yaml's own checks included."""
    tahapan = minimal_data("tahapan.yaml")
    tahapan[0], tahapan[1] = tahapan[1], tahapan[0]  # out of order
    tahapan[5]["status"] = "selesai"  # sortir, so its readiness counts
    inovasi = minimal_data("inovasi.yaml")
    inovasi[1]["sortir"] = {"keputusan": "belum"}
    root = make_event(tmp_path / "acara", {"tahapan.yaml": tahapan, "inovasi.yaml": inovasi})
    report = validate_event(root)
    messages = [p.message for p in report.errors]
    assert any("Urutan tahapan keliru" in m for m in messages), messages
    assert any("belum diputuskan dalam rapat sortir" in m for m in messages), messages
    assert summarize(root, today=datetime.date(2026, 11, 1)).masalah == len(report.errors)
