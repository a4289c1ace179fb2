"""What every desk shares: finding a participant, an innovation or a village, and writing one entry.

The desks themselves (`day/desks/`) check their input against the event and
write one durable log entry each through `record_entry`; a refusal raises
`Refused`, a repeat of an earlier entry `Repeat` (unless `ulang=True`), a
resend of the same `id_entri` `Duplicate`. Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ..codes import say
from ..errors import Duplicate, Refused, Repeat, UsageError
from ..schema.models import Inovasi, Peserta
from ..schema.types import SPARE_CARD
from .latihan import is_practice
from .logwrite import append_entry, header_for, holds_kind_lock, kind_locked, log_path
from .state import Day

__all__ = ["Duplicate", "Refused", "Repeat"]  # the family lives in errors.py; re-exported for the desks

ID_LIKE = re.compile(r"^[A-Za-z]{1,4}-[A-Za-z0-9-]*\d$")
YEAR = re.compile(r"^\d{4}$")
NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
ID_ENTRI = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # as IdEntri in schema.types


def search_peserta(day: Day, text: str, limit: int = 20) -> list[Peserta]:
    """Participants whose name, village or kecamatan contains every word of `text`."""
    words = text.lower().split()
    if not words:
        return []
    by_name, by_place = [], []
    for peserta in day.all_peserta():
        name = f"{peserta.id} {peserta.nama}".lower()
        if all(word in name for word in words):
            by_name.append(peserta)
            continue
        haystack = " ".join([name, day.desa_label(peserta.desa), peserta.instansi or ""]).lower()
        if all(word in haystack for word in words):
            by_place.append(peserta)
    return (by_name + by_place)[:limit]  # a name match first: "bulu" is a person before a kecamatan


def search_desa(day: Day, text: str, limit: int = 20) -> list[str]:
    """Village codes whose code, name or kecamatan contains every word of `text`; a code, or a
    village's exact name ("Bulu", "desa bulu"), is the one meant, not every village of Kec. Bulu."""
    words = text.lower().split()
    text = text.strip()
    if text in day.desa:
        return [text]
    name = text.casefold().removeprefix("desa ").strip()
    exact = [kode for kode, desa in day.desa.items() if desa.nama.casefold() == name]
    if exact:
        return exact[:limit]
    return [kode for kode in day.desa
            if all(word in f"{kode} {day.desa_label(kode)}".lower() for word in words)][:limit]


@dataclass
class Recorded:
    """One entry written (a stamp, a rating or an idea) and where."""

    file: str
    entry: dict[str, Any]
    peserta: Peserta | None = None
    inovasi: Inovasi | None = None


def normal_phone(telepon: str | None) -> str | None:
    """A phone typed at the desk, written the way `bursa impor` writes it (081234567001)."""
    from ..impor.values import BadValue, phone

    if not (telepon or "").strip():
        return None
    try:
        return phone(telepon)
    except BadValue as error:
        raise Refused.coded("BUR-M006", sebab=error) from None


def known_desa(day: Day, desa: str) -> str:
    kode = desa.strip()
    if kode not in day.desa:
        raise Refused.coded("BUR-M007", desa=kode)
    return kode


def known_peserta(day: Day, peserta_id: str) -> Peserta:
    """The listed participant or walk-in with this id; refused, with the reason, when there is none."""
    peserta = day.peserta(peserta_id or "")
    if peserta is None and is_practice(peserta_id) and not day.gladi:  # a rehearsal's card on the day
        raise Refused(**say("BUR-G003", peserta=peserta_id.strip().upper()))
    if peserta is None and SPARE_CARD.match((peserta_id or "").strip().upper()):
        raise Refused.coded("BUR-M008", kartu=peserta_id.strip().upper())
    if peserta is None:
        raise Refused(f"Id peserta '{(peserta_id or '').strip()}' tidak dikenal "  # teks bebas: kode H002 validasi, dihitung rekap gladi
                      "(tidak ada di peserta.yaml maupun di log registrasi).", code="BUR-H002")
    return peserta


def menu_inovasi(day: Day, inovasi_id: str) -> Inovasi:
    found = day.inovasi(inovasi_id or "")
    if found is None:
        if (inovasi_id or "").strip() in day.event.inovasi_by_id:
            raise Refused.coded("BUR-M010", inovasi=inovasi_id.strip())
        raise Refused(f"Inovasi '{(inovasi_id or '').strip()}' tidak ada di inovasi.yaml.",  # teks bebas: kode H004 validasi
                      code="BUR-H004")
    return found


def check_name(name: str, option: str = "--perangkat") -> None:
    """Refuse a device name that cannot name a log file; desks call it before their loop starts."""
    if not name or not NAME_OK.match(name):
        raise UsageError.coded("BUR-M005", pilihan=option, nama=name)


def entry_of(day: Day, id_entri: str | None, **fields: Any) -> dict[str, Any]:
    """A log entry: the time first, then the fields that have a value, the client's id last."""
    entry: dict[str, Any] = {"waktu": day.now()}
    entry.update((key, value) for key, value in fields.items() if value is not None)
    if id_entri:
        entry["id_entri"] = id_entri
    return entry


def record_entry(day: Day, kind: str, name: str, decide: Callable[[], dict[str, Any] | None],
                 written: list[dict[str, Any]] | None = None) -> str | None:
    """Check, then check again and append under the lock of the whole kind.

    Why twice: the first check refuses without touching the disk; the second,
    under the lock, sees what another desk wrote a moment ago, so a stamp, a
    check-in or a card is never recorded twice by two desks at once. `decide`
    returns the entry, or None when nothing is to be written; the day is refreshed
    before the second call. When this thread held the lock already (the laptop
    induk writes a batch under it), the action's own look at the logs was made
    under the lock, so the first check stands. Every action therefore looks at
    the kind it writes before it checks.
    """
    held_before = holds_kind_lock(day.base, kind)
    entry = decide()
    if entry is None:
        return None
    if held_before:
        shown = _write(day, kind, name, entry)
    else:
        with kind_locked(day.base, kind):
            day.refresh((kind,))
            entry = decide()
            if entry is None:
                return None
            shown = _write(day, kind, name, entry)
    if written is not None:
        written.append(entry)
    return shown


def check_resent(day: Day, kind: str, id_entri: str | None, **key: Any) -> None:
    """A resend of an entry already written raises `Duplicate`; the same id on another entry is refused."""
    if id_entri is None:
        return
    if not ID_ENTRI.match(id_entri):
        raise Refused.coded("BUR-M003", id_entri=id_entri)
    found = day.sent_before(id_entri)
    if found is None:
        return
    found_kind, seen, data = found
    if found_kind == kind and all(str(data.get(field)) == str(value) for field, value in key.items()):
        raise Duplicate(seen)
    raise Refused.coded("BUR-M004", id_entri=id_entri, berkas=seen.file, baris=seen.line)


def _write(day: Day, kind: str, name: str, entry: dict[str, Any]) -> str:
    path = log_path(day.base, kind, name)
    day.take_written(kind, append_entry(path, entry, header_for(kind, name, day.area.logs)))
    return _shown(day, path)


def _shown(day: Day, path) -> str:
    return path.relative_to(day.root).as_posix()

