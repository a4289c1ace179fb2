"""Helpers of the hostile-input tests: a fingerprint of an event folder, and one CLI run."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from support import bursa


def fingerprint(root: Path) -> dict[str, tuple]:
    """Every entry under `root` (symlinks not followed) with its kind, mode and content digest.

    Lock files (`*.lock`, empty, ignored by git) are left out: taking a log's lock is
    not writing to the event."""
    seen: dict[str, tuple] = {}
    for path in sorted(Path(root).rglob("*")):
        if path.name.endswith(".lock"):
            continue
        info = os.lstat(path)
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            seen[name] = ("link", os.readlink(path))
        elif path.is_dir():
            seen[name] = ("dir", info.st_mode)
        else:
            seen[name] = ("file", info.st_mode, hashlib.sha256(path.read_bytes()).hexdigest())
    return seen


def run_refused(root: Path, *args, code: int | tuple[int, ...]):
    """Run `bursa ARGS`; assert its exit code, no traceback and an untouched event folder.

    Returns the output as printed (use `support.plain` to fold rich's wrapping)."""
    before = fingerprint(root)
    result = bursa(*args)
    text = result.output
    codes = code if isinstance(code, tuple) else (code,)
    assert result.exit_code in codes, (result.exit_code, text, result.exception)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert fingerprint(root) == before, "folder acara berubah"
    return result.output
