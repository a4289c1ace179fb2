"""Find a row's village: in the event's desa.yaml, then in the official code list.

A match must be exact after normalising case, spaces and prefixes ("Ds.",
"Desa", "Kel."). Anything close but not equal ("Suka Maju" for "Sukamaju") is
offered as a suggestion in the problem and never applied silently: two
villages with near names are common in one kabupaten.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..schema.types import is_kelurahan, kecamatan_of
from .sheet import decode
from .values import BadValue, norm

_DESA_PREFIX = re.compile(r"^(?:desa kelurahan|kelurahan|desa|ds|kel|dsa|pemdes|pemerintah desa) ")
_KEC_PREFIX = re.compile(r"^(?:kecamatan|kec) ")
_KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


def village_key(name: str) -> str:
    """'Ds. Mekarsari' / 'MEKARSARI ' -> 'mekarsari'; 'Suka Maju' stays 'suka maju'."""
    key = norm(name)
    while True:
        stripped = _DESA_PREFIX.sub("", key)
        if stripped == key:
            return key
        key = stripped


def kecamatan_key(name: str) -> str:
    return _KEC_PREFIX.sub("", norm(name))


@dataclass
class Village:
    kode: str
    nama: str
    official_only: bool = False  # found only in the official list: to be added to desa.yaml


@dataclass
class Villages:
    """Look-up of villages by normalised name, for one event."""

    kecamatan: dict[str, str]  # kode -> nama, the event's kecamatan
    by_key: dict[str, list[Village]] = field(default_factory=dict)
    by_kode: dict[str, Village] = field(default_factory=dict)
    official: dict[str, list[Village]] = field(default_factory=dict)
    official_by_kode: dict[str, Village] = field(default_factory=dict)

    @classmethod
    def build(cls, desa: list, kecamatan: dict[str, str], official_csv: Path | None = None,
              kabupaten: str = "") -> "Villages":
        found = cls(kecamatan=dict(kecamatan))
        for item in desa:
            village = Village(item.kode, item.nama)
            found.by_kode[item.kode] = village
            found.by_key.setdefault(village_key(item.nama), []).append(village)
        if official_csv is not None:
            found._read_official(Path(official_csv))
        return found

    def _read_official(self, path: Path) -> None:
        if not path.is_file():
            raise UsageError.coded("BUR-I147", berkas=path)
        rows = csv.reader(decode(path.read_bytes()).splitlines())
        wanted = tuple(k + "." for k in self.kecamatan)
        for row in rows:
            if len(row) < 2:
                continue
            kode, nama = row[0].strip(), row[1].strip()
            if not _KODE_DESA.match(kode) or not kode.startswith(wanted) or kode in self.by_kode:
                continue
            village = Village(kode, nama, official_only=True)
            self.official_by_kode[kode] = village
            self.official.setdefault(village_key(nama), []).append(village)

    def kecamatan_code(self, name: str) -> str:
        """The event's kecamatan named `name` (code or name); BadValue when none."""
        value = name.strip()
        if value in self.kecamatan:
            return value
        key = kecamatan_key(value)
        for kode, nama in self.kecamatan.items():
            if kecamatan_key(nama) == key:
                return kode
        close = difflib.get_close_matches(key, [kecamatan_key(n) for n in self.kecamatan.values()], n=1, cutoff=0.75)
        hint = ""
        if close:
            hint = " Mungkin maksudnya '" + next(n for n in self.kecamatan.values() if kecamatan_key(n) == close[0]) + "'?"
        raise BadValue.coded("BUR-I148", isi=value, saran=hint)

    def find(self, name: str, kecamatan: str = "", kode: str = "") -> Village:
        """The village meant by a row; BadValue (with suggestions) when not exactly one."""
        if kode:
            kode = kode.strip()
            village = self.by_kode.get(kode) or self.official_by_kode.get(kode)
            if village is None:
                raise BadValue.coded("BUR-I141", kode=kode,
                                     bentuk="" if _KODE_DESA.match(kode) else " (bentuknya harus seperti 33.23.01.2001)")
            if name and village_key(name) != village_key(village.nama):
                raise BadValue.coded("BUR-I142", kode=kode, nama=village.nama, ditulis=name)
            return self._usable(village, name)
        key = village_key(name)
        kec = self.kecamatan_code(kecamatan) if kecamatan else ""
        for pool in (self.by_key, self.official):
            candidates = pool.get(key, [])
            if not candidates:
                continue
            inside = [v for v in candidates if not kec or kecamatan_of(v.kode) == kec]
            if len(inside) == 1:
                return self._usable(inside[0], name)
            if not inside:
                where = ", ".join(self._kec_name(v.kode) for v in candidates)
                raise BadValue.coded("BUR-I143", desa=name, kecamatan=self.kecamatan[kec], tempat=where)
            where = ", ".join(f"{self._kec_name(v.kode)} ({v.kode})" for v in inside)
            raise BadValue.coded("BUR-I144", desa=name, tempat=where)
        raise BadValue.coded("BUR-I145", desa=name,
                             sumber=" maupun daftar kode wilayah" if self.official_by_kode else "",
                             saran=self._suggest(key, kec))

    def _usable(self, village: Village, name: str) -> Village:
        if village.official_only and is_kelurahan(village.kode):
            raise BadValue.coded("BUR-I146", nama=name or village.nama, kode=village.kode)
        return village

    def _kec_name(self, kode: str) -> str:
        return self.kecamatan.get(kecamatan_of(kode), kecamatan_of(kode))

    def _suggest(self, key: str, kec: str) -> str:
        pools = [v for vs in list(self.by_key.values()) + list(self.official.values()) for v in vs
                 if not kec or kecamatan_of(v.kode) == kec]
        compact = key.replace(" ", "")
        scored: list[tuple[float, Village]] = []
        for village in pools:
            other = village_key(village.nama)
            if other.replace(" ", "") == compact:
                scored.append((1.0, village))
                continue
            ratio = difflib.SequenceMatcher(None, key, other).ratio()
            if ratio >= 0.8:
                scored.append((ratio, village))
        if not scored:
            return ""
        scored.sort(key=lambda item: -item[0])
        names = [f"'{v.nama}' (Kec. {self._kec_name(v.kode)})" for _, v in scored[:3]]
        return " Mungkin maksudnya " + " atau ".join(names) + "?"
