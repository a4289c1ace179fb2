"""Writing files so that nothing is ever half-written: the one mechanism every stage uses.

Each file is written to a temporary file in the same folder, flushed to disk
and moved into place with `os.replace`, then the folder itself is synced so
the new name survives a power cut. `Staging` does this for a whole set of
files: every file is staged first and only moved into place when all of them
are ready, so a failure halfway leaves the previous files untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import UsageError


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _default_mode()


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in plain Indonesian."""
    import errno

    reasons = {
        errno.EACCES: "tidak ada izin", errno.EPERM: "tidak ada izin",
        errno.EROFS: "media hanya-baca", errno.ENOSPC: "ruang disk penuh",
        errno.EISDIR: "itu sebuah folder, bukan berkas", errno.ENOTDIR: "ada berkas biasa di tempat folder",
        errno.ENOENT: "tidak ditemukan", errno.EEXIST: "sudah ada sebagai berkas lain",
        errno.ELOOP: "itu tautan (symlink) yang tidak diikuti", errno.ENAMETOOLONG: "nama terlalu panjang",
        errno.EDQUOT: "kuota disk habis",
    }
    return reasons.get(exc.errno, exc.strerror or type(exc).__name__)


def write_refused(path: Path, exc: OSError) -> UsageError:
    """The usage error for a file or folder that cannot be written."""
    return UsageError(f"Tidak dapat menulis {Path(path).as_posix()}: {os_reason(exc)}.",
                      hint="Periksa bahwa foldernya ada, boleh ditulis, dan disk tidak penuh; "
                           "lalu ulangi perintah.")


def os_refused(exc: OSError) -> UsageError:
    """The usage error for any file the system refused to read or write (caught at the CLI edge)."""
    return UsageError(f"Berkas atau folder {Path(exc.filename).as_posix()} tidak dapat dipakai: "
                      f"{os_reason(exc)}.",
                      hint="Periksa izin, ruang disk, dan bahwa berkas dan folder itu memang ada; "
                           "lalu ulangi perintah.")


FOLDERS_SYNC = os.name == "posix"  # Windows cannot open a folder: NTFS keeps names durable itself


def fsync_dir(folder: Path) -> None:
    """Make a renamed or new file's name durable (POSIX only; Windows cannot open folders)."""
    if not FOLDERS_SYNC:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except (PermissionError, IsADirectoryError):  # a file system that refuses to open folders
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some network shares cannot sync a folder; the file itself was synced
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
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
        if isinstance(data, str):
            data = data.encode("utf-8")
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))  # os_refused menjelaskannya
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:  # read-only folder, a file where a folder should be, disk full
            self.discard()
            raise write_refused(path if isinstance(exc, IsADirectoryError) else path.parent, exc) from None
        try:
            # mkstemp makes 0600; keep an existing file's mode, else an ordinary file's.
            os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else _MODE)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            self.discard()
            raise write_refused(path, exc) from None
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
                raise UsageError.coded("BUR-U014", berkas=path.name, letak=path) from None
            except OSError as exc:
                self._staged = [(t, p) for t, p in self._staged if p not in done]
                self.discard()
                raise write_refused(path, exc) from None
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
