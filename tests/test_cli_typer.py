"""The oldest Typer that pyproject.toml allows really runs `bursa` (parsing, help, --version, completion).

Why a real install: the code uses only Typer's public names, and the lower bound
is only true if the oldest allowed Typer (with the `click` it brings) is run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bursa_cli import __version__
from support import plain

REPO = Path(__file__).resolve().parents[1]


def lower_bound() -> str:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [spec] = [d for d in project["dependencies"] if re.match(r"typer\b", d)]
    return re.search(r">=\s*([\d.]+)", spec).group(1)


@pytest.fixture(scope="module")
def oldest_typer(tmp_path_factory) -> dict[str, str]:
    """An environment whose PYTHONPATH puts the oldest allowed Typer (and its click) first."""
    target = tmp_path_factory.mktemp("typer-terbawah")
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(target),
                                f"typer=={lower_bound()}", "click"], capture_output=True, text=True)
    if installed.returncode != 0:
        pytest.skip(f"Typer {lower_bound()} tidak dapat dipasang (tanpa jaringan?): {installed.stderr[-300:]}")
    env = {**os.environ, "PYTHONPATH": str(target), "COLUMNS": "200"}
    found = subprocess.run([sys.executable, "-c", "import typer; print(typer.__version__)"], env=env,
                           capture_output=True, text=True, check=True)
    assert found.stdout.strip().split(".")[:2] == lower_bound().split(".")[:2], found.stdout
    return env


def bursa(env: dict, *args: str, cwd: Path, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bursa_cli", *args], cwd=cwd, env={**env, **extra},
                          capture_output=True, text=True)


def test_oldest_typer_parses_helps_and_answers(oldest_typer, tmp_path):
    result = bursa(oldest_typer, "--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"bursa {__version__}")

    result = bursa(oldest_typer, "validasi", "--frmat", "json", cwd=tmp_path)
    said = plain(result.stdout + result.stderr)
    assert result.returncode == 2 and "Traceback" not in said
    assert "Pilihan --frmat tidak dikenal. Mungkin maksudnya --format?" in said

    result = bursa(oldest_typer, "validasi", "--help", cwd=tmp_path)
    assert result.returncode == 0
    for words in ("Pemakaian: bursa validasi", "Argumen", "Pilihan", "Tampilkan bantuan ini lalu keluar."):
        assert words in result.stdout

    result = bursa(oldest_typer, cwd=tmp_path, _BURSA_COMPLETE="complete_bash", COMP_WORDS="bursa ce",
                   COMP_CWORD="1")
    assert (result.returncode, result.stdout.split()) == (0, ["cetak"])


def test_current_typer_completes_and_has_version(tmp_path):
    """The same with the Typer installed here (the newest the range allows when CI installs)."""
    result = bursa(dict(os.environ), "cetak", cwd=tmp_path, _BURSA_COMPLETE="complete_bash",
                   COMP_WORDS="bursa cetak ser", COMP_CWORD="2")
    assert (result.returncode, result.stdout.split()) == (0, ["sertifikat"])
    result = bursa(dict(os.environ), "-V", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"bursa {__version__}")


def test_install_completion_writes_only_under_home_and_speaks_indonesian(tmp_path):
    """`bursa --pasang-pelengkapan` installs for the detected shell, in the user's home, or says why not."""
    home = tmp_path / "rumah"
    home.mkdir()
    result = bursa(dict(os.environ), "--pasang-pelengkapan", cwd=tmp_path, HOME=str(home), USERPROFILE=str(home))
    said = plain(result.stdout + result.stderr)
    assert "Traceback" not in said and "not supported" not in said
    if result.returncode == 0:
        assert "Pelengkapan perintah (tombol Tab) untuk" in said and "dibuka ulang" in said
        written = [p for p in home.rglob("*") if p.is_file()]
        assert written and any("bursa" in p.read_text() for p in written)
    else:
        assert result.returncode == 2 and "tidak dikenali untuk pelengkapan perintah" in said


def test_install_completion_refuses_an_unknown_shell_in_indonesian(monkeypatch, tmp_path):
    import shellingham

    from support import bursa as run_bursa

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("tcsh", "/bin/tcsh"))
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run_bursa("--pasang-pelengkapan")
    assert result.exit_code == 2
    assert "Shell tcsh tidak dikenali untuk pelengkapan perintah." in plain(result.output)
    assert list(tmp_path.iterdir()) == []
