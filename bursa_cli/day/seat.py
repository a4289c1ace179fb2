"""The seat shown at check-in, taken from the Ruang Pleno seating plan."""

from __future__ import annotations

from ..seating import plan_seating
from ..schema.event import Event

NO_SEAT = "-"

_plans: dict[int, tuple[Event, dict]] = {}


def seat_of(event: Event, peserta_id: str) -> str:
    """'Blok 2 / C-05' for a listed participant; "-" for walk-ins and those without a seat.

    The plan is computed once per loaded event: it depends only on peserta.yaml
    and acara.yaml, which the day never edits.
    """
    cached = _plans.get(id(event))
    if cached is None or cached[0] is not event:
        cached = (event, plan_seating(event).by_peserta)
        _plans.clear()
        _plans[id(event)] = cached
    seat = cached[1].get(peserta_id)
    return seat.label if seat is not None else NO_SEAT
