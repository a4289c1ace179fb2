"""Shared fixtures: event folders built from data, minimal and full."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support import CONTOH, make_event  # noqa: E402


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    """Every test gets its own 200-column consoles. A console fixes its width
    when it is made, so a shared one would carry whatever width the first test
    happened to see, and long lines would wrap differently by test order."""
    from bursa_cli import present

    monkeypatch.setattr(present, "_console", present.new_console(width=200))
    monkeypatch.setattr(present, "_error_console", present.new_console(stderr=True, width=200))


@pytest.fixture
def minimal_event(tmp_path: Path) -> Path:
    """A small valid event (2 desa, 4 peserta, 2 inovasi), written fresh."""
    return make_event(tmp_path / "minimal")


@pytest.fixture
def contoh_event(tmp_path: Path) -> Path:
    """A private copy of contoh-kabupaten, safe to modify."""
    if not (CONTOH / "acara.yaml").exists():
        pytest.skip("contoh-kabupaten belum ada")
    return make_event(tmp_path / "contoh", base="contoh")


@pytest.fixture(params=["minimal", "contoh"])
def any_event(request, tmp_path: Path) -> Path:
    """Each test using this runs on the minimal event and on the full example."""
    if request.param == "contoh" and not (CONTOH / "acara.yaml").exists():
        pytest.skip("contoh-kabupaten belum ada")
    return make_event(tmp_path / request.param, base=request.param)


def pytest_addoption(parser):
    parser.addoption("--perbarui-golden", action="store_true", default=False,
                     help="Tulis ulang tests/golden/*.html dari hasil sekarang (tinjau diff-nya!).")


@pytest.fixture
def perbarui_golden(request) -> bool:
    return bool(request.config.getoption("--perbarui-golden"))
