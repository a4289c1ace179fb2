"""Tab completion offers the values of `--tahap` and `--peran`, and installing it twice changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bursa_cli.day.devices import ROLES
from bursa_cli.schema.models import TAHAPAN_KODE


def complete(words: str, tmp_path) -> list[str]:
    env = {**os.environ, "_BURSA_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    result = subprocess.run([sys.executable, "-m", "bursa_cli"], cwd=tmp_path, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("words, expected", [
    ("bursa validasi --tahap ", list(TAHAPAN_KODE)),
    ("bursa validasi --tahap gl", ["gladi-bersih"]),
    ("bursa validasi --tahap rapat-", ["rapat-pembukaan", "rapat-bursa"]),
    ("bursa perangkat tambah --peran ", list(ROLES)),
    ("bursa perangkat tambah --peran st", ["stempel"]),
])
def test_completion_offers_the_values(tmp_path, words, expected):
    (tmp_path / "gladi-berkas.txt").write_text("")  # a file name must never be offered instead
    assert complete(words, tmp_path) == expected


def test_installing_completion_twice_changes_nothing(tmp_path):
    home = tmp_path / "rumah"
    home.mkdir()
    (home / ".bashrc").write_text("export PATH=$HOME/bin:$PATH\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "USERPROFILE": str(home), "SHELL": "/bin/bash"}
    code = ("import shellingham, sys\n"
            "shellingham.detect_shell = lambda: ('bash', '/bin/bash')\n"
            "sys.argv = ['bursa', '--pasang-pelengkapan']\n"
            "from bursa_cli.cli.app import main\n"
            "main()\n")

    def install() -> dict[str, bytes]:
        result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return {p.relative_to(home).as_posix(): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}

    first = install()
    assert "source '" in first[".bashrc"].decode() and ".bash_completions/bursa.sh" in first
    assert first[".bashrc"].decode().startswith("export PATH=$HOME/bin:$PATH\n")
    assert install() == first
    assert install() == first
