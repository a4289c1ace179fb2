"""A place that cannot be written is a usage error naming it (exit 2), never a traceback.

Each case spoils one place of the minimal event (a regular file where a folder
belongs, a folder where a log belongs, a read-only folder), then runs one
command; previous files stay as they were.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from hostile_support import fingerprint, run_refused
from support import bursa, make_event, plain

STAMP = ("stempel", "{root}", "--meja", "A-01", "--peserta", "P-0001", "--inovasi", "INO-001", "--konsultan",
         "TIK-01")


def keluaran_is_a_file(root: Path) -> None:
    (root / "keluaran").write_text("bukan folder\n", encoding="utf-8")


def log_is_a_folder(root: Path) -> None:
    (root / "log" / "stempel" / "A-01.yaml").mkdir(parents=True)


def keluaran_read_only(root: Path) -> None:
    (root / "keluaran").mkdir()
    (root / "keluaran").chmod(0o555)


def stempel_read_only(root: Path) -> None:
    (root / "log" / "stempel").mkdir(parents=True)
    (root / "log" / "stempel").chmod(0o555)


AS_ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False

CASES = {
    # name: (spoil, command, words, needs a non-root user to mean anything)
    "keluaran-berkas-biasa": (keluaran_is_a_file, ("cetak", "kartu-ide", "{root}"), "keluaran", False),
    "log-stempel-berupa-folder": (log_is_a_folder, STAMP, "log/stempel/A-01.yaml", False),
    "keluaran-hanya-baca": (keluaran_read_only, ("cetak", "kartu-ide", "{root}"), "tidak ada izin", True),
    "log-stempel-hanya-baca": (stempel_read_only, STAMP, "tidak ada izin", True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unwritable_place_is_a_usage_error(name: str, tmp_path: Path):
    spoil, command, words, needs_user = CASES[name]
    if needs_user and AS_ROOT:
        pytest.skip("root boleh menulis ke folder hanya-baca; kasus ini diuji dengan pengguna biasa")
    root = make_event(tmp_path / "acara")
    spoil(root)
    try:
        output = plain(run_refused(root, *[str(a).format(root=root) for a in command], code=2))
    finally:
        for folder in (root / "keluaran", root / "log" / "stempel"):
            if folder.is_dir():
                folder.chmod(0o755)
    assert words in output, output
    assert "tidak dapat" in output.lower()


def test_disk_full_while_writing_names_the_file_and_leaves_nothing(tmp_path: Path, monkeypatch):
    """The same path for every OSError at write time (here: disk full, which root meets too)."""
    from bursa_cli import fsutil

    root = make_event(tmp_path / "acara")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle, mode):
            self.out = real_fdopen(handle, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.out.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    before = fingerprint(root)
    monkeypatch.setattr(fsutil.os, "fdopen", Full)
    result = bursa("cetak", "kartu-ide", root)
    output = plain(result.output)
    assert result.exit_code == 2 and "Traceback" not in result.output, output
    assert "ruang disk penuh" in output and "keluaran/" in output, output
    files = {name: v for name, v in fingerprint(root).items() if v[0] != "dir"}  # the empty keluaran/ may stay
    assert files == {name: v for name, v in before.items() if v[0] != "dir"}
