"""The registry of the day's desks: one `Desk` per role, one module per desk.

Start here to add a desk role. Each module declares its request model, how it
records one entry against the `Day`, its answer and its dialogue's steps, as
one `Desk`; the line below lists it. From that list the server adds one POST
route per desk (`web/api.py`), the terminal loop runs its steps locally or
through the laptop induk (`terminal/`), and `/api/v1/saya` hands the
steps to the browser page. A new role also needs its log kind in
`schema/models.py` (LOG_KINDS, the entry model), a device role in
`day/devices.py` and its refusals' codes in `codes.py`.
"""

from __future__ import annotations

from . import ide, komitmen, nilai, registrasi, stempel
from .base import Desk, Masuk, Reply, Step

DESKS: list[Desk] = [
    registrasi.DESK,
    registrasi.WALK_IN,
    stempel.DESK,
    nilai.DESK,
    ide.DESK,
    komitmen.DESK,
]


def desk_at(path: str) -> Desk:
    """The desk whose requests go to /api/v1/`path`."""
    return next(desk for desk in DESKS if desk.path == path)


def desks_of(peran: str) -> list[Desk]:
    """The desks a device of this role may record at."""
    return [desk for desk in DESKS if desk.peran == peran]


__all__ = ["DESKS", "Desk", "Masuk", "Reply", "Step", "desk_at", "desks_of"]
