"""The one resolver for every file the event names: logos, photos, templates, logs.

An event folder travels on USB sticks and through git; a name in it (or a
symlink beside it) must never make `bursa` read a file elsewhere on the
laptop and copy it into a PDF, a DOCX or the event's repository. Every such
name is resolved here, symlinks followed, and refused when it leads outside
the event folder (or, for templates, the package's own folder).
"""

from __future__ import annotations

from pathlib import Path


def within(path: Path | str, *bases: Path | str) -> Path | None:
    """`path` with every symlink followed, when it stays inside one of `bases`; else None."""
    try:
        real = Path(path).resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop
        return None
    for base in bases:
        try:
            top = Path(base).resolve()
        except (OSError, RuntimeError):
            continue
        if real == top or real.is_relative_to(top):
            return real
    return None


def event_file(root: Path | str, named: str | Path) -> Path | None:
    """The regular file an event names (relative to `root`), when it exists inside the event."""
    if not named:
        return None
    path = Path(root) / named
    real = within(path, root)
    return real if real is not None and real.is_file() else None


def leads_out(root: Path | str, path: Path | str) -> bool:
    """True when `path` (inside the event folder by name) resolves to somewhere outside it."""
    return within(path, root) is None
