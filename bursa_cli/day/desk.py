"""The decisions of a desk's dialogue, shared by the terminal desks and the web pages.

A desk reads one line at a time: a scanned Kartu ID, a typed name, a number
from a list, a yes or no. These functions turn such a line into a decision
(a participant, a spare card to register, a list to pick from, a refusal)
without printing or asking anything, so `cli/hari.py` and the server's
routes follow one flow and differ only in how they ask and show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..schema.models import Inovasi, Peserta
from ..schema.types import SPARE_CARD
from .latihan import is_practice
from ..errors import Refused
from .actions import ID_LIKE, known_peserta, normal_phone, search_desa, search_peserta
from .state import Day

NEW_WORDS = ("+baru", "+")
YES_WORDS = ("y", "ya")
NO_WORDS = ("t", "tidak", "n", "no", "")
SEPARATORS = re.compile(r"[,;\s]+")


def looks_scanned(text: str | None) -> bool:
    """Whether `text` looks like a Kartu ID scanned or typed (P-0001, TAMU-003, W-REG-1-002)."""
    value = (text or "").strip()
    return bool(value) and (bool(ID_LIKE.match(value)) or bool(SPARE_CARD.match(value.upper())))


def is_participant_scan(day: Day, text: str | None) -> bool:
    """Whether `text`, typed where an innovation or a number was asked, is a participant's Kartu ID."""
    value = (text or "").strip()
    if not value or day.inovasi(value) is not None:
        return False
    return day.peserta(value) is not None or bool(SPARE_CARD.match(value.upper()))


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


@dataclass
class Resolved:
    """What one line typed at the registration desk leads to.

    `kind` is one of: "peserta" (check `peserta` in), "kartu" (register a walk-in
    under the spare card `kartu`), "baru" (a walk-in without a card), "pilih"
    (let the officer pick from `found`), "kosong" (nothing matched: `message`).
    An unknown id raises `Refused`.
    """

    kind: Literal["peserta", "kartu", "baru", "pilih", "kosong"]
    peserta: Peserta | None = None
    kartu: str | None = None
    found: list[Peserta] = field(default_factory=list)
    message: str = ""


def resolve_registration(day: Day, text: str) -> Resolved:
    """Turn a scan, an id, a name or a village typed at registration into a decision."""
    value = text.strip()
    if value.lower() in NEW_WORDS:
        return Resolved("baru")
    if day.peserta(value) is None and looks_scanned(value):
        day.refresh()  # a walk-in may just have been added at another desk
    peserta = day.peserta(value)
    if peserta is not None:
        return Resolved("peserta", peserta)
    if SPARE_CARD.match(value.upper()):
        return Resolved("kartu", kartu=value.upper())
    if is_practice(value):
        known_peserta(day, value)  # a practice card on the day: refused with its own reason
    if ID_LIKE.match(value):
        raise Refused(f"Id peserta '{value}' tidak dikenal. Cari dengan nama atau desa, atau ketik +baru.",  # teks bebas: H002
                      code="BUR-H002")
    found = search_peserta(day, value)
    if not found:
        return Resolved("kosong", message=f"Tidak ada peserta yang cocok dengan '{value}'. "
                                          "Ketik +baru untuk peserta tanpa undangan.")
    return Resolved("pilih", found=found)


def read_phone(text: str | None) -> str | None:
    """A phone typed at registration, as `bursa impor` writes it ("0812 3456 7001" -> "081234567001")."""
    return normal_phone(text)


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


def pick_inovasi(offered: list[Inovasi], text: str | None) -> str | None:
    """The id chosen from `offered` by number or id; None when nothing was typed.

    Any other text is returned as typed: the action refuses it with the reason
    (not served at this desk, not on the menu)."""
    value = (text or "").strip()
    if not value:
        return None
    if value.isdigit() and 1 <= int(value) <= len(offered):
        return offered[int(value) - 1].id
    return value


def stamped_by(day: Day, peserta: Peserta) -> list[Inovasi]:
    """The menu innovations stamped for this participant, in the order they were stamped."""
    seen = sorted(((where, inovasi_id) for (who, inovasi_id), where in day.stamps.items() if who == peserta.id),
                  key=lambda item: item[0].waktu)
    return [day.menu[inovasi_id] for _, inovasi_id in seen if inovasi_id in day.menu]


def rating_choices(day: Day, peserta: Peserta, perangkat: str) -> list[Inovasi]:
    """What a rating desk offers: the participant's stamped innovations, then the desk's own.

    Why stamped first: a participant rates what they consulted on; a rating
    point that is also a consultation desk adds its own innovations."""
    day.refresh()
    offered = stamped_by(day, peserta)
    offered += [i for i in day.menu.values() if i.meja == perangkat and i not in offered]
    return offered


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


def parse_card_choice(text: str | None, offered: list[Inovasi]) -> list[str]:
    """The innovations typed at Jendela 3: numbers from the list shown, or ids, in any mix.

    "1, 3" and "1 3" and "INO-009;2" all work; a number outside the list is
    kept as typed, so the action refuses it by name instead of guessing."""
    chosen: list[str] = []
    for part in split_ids(text or ""):
        if part.isdigit() and 1 <= int(part) <= len(offered):
            item = offered[int(part) - 1].id
        else:
            item = part
        if item not in chosen:
            chosen.append(item)
    return chosen


def resolve_desa(day: Day, text: str) -> list[str]:
    """Village codes a Jendela 3 officer may mean: a code, a name, or a scanned Kepala Desa's id.

    One code is a decision; several are a list to pick from; none is empty."""
    value = text.strip()
    peserta = day.peserta(value)
    if peserta is not None and peserta.desa:
        return [peserta.desa]
    if value in day.desa:
        return [value]
    name = value.casefold().removeprefix("desa ").strip()
    exact = [kode for kode, desa in day.desa.items() if desa.nama.casefold() == name]
    if exact:
        return exact
    return search_desa(day, value)


def one_desa(day: Day, text: str) -> str:
    """The one village `text` names (for one-shot commands); refused when none or several match."""
    found = resolve_desa(day, text)
    if len(found) == 1:
        return found[0]
    if not found:
        raise Refused.coded("BUR-M011", desa=text.strip())
    shown = ", ".join(f"{day.desa_label(kode)} ({kode})" for kode in found[:5])
    raise Refused.coded("BUR-M012", teks=text.strip(), jumlah=len(found), desa=shown)


def unstamped(day: Day, chosen: list[str], offered: list[Inovasi]) -> list[str]:
    """The chosen menu innovations that were not stamped for the village: each needs a reason."""
    stamped = {i.id.upper() for i in offered}
    return [item for item in chosen if item.upper() not in stamped and day.inovasi(item) is not None]
