"""The shared atomic writer: all or nothing, and a locked target is a clear user error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bursa_cli.errors import UsageError
from bursa_cli.fsutil import Staging, write_atomic


def test_write_replaces_whole_file_and_keeps_mode(tmp_path: Path):
    target = tmp_path / "a.txt"
    target.write_text("lama")
    target.chmod(0o640)
    write_atomic(target, "baru")
    assert target.read_text() == "baru"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_failure_while_staging_leaves_old_files_and_no_temporaries(tmp_path: Path):
    (tmp_path / "a.txt").write_text("lama-a")
    with pytest.raises(RuntimeError):
        with Staging() as staging:
            staging.add(tmp_path / "a.txt", "baru-a")
            staging.add(tmp_path / "b.txt", "baru-b")
            raise RuntimeError("gagal di tengah")
    assert (tmp_path / "a.txt").read_text() == "lama-a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_file_held_open_elsewhere_is_a_usage_error(tmp_path: Path, monkeypatch):
    """Windows refuses to replace a PDF open in a reader: say so, clean up, no traceback."""
    real_replace = os.replace

    def refuse_b(source, target):
        if Path(target).name == "b.pdf":
            raise PermissionError(13, "Permission denied")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_b)
    with pytest.raises(UsageError, match="b.pdf sedang dibuka program lain"):
        with Staging() as staging:
            staging.add(tmp_path / "a.pdf", b"a")
            staging.add(tmp_path / "b.pdf", b"b")
            staging.add(tmp_path / "c.pdf", b"c")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
