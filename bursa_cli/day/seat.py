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


SEAT_LOG = ("kursi", "kartu-id")


def record_printed_seats(event: Event, entries: list[dict], waktu: str) -> None:
    """Append the seats just printed on Kartu ID, under the lock of `log/kursi/`.

    Why check under the lock: the seats were planned from the seats recorded
    when the event was loaded. If another process (a second window, the
    server) recorded seats since, this plan may give a seat twice, so it is
    refused and nothing is recorded; printing again plans from the new log.
    """
    from ..errors import UsageError
    from ..schema.logfile import read_log
    from .logwrite import LOG_DIR, append_entries, header_for, kind_locked, log_path

    root = event.root
    with kind_locked(root, "kursi"):
        folder = root / LOG_DIR / "kursi"
        now_held = sum(len(read_log(path, path.name).entries) for path in sorted(folder.glob("*.yaml"))) \
            if folder.is_dir() else 0
        if now_held != len(event.kursi):
            raise UsageError.coded("BUR-M113")
        append_entries(log_path(root, *SEAT_LOG), [{"waktu": waktu, **entry} for entry in entries],
                       header_for(*SEAT_LOG))
