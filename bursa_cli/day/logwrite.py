"""The one safe way to append an entry to a log of the day (`log/<kind>/<name>.yaml`).

Every write takes the log's lock, appends the whole line with one `os.write`
on an `O_APPEND` descriptor and fsyncs before returning, so an entry that was
reported as recorded survives a power cut, two processes never interleave,
and a crash leaves at most one torn last line. The next append starts on a
fresh line, so a torn line is never glued to a good entry; `bursa perbaiki`
moves it aside later.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

from filelock import FileLock, Timeout

from ..errors import BursaError, UsageError
from ..fsutil import fsync_dir
from ..schema.logfile import format_entry
from ..schema.types import ZONA_OFFSET_HOURS

LOG_DIR = "log"
LOCK_TIMEOUT = 30.0

# What each kind of log holds, for the comment at the top of a new file.
KIND_TITLE = {
    "registrasi": "Log registrasi perangkat {name}",
    "stempel": "Log stempel meja konsultasi {name}",
    "penilaian": "Log penilaian inovasi ({name})",
    "ide": "Log Kartu Ide ({name})",
    "komitmen": "Log Kartu Komitmen ({name})",
    "kursi": "Kursi yang tercetak di Kartu ID; bursa menjaga kursi ini bila peserta.yaml berubah",
}
HEADER_TAIL = (
    "# Berkas ini hanya ditambah di akhir (append-only): satu baris satu entri.\n"
    "# Jangan diubah dengan tangan; bila ada baris rusak, jalankan `bursa perbaiki`.\n"
)

_locks: dict[str, FileLock] = {}


def log_path(root: Path, kind: str, name: str) -> Path:
    """`root/log/<kind>/<name>.yaml`."""
    return Path(root) / LOG_DIR / kind / f"{name}.yaml"


def lock_path(path: Path) -> Path:
    """The lock file beside a log: `.A-03.yaml.lock` (hidden, gitignored)."""
    return path.with_name(f".{path.name}.lock")


def lock_for(path: Path, suffixed: bool = True) -> FileLock:
    """The lock of one log (or, with `suffixed=False`, the lock file `path` itself); the same
    object per path, so holding it is reentrant."""
    key = os.path.abspath(path)
    lock = _locks.get(key)
    if lock is None:
        target = lock_path(Path(key)) if suffixed else Path(key)
        lock = FileLock(target, timeout=LOCK_TIMEOUT, preserve_lock_file=True)
        _locks[key] = lock
    return lock


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of one log; a lock held elsewhere too long is a user error, not a traceback."""
    with _holding(lock_for(Path(path)), f"Log {Path(path).name}"):
        yield


@contextmanager
def _holding(lock: FileLock, what: str) -> Iterator[None]:
    try:
        lock.acquire()
    except Timeout:
        raise BursaError(
            f"{what} sedang dikunci oleh proses lain lebih dari {LOCK_TIMEOUT:.0f} detik.",
            hint="Tutup perintah bursa lain yang menulis ke log ini, lalu coba lagi.") from None
    try:
        yield
    finally:
        lock.release()


def kind_lock_path(root: Path, kind: str) -> Path:
    """The lock of a whole kind of log (`log/.stempel.lock`): held while a desk checks for an
    earlier entry and appends its own, so two desks never both record the same stamp."""
    return Path(root) / LOG_DIR / f".{kind}.lock"


def holds_kind_lock(root: Path, kind: str) -> bool:
    """Whether this thread holds the lock of `kind` already."""
    lock = _locks.get(os.path.abspath(kind_lock_path(root, kind)))
    return lock is not None and lock.is_locked


@contextmanager
def kind_locked(root: Path, kind: str) -> Iterator[None]:
    """Hold the lock of every log of `kind`; reentrant within one process."""
    path = kind_lock_path(root, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _holding(lock_for(path, suffixed=False), f"Log {kind}"):
        yield


def header_for(kind: str, name: str) -> str:
    title = KIND_TITLE.get(kind, "Log {name}").format(name=name)
    return f"# {title}\n{HEADER_TAIL}"


def now(zona: str = "WIB") -> str:
    """The current time in the event's zone, ISO 8601 to the second."""
    zone = timezone(timedelta(hours=ZONA_OFFSET_HOURS.get(zona, 7)))
    return datetime.now(zone).isoformat(timespec="seconds")


def append_entry(path: Path, entry: dict[str, Any], header: str = "") -> None:
    """Append `entry` as one durable line; a new file gets `header` first."""
    append_entries(path, [entry], header)


def append_entries(path: Path, entries: list[dict[str, Any]], header: str = "") -> None:
    """Append `entries`, one line each, in a single write; a new file gets `header` first."""
    if not entries:
        return
    path = Path(path)
    lines = "".join(format_entry(entry) for entry in entries).encode("utf-8")
    with locked(path):
        _append_locked(path, lines, header)


def _append_locked(path: Path, line: bytes, header: str) -> None:
    created = not path.exists()
    if created:
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        # Appending through a symlink would write a desk's line into a file elsewhere on the laptop.
        raise UsageError(f"{path.as_posix()} adalah tautan (symlink), bukan log biasa; tidak ada yang dicatat.",
                         hint="Ganti tautan itu dengan berkas log yang sebenarnya, lalu ulangi.")
    # O_NOFOLLOW: a symlink put there between the check and the open is refused too.
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size == 0:
            line = header.encode("utf-8") + line
        elif _last_byte(path, size) != b"\n":
            line = b"\n" + line  # never glue a new entry to a torn line
        _write_all(fd, line)
        if _group.paths is None:
            os.fsync(fd)
    finally:
        os.close(fd)
    if _group.paths is not None:
        _group.paths.setdefault(path, created)  # made durable when the group ends
    elif created:
        fsync_dir(path.parent)


class _Group(threading.local):
    paths: dict[Path, bool] | None = None  # log -> whether it was created, while a group is open


_group = _Group()


@contextmanager
def group_commit() -> Iterator[None]:
    """Appends inside are fsynced once per file when the block ends, not once per entry.

    Why: the laptop induk answers many desks at once, and one fsync per entry
    caps it at the disk's fsyncs per second. The appends are written (and seen
    by every reader) at once; the caller answers "tercatat" only after this
    block has returned, so no desk is ever told of an entry that is not on disk.
    """
    if _group.paths is not None:
        yield  # already inside a group: the outer one syncs
        return
    _group.paths = {}
    try:
        yield
    finally:
        paths, _group.paths = _group.paths, None
        for path, created in paths.items():
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))  # Windows syncs only writable files
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for folder in {path.parent for path, created in paths.items() if created}:
            fsync_dir(folder)


def _last_byte(path: Path, size: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


