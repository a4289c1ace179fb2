"""The recap after the event: `build_recap` (views) and the exports in `recap.export`."""

from __future__ import annotations

from pathlib import Path

from ..check.gate import gate
from .build import Recap, build_recap, latest_cards

__all__ = ["Recap", "build_recap", "latest_cards", "load_for_recap", "recap_event"]


def load_for_recap(root: Path):
    """Load the event through the gate, refusing when the data the recap counts has errors."""
    return gate(Path(root), "rekap").event


def recap_event(root: Path, kecamatan=None, bidang: str | None = None) -> Recap:
    """Load the event folder at `root` and build its recap."""
    return build_recap(load_for_recap(root), kecamatan=kecamatan, bidang=bidang)
