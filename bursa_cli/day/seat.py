"""The seat shown at check-in, in one place so the seating plan can be plugged in."""

from __future__ import annotations

from ..schema.event import Event

NO_SEAT = "-"


def seat_of(event: Event, peserta_id: str) -> str:
    """The participant's seat in the Ruang Pleno, or "-" while no seating plan exists."""
    try:
        from ..render import seating  # written separately; optional until it lands
    except ImportError:
        return NO_SEAT
    find = getattr(seating, "seat_of", None)
    if find is None:
        return NO_SEAT
    seat = find(event, peserta_id)
    return str(seat) if seat else NO_SEAT
