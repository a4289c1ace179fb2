"""The decisions of a desk's dialogue, shared by the terminal desks and the web pages.

A desk reads one line at a time: a scanned Kartu ID, a typed name, a number
from a list, a yes or no. These functions turn such a line into a decision
(a participant, an id from a list, a yes, a refusal) without printing or asking
anything; the terminal's one dialogue (`terminal/dialogue.py`) and the desks'
actions use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema.models import Peserta
from ..schema.types import SPARE_CARD
from ..errors import Refused
from .actions import ID_LIKE, known_peserta
from .state import Day

NEW_WORDS = ("+baru", "+")
YES_WORDS = ("y", "ya")
NO_WORDS = ("t", "tidak", "n", "no", "")
SEPARATORS = re.compile(r"[,;\s]+")


def looks_scanned(text: str | None) -> bool:
    """Whether `text` looks like a Kartu ID scanned or typed (P-0001, TAMU-003, W-REG-1-002)."""
    value = (text or "").strip()
    return bool(value) and (bool(ID_LIKE.match(value)) or bool(SPARE_CARD.match(value.upper())))


@dataclass(frozen=True)
class Answer:
    """A reply to a yes/no question; `scan` holds a Kartu ID typed instead of an answer."""

    yes: bool = False
    scan: str | None = None

    @property
    def answered(self) -> bool:
        return self.scan is None


def read_confirm(text: str | None) -> Answer:
    """A yes/no reply. A scan is never an answer: a USB scanner types the next
    participant's id and Enter whenever the card meets it, even while the desk
    waits for "y", so the id is handed back to be used for that participant."""
    value = (text or "").strip()
    if looks_scanned(value):
        return Answer(False, value)
    return Answer(value.lower() in YES_WORDS)


# --------------------------------------------------------------------------- registrasi


# --------------------------------------------------------------------------- stempel, nilai, ide


def scanned_peserta(day: Day, text: str) -> Peserta:
    """The participant whose id was scanned or typed; refused when unknown, even after a refresh.

    Desks call it first, before asking anything else, so a bad id is refused
    before the officer types the rest."""
    if day.peserta(text) is None:
        day.refresh()  # a walk-in may just have registered at another desk
    return known_peserta(day, text)


def not_checked_in(day: Day, peserta: Peserta) -> str | None:
    """A warning for a desk when the participant has no check-in yet (they skipped registration)."""
    if peserta.id in day.checked_in:
        return None
    day.refresh()
    if peserta.id in day.checked_in:
        return None
    return (f"{peserta.nama} ({peserta.id}) belum tercatat di registrasi. Stempel tetap dicatat; "
            "minta peserta mampir ke meja registrasi untuk Bursa Kit dan kursinya.")


def read_score(text: str | None) -> int:
    """A rating typed at the desk: a whole number 1 to 5, else refused."""
    value = (text or "").strip()
    if not value.isdigit() or not 1 <= int(value) <= 5:
        raise Refused.coded("BUR-M013", nilai=value)
    return int(value)


# --------------------------------------------------------------------------- komitmen


def split_ids(values: list[str] | str | None) -> list[str]:
    """Ids given as repeated options or in one text: "INO-009,INO-001" or "INO-009 INO-001"."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [part for value in values for part in SEPARATORS.split(value.strip()) if part]


def chosen(text: str, offered: list[dict]) -> str:
    """The id picked from a numbered list (`offered`, items with an "id") by its number or its id.

    Anything else is kept as typed, so the desk refuses it by name instead of guessing."""
    value = text.strip()
    if value.isdigit() and 1 <= int(value) <= len(offered):
        return offered[int(value) - 1]["id"]
    return next((item["id"] for item in offered if str(item["id"]).upper() == value.upper()), value)


def chosen_many(text: str, offered: list[dict]) -> list[str]:
    """Several picked at once, as at Jendela 3: "1, 3", "1 3" and "INO-009;2" all work, each once."""
    return list(dict.fromkeys(chosen(part, offered) for part in split_ids(text)))
