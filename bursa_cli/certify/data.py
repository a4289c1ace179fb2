"""What goes on each certificate: one per village whose Kartu Komitmen was recorded.

Photos follow a convention rather than a field: `foto/<kode desa>.jpg` (or
.jpeg/.png) in the event folder, e.g. `foto/33.23.01.2001.jpg`. The officer at
Jendela 3 drops the photo there; a village without one gets no photo slot.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import DataError, Problem, UsageError
from ..recap.build import latest_cards, resolve_kecamatan
from ..schema.event import Event, locate
from ..schema.types import BIDANG_LABEL, kecamatan_of
from ..safepath import event_file
from .codes import event_id, load_key, make_code

PHOTO_DIR = "foto"
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png")


@dataclass
class Butir:
    id: str
    judul: str
    bidang: str
    bidang_label: str


@dataclass
class Sertifikat:
    """One certificate, as plain data (it crosses process boundaries and is hashed)."""

    desa_kode: str
    desa: str
    kecamatan: str
    kepala_desa: str
    inovasi: list[Butir]
    tahun_apbdes: int
    kode: str
    foto: str | None = None  # path relative to the event folder
    tautan: str = ""  # what the QR holds: the page address with the code, or the code

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Gathered:
    certificates: list[Sertifikat]
    problems: list[Problem] = field(default_factory=list)
    unsigned: list[Problem] = field(default_factory=list)  # villages left out: their card lacks a signature

SKIP_OPTION = "--lewati-belum-lengkap"


def photo_of(root: Path, kode: str) -> str | None:
    for ext in PHOTO_EXTENSIONS:
        candidate = Path(root) / PHOTO_DIR / f"{kode}{ext}"
        if event_file(root, candidate):  # never a symlink to a photo elsewhere on the laptop
            return f"{PHOTO_DIR}/{kode}{ext}"
    return None


def certificate_of(event: Event, card, key: bytes, kepala: dict[str, str],
                   problems: list[Problem]) -> Sertifikat | None:
    """The certificate one Kartu Komitmen earns (None when its village is unknown)."""
    acara = event.acara
    base_url = (acara.dokumen.alamat_verifikasi or "").strip()
    kode = card.desa
    village = event.desa_by_kode.get(kode)
    if village is None:
        problems.append(locate(card, f"Desa {kode} tidak ada di desa.yaml.", "desa", value=kode))
        return None
    items = []
    for ino_id in dict.fromkeys(card.inovasi):
        ino = event.inovasi_by_id.get(ino_id)
        if ino is None:
            problems.append(locate(card, f"Inovasi {ino_id} tidak ada di inovasi.yaml.", "inovasi",
                                   value=ino_id))
            continue
        items.append(Butir(ino.id, ino.judul, ino.bidang, BIDANG_LABEL[ino.bidang]))
    code = make_code(key, event_id(acara), kode, [b.id for b in items], card.tahun_apbdes)
    return Sertifikat(
        desa_kode=kode, desa=village.nama, kecamatan=event.kecamatan_of_desa(kode),
        kepala_desa=kepala.get(kode, ""), inovasi=items, tahun_apbdes=card.tahun_apbdes, kode=code,
        foto=photo_of(Path(event.root), kode), tautan=f"{base_url}#{code}" if base_url else code,
    )


def collect(event: Event, desa: list[str] | None = None, kecamatan: list[str] | None = None,
            key: bytes | None = None) -> Gathered:
    """The certificates of `event` (the card in force per village), in kode order, optionally filtered.

    A village whose card in force lacks a signature gets no certificate; it is
    listed in `unsigned` instead (see `refuse_unsigned`).
    """
    key = key if key is not None else load_key(Path(event.root), create=False)  # made by `bursa init`
    cards = latest_cards(event.komitmen)
    wanted = _wanted_desa(event, desa, kecamatan, cards)
    kepala = event.kepala_desa_nama
    problems: list[Problem] = []
    unsigned: list[Problem] = []
    out = []
    for kode in sorted(cards):
        if wanted is not None and kode not in wanted:
            continue
        card = cards[kode]
        if not (card.ttd_kepala_desa and card.ttd_ketua_bpd):
            unsigned.append(_unsigned(event, card))
            continue
        cert = certificate_of(event, card, key, kepala, problems)
        if cert is not None:
            out.append(cert)
    return Gathered(out, problems, unsigned)


def _unsigned(event: Event, card) -> Problem:
    """Why a village gets no certificate: its card in force misses a signature (at the card's line)."""
    who = [name for name, signed in (("Kepala Desa", card.ttd_kepala_desa), ("Ketua BPD", card.ttd_ketua_bpd))
           if not signed]
    village = event.desa_by_kode.get(card.desa)
    name = village.nama if village else card.desa
    return locate(card, f"Kartu Komitmen Desa {name} belum ditandatangani {' dan '.join(who)}; "
                  "sertifikatnya tidak dicetak.", "ttd_kepala_desa" if not card.ttd_kepala_desa else "ttd_ketua_bpd")


def refuse_unsigned(gathered: Gathered, skip: bool = False) -> list[Problem]:
    """Refuse to print while a card in force lacks a signature; with `skip`, the villages left out.

    Why refuse by default: a Kartu Komitmen binds the village only when both the
    Kepala Desa and the Ketua BPD signed it, so its certificate waits for the
    signed card; printing the others is a deliberate choice (`SKIP_OPTION`).
    """
    if gathered.unsigned and not skip:
        raise DataError.coded("BUR-C107", problems=list(gathered.unsigned), jumlah=len(gathered.unsigned),
                              pilihan=SKIP_OPTION)
    return list(gathered.unsigned)


def _wanted_desa(event: Event, desa: list[str] | None, kecamatan: list[str] | None,
                 cards: dict) -> set[str] | None:
    if not desa and not kecamatan:
        return None
    wanted: set[str] = set()
    if kecamatan:
        codes = set(resolve_kecamatan(event, kecamatan))
        wanted |= {kode for kode in cards if kecamatan_of(kode) in codes}
    by_name: dict[str, list[str]] = {}
    for village in event.desa:
        by_name.setdefault(village.nama.casefold(), []).append(village.kode)
    for typed in desa or []:
        text = typed.strip()
        if text in event.desa_by_kode:
            found = [text]
        else:
            found = by_name.get(text.casefold().removeprefix("desa ").strip(), [])
        if not found:
            raise UsageError.coded("BUR-C108", desa=typed)
        if len(found) > 1:
            raise UsageError.coded("BUR-C109", jumlah=len(found), desa=typed, daftar=', '.join(found))
        missing = [k for k in found if k not in cards]
        if missing:
            raise UsageError.coded("BUR-C110", desa=typed)
        wanted |= set(found)
    return wanted
