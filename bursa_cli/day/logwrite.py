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
import stat
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass
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
SYNCERS = 8  # threads that fsync the logs of one group side by side

# What each kind of log holds, for the comment at the top of a new file.
KIND_TITLE = {
    "registrasi": "Log registrasi perangkat {name}",
    "stempel": "Log stempel meja konsultasi {name}",
    "penilaian": "Log penilaian inovasi ({name})",
    "ide": "Log Kartu Ide ({name})",
    "komitmen": "Log Kartu Komitmen ({name})",
    "kursi": "Kursi yang tercetak di Kartu ID; bursa menjaga kursi ini bila peserta.yaml berubah",
    "tindak-lanjut": "Log tindak lanjut komitmen ({name})",
}
HEADER_TAIL = ("# Hanya ditambah di akhir (append-only), satu baris satu entri; jangan diubah dengan tangan, "
               "baris rusak diperbaiki dengan `bursa perbaiki`.\n")

_locks: dict[str, FileLock] = {}


@lru_cache(maxsize=1024)
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
    """Hold the lock of one log; a lock held elsewhere too long is a user error, not a traceback.

    Inside `group_commit` the lock is taken once and held until the group has
    synced: the laptop induk appends many entries to one log per group, and
    the log is not rewritten (`bursa perbaiki`) between an append and its fsync.
    """
    lock = lock_for(path)
    if _group.held is not None:
        if id(lock) not in _group.held:
            _acquire(lock, f"Log {os.path.basename(path)}")
            _group.held[id(lock)] = lock
        yield
        return
    with _holding(lock, f"Log {os.path.basename(path)}"):
        yield


@contextmanager
def keep_locks() -> Iterator[None]:
    """The lock of each log appended to inside is taken once and held until the block ends.

    Why: taking a log's lock costs more than appending a line to it; the
    laptop induk keeps the locks of the logs it writes while entries keep
    coming, and lets them go when it falls idle.
    """
    if _group.held is not None:
        yield  # an outer block keeps them
        return
    _group.held = {}
    try:
        yield
    finally:
        held, _group.held = _group.held, None
        for lock in reversed(list(held.values())):
            lock.release()


@contextmanager
def _holding(lock: FileLock, what: str) -> Iterator[None]:
    _acquire(lock, what)
    try:
        yield
    finally:
        lock.release()


def _acquire(lock: FileLock, what: str) -> None:
    try:
        lock.acquire()
    except Timeout:
        raise BursaError.coded("BUR-M110", apa=what, detik=f"{LOCK_TIMEOUT:.0f}") from None


def kind_lock_path(root: Path, kind: str) -> Path:
    """The lock of a whole kind of log (`log/.stempel.lock`): held while a desk checks for an
    earlier entry and appends its own, so two desks never both record the same stamp."""
    return Path(root) / LOG_DIR / f".{kind}.lock"


def holds_kind_lock(root: Path, kind: str) -> bool:
    """Whether this thread holds the lock of `kind` already."""
    return _kinds.held.get((os.path.abspath(root), kind), 0) > 0


class _Kinds(threading.local):
    def __init__(self) -> None:
        self.held: dict[tuple[str, str], int] = {}  # (event folder, kind) -> depth, in this thread


_kinds = _Kinds()


