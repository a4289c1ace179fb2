"""Writing results so that nothing is ever half-written.

Each file is written to a temporary file in the same folder, flushed to disk
and moved into place with `os.replace`. `Staging` does this for a whole batch:
every file is staged first and only moved into place when all of them are
ready, so a failure halfway leaves the previous outputs untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

OUTPUT_DIR = "keluaran"


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _file_mode()


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` to `path` via a temporary file and `os.replace`."""
    with Staging() as staging:
        staging.add(path, data)
    return path


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
            os.chmod(temp, _MODE)  # mkstemp makes 0600; outputs are ordinary files
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
            os.replace(temp, path)
            done.append(path)
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
