"""Small value types shared by the models: region codes, clock times, yes/no."""

from __future__ import annotations

import re
import string
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Literal

from pydantic import BeforeValidator, PlainSerializer, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

Bidang = Literal["kewirausahaan", "psdm", "infrastruktur"]
BIDANG_LABEL: dict[str, str] = {
    "kewirausahaan": "Pengembangan Ekonomi Lokal dan Kewirausahaan",
    "psdm": "Pengembangan Sumber Daya Manusia",
    "infrastruktur": "Infrastruktur Desa",
}
# The order the bidang are listed in, everywhere (BIDANG_LABEL's order).
BIDANG_ORDER: tuple[str, ...] = tuple(BIDANG_LABEL)
# The one palette of the bidang, for every document and chart (posters, katalog, denah, rekap).
BIDANG_WARNA: dict[str, str] = {"kewirausahaan": "#b45309", "psdm": "#1d4ed8", "infrastruktur": "#15803d"}
BIDANG_SHORT: dict[str, str] = {
    "kewirausahaan": "Kewirausahaan",
    "psdm": "PSDM",
    "infrastruktur": "Infrastruktur",
}

# The fields a letter-number pattern (penomoran.pola) may use.
NOMOR_FIELDS = ("klasifikasi", "urut", "unit", "bulan", "bulan_romawi", "tahun")


def number_pattern_fault(pola: str) -> str | None:
    """What makes `pola` unusable as a letter-number pattern, in Indonesian; None when it is usable."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pola) if name is not None]
    except ValueError:
        return "periksa tanda kurung kurawal { }"
    unknown = [n for n in names if n not in NOMOR_FIELDS]
    if unknown:
        return (f"isian {{{unknown[0]}}} tidak dikenal; yang boleh: "
                + " ".join("{" + f + "}" for f in NOMOR_FIELDS))
    if "urut" not in names:
        return "pola harus memuat {urut} (nomor urut), agar setiap surat bernomor lain"
    return None


ZonaWaktu = Literal["WIB", "WITA", "WIT"]
ZONA_OFFSET_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}


def days_from(when: datetime, tanggal: date, zona: str = "WIB") -> int:
    """Whole days from the event day `tanggal` to the date of `when` in the event's zone
    (-1: the day before, as on the rehearsal; 0: the event day)."""
    if when.tzinfo is not None:
        when = when.astimezone(timezone(timedelta(hours=ZONA_OFFSET_HOURS.get(zona, 7))))
    return (when.date() - tanggal).days

class Doc:
    """Annotation metadata: how docs/referensi-data.md names a value type."""

    def __init__(self, doc_name: str):
        self.doc_name = doc_name


# Patterns are checked by pydantic-core (fast, no Python call per value); the
# message shown for a mismatch is looked up here by `translate`.
PATTERN_MESSAGES: dict[str, str] = {}


def _pattern(regex: str, message: str, doc_name: str):
    PATTERN_MESSAGES[regex] = message
    return Annotated[str, StringConstraints(pattern=regex), Doc(doc_name)]


KodeKabupaten = _pattern(
    r"^\d{2}\.\d{2}$",
    "Kode wilayah kabupaten tidak sah: harus berbentuk 33.23 (kode Kemendagri)",
    'kode kabupaten ("33.23")')
KodeKecamatan = _pattern(
    r"^\d{2}\.\d{2}\.\d{2}$",
    "Kode wilayah kecamatan tidak sah: harus berbentuk 33.23.01 (kode Kemendagri)",
    'kode kecamatan ("33.23.01")')
KodeDesa = _pattern(
    r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
    "Kode wilayah desa tidak sah: harus berbentuk 33.23.01.2001 (kode Kemendagri)",
    'kode desa ("33.23.01.2001")')


def kecamatan_of(kode_desa: str) -> str:
    """'33.23.01.2001' -> '33.23.01'."""
    return kode_desa.rsplit(".", 1)[0]


def is_kelurahan(kode_desa: str) -> bool:
    """The first digit of the last part is 1 for a kelurahan (no village budget)."""
    return kode_desa.rsplit(".", 1)[-1].startswith("1")


_JAM = re.compile(r"^([01]?\d|2[0-3])[.:]([0-5]\d)$")


def _parse_jam(value: object) -> object:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        match = _JAM.match(value.strip())
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    raise PydanticCustomError(  # teks bebas: pesan validator; kode dari pemuat (BUR-S004)
        "jam", "Jam tidak sah: tulis seperti \"08.00\" atau \"13.30\" (dalam tanda kutip)"
    )


_parse_jam.doc_name = "jam (\"08.00\")"
PATTERN_MESSAGES[_JAM.pattern] = "Jam tidak sah: tulis seperti \"08.00\" atau \"13.30\""
Jam = Annotated[
    time,
    BeforeValidator(_parse_jam),
    PlainSerializer(lambda t: t.strftime("%H.%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": _JAM.pattern, "description": "Jam, mis. \"08.00\" (dalam tanda kutip)"}),
]

_TRUE = {"ya", "y", "true", "benar", "sudah"}
_FALSE = {"tidak", "t", "false", "salah", "belum"}


def _parse_ya_tidak(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise PydanticCustomError("ya_tidak", "Harus ya atau tidak (true/false)")  # teks bebas: kode dari pemuat


_parse_ya_tidak.doc_name = "ya/tidak"
YaTidak = Annotated[bool, BeforeValidator(_parse_ya_tidak), WithJsonSchema(
    {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": sorted(_TRUE | _FALSE)}]})]

Id = _pattern(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    "Id hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung, tanpa spasi",
    "id")

# A client-made id per entry, so a desk can resend after a dropped connection without
# the entry being recorded twice (a UUID from the browser, or any 8 to 64 safe characters).
IdEntri = _pattern(
    r"^[A-Za-z0-9_-]{8,64}$",
    "id_entri ditulis 8 sampai 64 huruf, angka, garis bawah atau tanda hubung",
    "id_entri")

LabelKursi = _pattern(
    r"^(Blok [1-9][0-9]* / )?[A-Z]+-[0-9]{2,}$",
    "Kursi ditulis seperti di Kartu ID: B-07, atau Blok 2 / C-05 bila ruang pleno punya beberapa blok",
    'kursi ("B-07", "Blok 2 / C-05")')

# Spare Kartu ID for walk-ins carry a numbered id instead of a name: TAMU-001, TAMU-002 ...
SPARE_CARD = re.compile(r"^TAMU-[0-9]{3,}$")


def spare_card_id(number: int) -> str:
    return f"TAMU-{number:03d}"


def _digits(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        cleaned = value.replace(" ", "")
        if re.fullmatch(r"\d{18}", cleaned):
            return cleaned
        raise PydanticCustomError("nip", "NIP harus 18 angka (boleh ditulis dengan spasi)")  # teks bebas: kode dari pemuat
    return value


_digits.doc_name = "NIP (18 angka)"
Nip = Annotated[str, BeforeValidator(_digits), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": r"^(\d ?){17}\d$"}, {"type": "integer"}],
     "description": "NIP 18 angka"})]
