"""Writing files so that nothing is ever half-written: the one mechanism every stage uses.

Each file is written to a temporary file in the same folder, flushed to disk
and moved into place with `os.replace`, then the folder itself is synced so
the new name survives a power cut. `Staging` does this for a whole set of
files: every file is staged first and only moved into place when all of them
are ready, so a failure halfway leaves the previous files untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UsageError


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _default_mode()


def fsync_dir(folder: Path) -> None:
    """Make a renamed or new file's name durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Replace `path` with `data` (text is written as UTF-8) atomically and durably."""
    with Staging() as staging:
        staging.add(path, data)
    return Path(path)


class Staging:
    """Files staged as temporaries next to their targets, moved into place together."""

    def __init__(self):
        self._staged: list[tuple[Path, Path]] = []

    def add(self, path: Path, data: bytes | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            # mkstemp makes 0600; keep an existing file's mode, else an ordinary file's.
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else _MODE)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self._staged.append((Path(temp), path))

    def commit(self) -> list[Path]:
        done = []
        for temp, path in self._staged:
            try:
                os.replace(temp, path)
            except PermissionError:
                # Windows refuses to replace a file another program holds open (a PDF
                # in a reader, a workbook in Excel): say so instead of a traceback.
                self._staged = [(t, p) for t, p in self._staged if p not in done]
                self.discard()
                raise UsageError(f"Berkas {path.name} sedang dibuka program lain atau tidak boleh ditulis; "
                                 "tutup berkas itu lalu ulangi perintah.",
                                 hint=f"Letak berkas: {path}") from None
            done.append(path)
        for folder in {path.parent for path in done}:
            fsync_dir(folder)
        self._staged = []
        return done

    def discard(self) -> None:
        for temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged = []

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()
