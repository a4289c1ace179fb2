"""What the pre-commit hook checks: the event as it will be committed (git's index), not the working tree.

Why: a commit records the index. A file fixed in the working tree but not
staged, or broken but not staged, must not change the hook's answer.
"""

from __future__ import annotations

import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import UsageError


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError.coded("BUR-T106") from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip()[:120]
        raise UsageError.coded("BUR-T107", folder=folder, alasan=reason)
    return done.stdout


@contextmanager
def staged_event(folder: Path) -> Iterator[Path]:
    """A temporary copy of the event folder as git's index holds it; removed afterwards."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError.coded("BUR-U025", folder=folder)
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    rel = folder.resolve().relative_to(top.resolve()).as_posix()
    listed = _git(top, "ls-files", "-z", "--cached", "--", rel if rel != "." else ".")
    with tempfile.TemporaryDirectory(prefix="bursa-pra-commit-") as tmp:
        if listed:
            _git(top, "checkout-index", f"--prefix={tmp}/", "-z", "--stdin", stdin=listed)
        copy = Path(tmp) / rel
        copy.mkdir(parents=True, exist_ok=True)
        yield copy
