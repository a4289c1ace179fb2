"""What the rehearsal's desks refused, kept for `bursa rekap --gladi`.

On the day a refusal is said to the officer and forgotten: nothing was
recorded. In the rehearsal the committee wants to know what went wrong at
which desk, so every refusal is appended to `gladi/tolak/<desk>.yaml`, one
line each, with its time, role, code and message.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from .logwrite import append_entry
from .state import Day

TITLE = "# Penolakan meja {name} saat gladi bersih (untuk `bursa rekap --gladi`)\n"
FALLBACK = "tanpa-nama"


def note_refusal(day: Day, peran: str, name: str, error: BaseException, isian: str = "") -> None:
    """Append one refusal of a rehearsal desk; nothing on the day, and never twice for one error."""
    from .actions import NAME_OK

    if not day.gladi or getattr(error, "_noted", False):
        return
    setattr(error, "_noted", True)
    desk = name if name and NAME_OK.match(name) else FALLBACK
    entry: dict[str, Any] = {"waktu": day.now(), "peran": peran, "perangkat": desk,
                             "kode": getattr(error, "code", "") or None, "pesan": getattr(error, "message", str(error))}
    if isian:
        entry["isian"] = str(isian)[:80]
    path = day.area.refusals / f"{desk}.yaml"
    append_entry(path, {k: v for k, v in entry.items() if v is not None}, TITLE.format(name=desk))


def rehearsed(peran: str) -> Callable:
    """Decorate a desk action `(day, name, what, ...)`: in a rehearsal its refusals are noted."""
    def wrap(action: Callable) -> Callable:
        @functools.wraps(action)
        def run(day: Day, name: str, *args: Any, **kwargs: Any) -> Any:
            from ..errors import Refused

            try:
                return action(day, name, *args, **kwargs)
            except Refused as error:
                what = args[0] if args and isinstance(args[0], str) else ""
                note_refusal(day, peran, name, error, what)
                raise
        return run
    return wrap