@contextmanager
def kind_locked(root: Path, kind: str) -> Iterator[None]:
    """Hold the lock of every log of `kind`; reentrant within one process."""
    path = kind_lock_path(root, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = (os.path.abspath(root), kind)
    with _holding(lock_for(path, suffixed=False), f"Log {kind}"):
        _kinds.held[key] = _kinds.held.get(key, 0) + 1
        try:
            yield
        finally:
            _kinds.held[key] -= 1


def header_for(kind: str, name: str, logs: str = LOG_DIR) -> str:
    """The three comment lines atop a new log: what it holds, the editor's schema, how it is written.

    `logs` is the logs' folder inside the event folder (`log`, or `gladi/log` in the rehearsal): the
    modeline points from the log's own folder back to the event's `skema/` (`bursa skema`). Three
    lines whatever the kind, so an entry's line number never depends on the header."""
    from ..schema.skema import SCHEMA_DIR, schema_name

    title = KIND_TITLE.get(kind, "Log {name}").format(name=name)
    up = "../" * (logs.count("/") + 2)
    schema = f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{schema_name(f'{LOG_DIR}/{kind}')}\n"
    return f"# {title}\n{schema}{HEADER_TAIL}"


def now(zona: str = "WIB") -> str:
    """The current time in the event's zone, ISO 8601 to the second."""
    zone = timezone(timedelta(hours=ZONA_OFFSET_HOURS.get(zona, 7)))
    return datetime.now(zone).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Appended:
    """What one append put where: the bytes written from `start`, and the file right after.

    Why: a reader in the same process (the laptop induk's `Day`) takes its own
    entries in from these bytes instead of reading the log again.
    """

    path: Path
    start: int  # the file's size before the write
    data: bytes  # exactly the bytes written (a new file's header included)
    identity: tuple[int, int]  # (device, inode) of the file written
    size: int  # the file's size right after the write
    mtime: int  # st_mtime_ns right after the write


def append_entry(path: Path, entry: dict[str, Any], header: str = "") -> Appended:
    """Append `entry` as one durable line; a new file gets `header` first."""
    return append_entries(path, [entry], header)


def append_entries(path: Path, entries: list[dict[str, Any]], header: str = "") -> Appended | None:
    """Append `entries`, one line each, in a single write; a new file gets `header` first."""
    if not entries:
        return None
    path = path if isinstance(path, Path) else Path(path)
    lines = "".join(format_entry(entry) for entry in entries).encode("utf-8")
    with locked(path):
        return _append_locked(path, lines, header)


def _append_locked(path: Path, line: bytes, header: str) -> Appended:
    try:
        created = False
        if stat.S_ISLNK(os.lstat(path).st_mode):
            # Appending through a symlink would write a desk's line into a file elsewhere on the laptop.
            raise UsageError.coded("BUR-M111", berkas=path.as_posix())
    except FileNotFoundError:
        created = True
        path.parent.mkdir(parents=True, exist_ok=True)
    # O_NOFOLLOW: a symlink put there between the check and the open is refused too. Read and
    # write, so the last byte is read through the same descriptor.
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size == 0:
            line = header.encode("utf-8") + line
        elif _last_byte(fd, path, size) != b"\n":
            line = b"\n" + line  # never glue a new entry to a torn line
        _write_all(fd, line)
        after = os.fstat(fd)
        if _group.paths is None:
            os.fsync(fd)
    finally:
        os.close(fd)
    if _group.paths is not None:
        _group.paths.setdefault(path, created)  # made durable when the group ends
    elif created:
        fsync_dir(path.parent)
    return Appended(path, size, line, (after.st_dev, after.st_ino), after.st_size, after.st_mtime_ns)


class _Group(threading.local):
    paths: dict[Path, bool] | None = None  # log -> whether it was created, while a group is open
    held: dict[int, FileLock] | None = None  # logs' locks kept, inside `keep_locks`


_group = _Group()


@contextmanager
def group_commit() -> Iterator[None]:
    """Appends inside are fsynced once per file when the block ends, not once per entry.

    Why: the laptop induk answers many desks at once, and one fsync per entry
    caps it at the disk's fsyncs per second. The appends are written (and seen
    by every reader) at once; the caller answers "tercatat" only after this
    block has returned, so no desk is ever told of an entry that is not on disk.
    Each log's lock is held from its first append until it has been synced, so
    no `bursa perbaiki` rewrites it in between.
    """
    if _group.paths is not None:
        yield  # already inside a group: the outer one syncs
        return
    with keep_locks():
        _group.paths = {}
        try:
            yield
        finally:
            paths, _group.paths = _group.paths, None
            if len(paths) > 1:
                # Side by side: the file system commits fsyncs that wait together in one go,
                # where one after another each waits for its own.
                list(_syncers().map(_fsync_path, paths))
            else:
                for path in paths:
                    _fsync_path(path)
            for folder in {path.parent for path, created in paths.items() if created}:
                fsync_dir(folder)


def sync_with_group(path: Path) -> None:
    """Make a log durable before the group's answers go out (at once, outside a group).

    Why: an entry sent again is answered "sudah tercatat" from what was read;
    if the first sync of its log failed, that line must reach the disk before
    the desk is told so.
    """
    if _group.paths is not None:
        _group.paths.setdefault(Path(path), False)
    else:
        _fsync_path(Path(path))


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _syncers() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=SYNCERS, thread_name_prefix="fsync-log")
        return _pool


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))  # Windows syncs only writable files
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _last_byte(fd: int, path: Path, size: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, 1, size - 1)
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


