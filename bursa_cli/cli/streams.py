"""Standard output and error that never fail on a character: UTF-8, or a replacement mark.

Why: on Windows a pipe, a file or the pre-commit hook's output is opened in the
ANSI code page (cp1252), which has no `✔`, no box lines and no Indonesian
quotes; Python would end the command with UnicodeEncodeError halfway through
its report. The console itself is UTF-8 there already.
"""

from __future__ import annotations

import sys


def utf8_streams() -> None:
    """Switch stdout and stderr to UTF-8 when they are not; what still cannot be written is replaced."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # pythonw, or a service without a console
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding in ("utf-8", "utf8"):
            continue
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError, OSError):
            # Not a text stream that can change (a replacement installed by a test or an
            # embedding program): keep its encoding, but replace what it cannot write.
            try:
                stream.reconfigure(errors="replace")
            except (AttributeError, ValueError, OSError):
                pass
