"""The recap after the event: `build_recap` (views) and the exports in `recap.export`."""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError
from ..schema.event import load_event
from .build import Recap, build_recap, latest_cards

__all__ = ["Recap", "build_recap", "latest_cards", "load_for_recap", "recap_event"]

# A problem in these files would make the recap wrong; problems elsewhere
# (tahapan, panitia, opd) do not touch it and are left to `bursa validasi`.
_NEEDED = ("acara.yaml", "desa.yaml", "peserta.yaml", "inovasi.yaml", "p2ktd.yaml", "log/")


def load_for_recap(root: Path):
    """Load the event, refusing when the data the recap counts has errors."""
    result = load_event(Path(root))
    blocking = [p for p in result.problems if p.is_error and p.file.startswith(_NEEDED)]
    if blocking or result.event.acara is None:
        raise DataError(
            "Rekap tidak dibuat: data yang dihitung masih bermasalah.", blocking,
            hint="Perbaiki dulu (lihat `bursa validasi`; log yang terpotong dipulihkan dengan `bursa perbaiki`).")
    return result.event


def recap_event(root: Path, kecamatan=None, bidang: str | None = None) -> Recap:
    """Load the event folder at `root` and build its recap."""
    return build_recap(load_for_recap(root), kecamatan=kecamatan, bidang=bidang)
