"""The recap after the event: `build_recap` (views) and the exports in `recap.export`."""

from __future__ import annotations

from pathlib import Path

from ..check.gate import gate
from .build import Recap, build_recap, latest_cards

__all__ = ["Recap", "build_recap", "followup_recap", "latest_cards", "load_for_followup", "load_for_recap",
           "recap_event"]


def load_for_recap(root: Path):
    """Load the event through the gate, refusing when the data the recap counts has errors."""
    return gate(Path(root), "rekap").event


def recap_event(root: Path, kecamatan=None, bidang: str | None = None) -> Recap:
    """Load the event folder at `root` and build its recap."""
    return build_recap(load_for_recap(root), kecamatan=kecamatan, bidang=bidang)


def load_for_followup(root: Path):
    """Load the event for the follow-up: refused when the commitments, the follow-up log or its
    checks (BUR-F) have errors, since the counts would be wrong."""
    from ..check.followup import check_followup
    from ..check.gate import need_of

    event = gate(Path(root), "tindak-lanjut").event
    errors = [p for p in check_followup(event) if p.is_error]
    if errors:
        raise need_of("tindak-lanjut").refused(errors)
    return event


def followup_recap(folders: list[Path], per=None):
    """The follow-up recap of one or more event folders (the kabupaten of one province), in one table."""
    from ..errors import DataError
    from .followup import build_followup

    states = []
    for folder in folders:
        try:
            event = load_for_followup(folder)
        except DataError as exc:
            if len(folders) == 1:
                raise
            raise DataError(f"{folder}: {exc.message}",  # teks bebas: pesan berkode itu, diawali foldernya
                            exc.problems, exc.hint, code=exc.code) from None
        states.append(followup_of(event))
    return build_followup(states, per)


def followup_of(event):
    """What `build_followup` needs of one loaded event: its name, its commitments' state, its P2KTD names."""
    from .followup import followup_state

    return event.acara.nama, followup_state(event), {p.id: p.nama for p in event.p2ktd}
