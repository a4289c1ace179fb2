"""The built wheel carries the templates and fonts, and renders away from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bursa_cli.paths import BUILTIN_TEMPLATES, FONTS
from support import make_event

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out)], check=True, capture_output=True)
    [found] = out.glob("bursa-*.whl")
    return found


def test_wheel_contains_templates_and_fonts(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("base.html", "base.css", "surat.html", "undangan.html", "sk.html", "daftar-hadir.html"):
        assert f"bursa_cli/templates/{template}" in names
    assert {f"bursa_cli/templates/{p.name}" for p in BUILTIN_TEMPLATES.glob("*.html")} <= names
    assert {f"bursa_cli/assets/fonts/{p.name}" for p in FONTS.glob("*.ttf")} <= names


def test_wheel_carries_the_desk_pages_and_the_vendored_qr_decoder_with_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("static/meja.js", "static/antrean.js", "static/foto.js", "static/meja.css", "static/sw-meja.js", "templates/meja.html",
                 "static/vendor/jsQR.js", "static/vendor/LICENSE-jsQR.txt", "static/vendor/README.md"):
        assert f"bursa_cli/web/{name}" in names
    licence = zipfile.ZipFile(wheel).read("bursa_cli/web/static/vendor/LICENSE-jsQR.txt").decode()
    assert "Apache License" in licence and "Version 2.0" in licence


def test_installed_wheel_renders_outside_the_source_tree(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)  # a wheel is installed by unpacking it
    folder = make_event(tmp_path / "acara")
    code = ("import bursa_cli, bursa_cli.paths as p; "
            "assert str(p.BUILTIN_TEMPLATES).startswith(r'%s'), p.BUILTIN_TEMPLATES; "
            "from bursa_cli.cli.app import app; "
            "app(['cetak', 'undangan', r'%s', '--rapat', 'hari-h', '--tanggal', '2026-09-15'])"
            % (target, folder))
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / "keluaran" / "undangan-hari-h.pdf").stat().st_size > 10_000


def test_wheel_version_and_licence_come_from_one_place(wheel):
    """The wheel's version is bursa_cli.__version__ (pyproject reads it there) and it carries LICENSE."""
    from bursa_cli import __version__

    assert wheel.name.startswith(f"bursa-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    metadata = zipfile.ZipFile(wheel).read(f"bursa-{__version__}.dist-info/METADATA").decode()
    assert f"\nVersion: {__version__}\n" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)


def test_sdist_carries_the_one_home_of_the_templates(tmp_path):
    """The sdist holds `bursa_cli/templates/` (not the root link), and a wheel built from it too."""
    pytest.importorskip("hatchling")
    import tarfile

    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
                   cwd=REPO, check=True, capture_output=True)
    [sdist] = tmp_path.glob("bursa-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "src", filter="data")
    root = names[0].split("/")[0]
    builtin = {f"{root}/bursa_cli/templates/{p.name}" for p in BUILTIN_TEMPLATES.iterdir()}
    assert builtin <= set(names) and not any(n.startswith(f"{root}/templates") for n in names)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(tmp_path / "src" / root), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(tmp_path / "whl")], check=True, capture_output=True)
    [wheel] = (tmp_path / "whl").glob("bursa-*.whl")
    assert {n.split("/", 1)[1] for n in builtin} <= set(zipfile.ZipFile(wheel).namelist())
