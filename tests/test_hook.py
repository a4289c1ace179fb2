"""The pre-commit hook: runs without the venv on PATH and judges what is staged, not the working tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import REPO, bursa, plain

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

BROKEN_OPD = "- id: DINKES\n\tnama: Dinas Kesehatan\n"


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "GIT_AUTHOR_NAME": "Staf", "GIT_AUTHOR_EMAIL": "staf@dinas",
           "GIT_COMMITTER_NAME": "Staf", "GIT_COMMITTER_EMAIL": "staf@dinas", "LANG": "C.UTF-8"}
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, env=env, check=check)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "acara"
    result = bursa("init", target, "--pasang-hook", "--tanggal", "2027-03-10")
    assert result.exit_code == 0, result.output
    _git(target, "add", ".")
    first = _git(target, "commit", "-q", "-m", "awal", check=False)
    assert first.returncode == 0, first.stdout + first.stderr  # a fresh skeleton passes
    return target


def test_hook_calls_the_interpreter_that_installed_it(repo: Path):
    hook = (repo / ".git" / "hooks" / "pre-commit").read_text()
    assert f"exec {sys.executable} -m bursa_cli validasi --pra-commit" in hook
    assert shutil.which("bursa", path="/usr/bin:/bin") is None  # the commits here ran without it on PATH


def test_a_staged_broken_file_is_refused_even_when_fixed_unstaged(repo: Path):
    good = (repo / "opd.yaml").read_text(encoding="utf-8")
    (repo / "opd.yaml").write_text(BROKEN_OPD, encoding="utf-8")
    _git(repo, "add", "opd.yaml")
    (repo / "opd.yaml").write_text(good, encoding="utf-8")  # fixed in the folder, not staged
    refused = _git(repo, "commit", "-q", "-m", "rusak", check=False)
    assert refused.returncode != 0
    shown = plain(refused.stdout + refused.stderr)
    assert "opd.yaml" in shown and "Penulisan YAML tidak sah" in shown and "BUR-Y004" in shown
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 1  # nothing was committed


def test_a_staged_good_file_passes_even_when_broken_unstaged(repo: Path):
    (repo / "catatan.txt").write_text("rapat\n", encoding="utf-8")
    _git(repo, "add", "catatan.txt")
    (repo / "opd.yaml").write_text(BROKEN_OPD, encoding="utf-8")  # broken in the folder, not staged
    done = _git(repo, "commit", "-q", "-m", "catatan", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pra_commit_outside_git_is_a_usage_error(tmp_path: Path):
    target = tmp_path / "tanpa-git"
    assert bursa("init", target, "--tanpa-git").exit_code == 0
    result = bursa("validasi", target, "--pra-commit")
    assert result.exit_code == 2 and "bukan bagian dari repositori git" in result.output


def test_pre_commit_framework_definition():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["bursa-validasi"]
    assert hooks[0]["entry"] == "bursa validasi --pra-commit" and hooks[0]["pass_filenames"] is False
