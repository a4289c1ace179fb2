"""Golden HTML of each document, rendered from contoh-kabupaten on a fixed day.

A change to a template or to the example shows up here as a diff to review.
After reviewing, regenerate with `pytest tests/test_render_golden.py --perbarui-golden`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bursa_cli.paths import FONTS
from render_helpers import planned_html

GOLDEN = Path(__file__).parent / "golden"

CASES = [
    # golden name, kind, options, output file
    ("undangan", "undangan", {"rapat": "rapat-pembukaan"}, "undangan-rapat-pembukaan.pdf"),
    ("distribusi", "undangan", {"rapat": "rapat-pembukaan"}, "undangan-rapat-pembukaan-distribusi.pdf"),
    ("sk", "sk", {}, "sk-tik-panitia.pdf"),
    ("susunan-acara", "susunan-acara", {}, "susunan-acara.pdf"),
    ("daftar-hadir", "daftar-hadir", {"rapat": "rapat-pembukaan"}, "daftar-hadir-rapat-pembukaan.pdf"),
]


def render_golden(folder: Path, kind: str, options: dict, name: str) -> str:
    # Where the package is installed differs per machine; the rest must not.
    return planned_html(kind, folder, **options)[name].replace(FONTS.as_uri(), "@FONTS@")


@pytest.mark.parametrize("golden, kind, options, name", CASES, ids=[c[0] for c in CASES])
def test_golden_html(contoh_event, perbarui_golden, golden, kind, options, name):
    html = render_golden(contoh_event, kind, options, name)
    path = GOLDEN / f"{golden}.html"
    if perbarui_golden:
        path.write_text(html, encoding="utf-8")
        return
    assert path.is_file(), f"{path.name} belum ada: jalankan pytest --perbarui-golden"
    expected = path.read_text(encoding="utf-8")
    assert html == expected, f"{path.name} berubah; tinjau lalu jalankan pytest --perbarui-golden"


def test_golden_does_not_depend_on_the_register(contoh_event):
    """Planning (golden, preview) never records a number."""
    register = contoh_event / "register-nomor.yaml"
    render_golden(contoh_event, "sk", {}, "sk-tik-panitia.pdf")  # number already issued: reused
    before = register.read_bytes()
    register.unlink()  # no number issued yet: planning must not issue one
    render_golden(contoh_event, "sk", {}, "sk-tik-panitia.pdf")
    assert not register.exists()
    register.write_bytes(before)
