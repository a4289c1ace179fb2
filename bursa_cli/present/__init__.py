"""All terminal output lives in this package: the console, panels, tables, progress.

Core code never prints; commands hand the data they got back to a function
here. Tests swap the console for one that writes to a string with `use()`.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from ..errors import BursaError



def new_console(**options) -> Console:
    """A console that prints text as written: no emoji codes (`:100:` stays `:100:`), no highlighting."""
    return Console(highlight=False, emoji=False, **options)


_console = new_console()
_error_console = new_console(stderr=True)


def console() -> Console:
    return _console


@contextmanager
def use(replacement: Console) -> Iterator[Console]:
    """Send all output (normal and error) to `replacement` for the duration."""
    global _console, _error_console
    saved = _console, _error_console
    _console = _error_console = replacement
    try:
        yield replacement
    finally:
        _console, _error_console = saved


def ask(prompt: str) -> str | None:
    """One line typed or scanned; None at the end of input."""
    try:
        return _console.input(f"[bold cyan]{escape(prompt)}[/] ")
    except (EOFError, KeyboardInterrupt):  # Ctrl+D / Ctrl+C end the question quietly
        _console.print()
        return None


def show_error(error: BursaError) -> None:
    """A user error: a short panel in Indonesian, never a traceback."""
    body = Text(error.message, overflow="fold")
    if error.code:
        body.append(f" ({error.code})", style="dim")
    for problem in error.problems[:50]:
        body.append("\n")
        body.append(problem.location(), style="bold")
        body.append(f"  {problem.message}")
        if problem.code:
            body.append(f" ({problem.code})", style="dim")
    if len(error.problems) > 50:
        body.append(f"\n… dan {len(error.problems) - 50} masalah lain")
    if error.hint:
        body.append("\n\n")
        body.append(error.hint, style="italic")
    _error_console.print(Panel(body, title="Galat", title_align="left", border_style="red", expand=False))


# The messages below are plain text (they carry names, paths and values from the data):
# printed as written, never read as markup.


def info(message: str) -> None:
    _console.print(Text(message))


def success(message: str) -> None:
    _console.print(Text.assemble(("✔", "green"), " ", message))


def warn(message: str) -> None:
    _console.print(Text.assemble(("!", "yellow"), " ", message))
