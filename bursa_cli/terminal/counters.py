"""Where a terminal desk records and looks things up: the event folder here, or the laptop induk.

Both answer with the same dictionaries (`day/desks/views.py`), so the one
dialogue of `dialogue.py` runs against either. A refusal is an answer too: the
desk shows it and carries on.
"""

from __future__ import annotations

from typing import Any

from ..day.desks import views
from ..day.desks.base import Desk, Masuk, Reply
from ..errors import Duplicate, Refused, Repeat


class Here:
    """Recording against the event folder at this laptop, under the desk's own name."""

    def __init__(self, day, name: str):
        self.day, self.name = day, name
        self.where = f"{day.area.logs}"
        self.problems = day.load_problems

    def log_of(self, desk: Desk) -> str:
        return f"{self.where}/{desk.kind}/{self.name}.yaml"

    def about(self, desk: Desk) -> dict[str, Any]:
        meja = self.name if desk.named_by == "meja" else None
        return views.about(self.day, desk.peran, self.name, meja=meja, gladi=self.day.gladi)

    def peserta(self, desk: Desk, text: str) -> dict[str, Any]:
        from ..day.desk import scanned_peserta

        return views.peserta_view(self.day, scanned_peserta(self.day, text.strip()), desk.peran)

    def find_peserta(self, desk: Desk, text: str) -> list[dict[str, Any]]:
        self.day.refresh()
        return views.found_peserta(self.day, text, desk.peran)

    def find_desa(self, text: str) -> list[dict[str, str]]:
        return views.found_desa(self.day, text)

    def desa(self, kode: str) -> dict[str, Any]:
        return views.desa_view(self.day, kode)

    def refused(self, desk: Desk, error: BaseException, text: str) -> None:
        """A scan refused before anything was sent: in a rehearsal it is noted for `rekap --gladi`."""
        from ..day.refusals import note_refusal

        note_refusal(self.day, desk.peran, self.name, error, text)

    def record(self, desk: Desk, asked: Masuk) -> Reply:
        """The desk's answer, as the laptop induk would give it; a refusal is an answer too."""
        from ..day.journal import record
        from ..day.refusals import note_refusal

        try:
            result = record(self.day, desk.record, self.name, asked)  # on disk when it returns
        except Duplicate as resent:
            return Reply("sudah_tercatat", resent.message, resent.earlier.file, resent.earlier.line)
        except Repeat as repeat:
            return Reply("perlu_konfirmasi", repeat.message, repeat.earlier.file, repeat.earlier.line,
                         kode=repeat.code or None)
        except Refused as error:
            note_refusal(self.day, desk.peran, self.name, error)
            return Reply("ditolak", error.message, kode=error.code or None)
        return desk.answer(self.day, result, lambda p: views.peserta_view(self.day, p, desk.peran))


class There:
    """Recording through the laptop induk (`--induk URL --token T`), which knows this device's name."""

    def __init__(self, url: str, token: str | None):
        from ..web.client import Induk

        self.induk = Induk(url, token)
        self._about = self.induk.about()
        self.where = f"laptop induk {self.induk.url}"
        self.problems = 0

    def log_of(self, desk: Desk) -> str:
        return self.where

    def about(self, desk: Desk) -> dict[str, Any]:
        return self._about

    def peserta(self, desk: Desk, text: str) -> dict[str, Any]:
        return self.induk.get_peserta(text)

    def find_peserta(self, desk: Desk, text: str) -> list[dict[str, Any]]:
        return self.induk.find_peserta(text)

    def find_desa(self, text: str) -> list[dict[str, str]]:
        return self.induk.find_desa(text)

    def desa(self, kode: str) -> dict[str, Any]:
        return self.induk.get_desa(kode)

    def refused(self, desk: Desk, error: BaseException, text: str) -> None:
        """The induk keeps its own account of what it refused."""

    def record(self, desk: Desk, asked: Masuk):
        return self.induk.record(desk.path, asked)
