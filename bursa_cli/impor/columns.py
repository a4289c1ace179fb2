"""Which column holds which field: the usual Indonesian headers, whatever their wording.

Each kind (peserta, inovasi, panitia) has its fields, each with the header the
exporter writes (`label`), exact alternatives and keywords. A header is first
matched exactly (after `norm`), then by keyword, so "Nama Desa" goes to the
village and not to the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DataError, Problem, UsageError
from .sheet import MAX_HEADER_SCAN, Table
from .values import norm, text


@dataclass(frozen=True)
class Column:
    name: str  # the field, as --kolom names it
    label: str  # header written by `bursa ekspor`
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def exact(self) -> tuple[str, ...]:
        return (self.name.replace("_", " "), norm(self.label)) + self.aliases


PESERTA = (
    Column("id", "ID", ("id peserta", "kode peserta")),
    Column("nama", "Nama", ("nama lengkap", "nama peserta", "nama lengkap dan gelar", "nama lengkap gelar",
                            "nama dan gelar"), ("nama",)),
    Column("peran", "Jabatan", ("peran", "jabatan di desa", "kedudukan", "unsur", "status", "jabatan peran"),
           ("jabatan", "peran")),
    Column("desa", "Desa", ("desa kelurahan", "nama desa", "desa kel", "kelurahan desa", "asal desa", "kelurahan",
                            "nama desa kelurahan"), ("desa",)),
    Column("kecamatan", "Kecamatan", ("kec", "nama kecamatan", "asal kecamatan"), ("kecamatan",)),
    Column("kode_desa", "Kode Desa", ("kode wilayah", "kode desa kemendagri", "kode kemendagri"), ("kode desa",)),
    Column("instansi", "Instansi", ("lembaga", "asal instansi", "unit kerja", "asal lembaga", "instansi lembaga"),
           ("instansi",)),
    Column("jabatan", "Keterangan Jabatan", ("jabatan lengkap", "jabatan di instansi", "jabatan instansi")),
    Column("telepon", "No HP", ("no wa", "nomor hp", "no hp wa", "nomor hp wa", "telepon", "no telepon", "no telp",
                                "telp", "hp", "wa", "whatsapp", "nomor whatsapp", "no handphone", "handphone",
                                "ponsel", "kontak", "nomor telepon", "no hp whatsapp", "nomor wa"),
           ("hp", "wa", "telp", "telepon", "whatsapp", "handphone", "ponsel")),
    Column("konfirmasi", "Konfirmasi", ("konfirmasi kehadiran", "kehadiran", "hadir")),
)

INOVASI = (
    Column("id", "ID", ("id inovasi", "kode inovasi")),
    Column("judul", "Judul", ("judul inovasi", "nama inovasi", "inovasi"), ("judul",)),
    Column("bidang", "Bidang", ("bidang inovasi", "bidang pid", "kategori"), ("bidang",)),
    Column("desa_asal", "Desa Asal", ("asal desa", "asal inovasi", "lokasi", "desa asal inovasi", "asal",
                                      "lokasi asal"), ("asal",)),
    Column("opd_pengkaji", "OPD Pengkaji", ("opd", "pengkaji", "opd terkait", "dinas pengkaji", "sektor"),
           ("opd", "pengkaji")),
    Column("ringkasan", "Ringkasan", ("deskripsi", "uraian", "keterangan", "ringkasan inovasi", "gambaran singkat",
                                      "deskripsi singkat"), ("ringkasan", "deskripsi", "uraian")),
    Column("manfaat", "Manfaat", ("manfaat utama",), ("manfaat",)),
    Column("biaya", "Biaya (Rp)", ("perkiraan biaya", "biaya rp", "perkiraan biaya rp", "anggaran", "kisaran biaya",
                                   "biaya"), ("biaya", "anggaran")),
    Column("p2ktd", "P2KTD", ("penyedia p2ktd", "penyedia", "pjlt")),
    Column("dokumen_pembelajaran", "Dokumen Pembelajaran", ("dokumen", "tautan dokumen", "link dokumen"),
           ("dokumen",)),
    Column("keputusan", "Keputusan Sortir", ("sortir", "hasil sortir", "keputusan", "hasil rapat sortir")),
    Column("sortir_opd", "OPD Sortir", ("opd sortir", "opd yang memutuskan", "diputuskan oleh", "opd pemutus",
                                        "opd keputusan")),
    Column("ruang", "Ruang", ("ruang bursa",)),
    Column("meja", "Meja", ("meja konsultasi",)),
)

PANITIA = (
    Column("id", "ID", ("id anggota", "kode anggota")),
    Column("nama", "Nama", ("nama lengkap", "nama lengkap dan gelar", "nama anggota", "nama dan gelar",
                            "nama lengkap gelar", "nama nip"), ("nama",)),
    Column("nip", "NIP", ("nomor induk pegawai", "nip nrp"), ("nip",)),
    Column("pangkat_gol", "Pangkat/Gol", ("pangkat gol", "pangkat golongan", "pangkat gol ruang",
                                          "pangkat golongan ruang", "pangkat gol ruang"), ()),
    Column("pangkat", "Pangkat", (), ("pangkat",)),
    Column("golongan", "Golongan", ("gol", "gol ruang", "golongan ruang"), ("golongan",)),
    Column("jabatan", "Jabatan", ("jabatan dinas", "jabatan di instansi", "jabatan instansi"), ("jabatan",)),
    Column("opd", "OPD/Instansi", ("opd instansi", "instansi", "unit kerja", "asal opd", "instansi asal",
                                   "asal instansi", "opd"), ("opd", "instansi")),
    Column("tim", "Tim", ("keanggotaan", "tim inovasi"), ()),
    Column("kedudukan", "Kedudukan", ("kedudukan dalam tim", "jabatan dalam tim", "posisi", "tugas",
                                      "kedudukan dalam panitia"), ("kedudukan",)),
    Column("jendela", "Jendela", ("jendela tugas",)),
    Column("ruang", "Ruang", ("ruang tugas",)),
    Column("meja", "Meja", ("meja konsultasi",)),
    Column("telepon", "No HP", PESERTA[8].aliases, PESERTA[8].keywords),
)

KINDS: dict[str, tuple[Column, ...]] = {"peserta": PESERTA, "inovasi": INOVASI, "panitia": PANITIA}
KEY_FIELD = {"peserta": "nama", "inovasi": "judul", "panitia": "nama"}
# Headers that are known but carry nothing to import (they still help find the header row).
IGNORED = {"no", "baris asal", "no urut", "nomor", "nomor urut", "urut", "ttd", "tanda tangan", "paraf", "keterangan ditolak",
           "alasan ditolak", "timestamp", "cap waktu", "stempel waktu"}


@dataclass
class Mapping:
    """The header row found and which column each field was read from."""

    header_row: int
    headers: list[str]  # header text per column (0-based index)
    fields: dict[str, int] = field(default_factory=dict)  # field -> column index
    how: dict[str, str] = field(default_factory=dict)  # field -> "otomatis" | "--kolom"

    def header_of(self, name: str) -> str:
        return self.headers[self.fields[name]]

    def unused(self) -> list[str]:
        used = set(self.fields.values())
        return [h for i, h in enumerate(self.headers) if h and i not in used and norm(h) not in IGNORED]


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def parse_overrides(kind: str, pairs: list[str]) -> dict[str, str]:
    """['telepon=Nomor WA'] -> {'telepon': 'Nomor WA'}; unknown fields are a usage error."""
    known = {c.name for c in KINDS[kind]}
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or not header.strip():
            raise UsageError.coded("BUR-I103", pasangan=pair)
        if name not in known:
            raise UsageError.coded("BUR-I104", isian=name, jenis=kind, daftar=", ".join(sorted(known)))
        out[name] = header.strip()
    return out


def _exact_owners(kind: str, header: str) -> list[str]:
    key = norm(header)
    return [c.name for c in KINDS[kind] if key in c.exact()]


def _keyword_owners(kind: str, header: str) -> list[str]:
    key = f" {norm(header)} "
    return [c.name for c in KINDS[kind] if any(f" {word} " in key for word in c.keywords)]


def _score(kind: str, cells: list[object], overrides: dict[str, str]) -> int:
    wanted = {norm(h) for h in overrides.values()}
    score = 0
    for cell in cells:
        header = text(cell)
        if not header or len(header) > 60:
            continue
        key = norm(header)
        if key in wanted or key in IGNORED or _exact_owners(kind, header):
            score += 2
        elif _keyword_owners(kind, header):
            score += 1
    return score


def map_columns(kind: str, table: Table, overrides: dict[str, str]) -> tuple[Mapping, int]:
    """Find the header row and map fields to columns; returns the mapping and the row's index in `table.rows`."""
    best_index, best_score = -1, 0
    for index, (_, cells) in enumerate(table.rows[:MAX_HEADER_SCAN]):
        score = _score(kind, cells, overrides)
        if score > best_score:
            best_index, best_score = index, score
    key_field = KEY_FIELD[kind]
    key_label = next(c.label for c in KINDS[kind] if c.name == key_field)
    if best_index < 0 or best_score < 3:
        raise DataError.coded("BUR-I105",
                              problems=[Problem(f"Tidak ada baris berisi judul kolom yang dikenal (mis. '{key_label}') " f"di {MAX_HEADER_SCAN} baris pertama.", file=table.shown, line=1, column=1, code="BUR-I009")],
                              berkas=table.shown)
    number, cells = table.rows[best_index]
    headers = [text(c) for c in cells]
    mapping = Mapping(header_row=number, headers=headers)
    taken: set[int] = set()
    for name, wanted in overrides.items():
        index = _find_header(headers, wanted)
        if index is None:
            raise UsageError.coded("BUR-I106", isian=name, judul=wanted, baris=number, berkas=table.shown,
                                   daftar=", ".join(f"'{h}'" for h in headers if h))
        mapping.fields[name], mapping.how[name] = index, "--kolom"
        taken.add(index)
    # Field by field, each trying its own names in order, so "Peran" + "Jabatan"
    # go to peran and jabatan whichever comes first in the sheet.
    keys = [norm(h) if h and norm(h) not in IGNORED else "" for h in headers]
    for exact in (True, False):
        for column in KINDS[kind]:
            if column.name in mapping.fields:
                continue
            for word in column.exact() if exact else column.keywords:
                index = next((i for i, key in enumerate(keys) if key and i not in taken and (
                    key == word if exact else f" {word} " in f" {key} ")), None)
                if index is not None:
                    mapping.fields[column.name], mapping.how[column.name] = index, "otomatis"
                    taken.add(index)
                    break
    if key_field not in mapping.fields:
        raise DataError.coded("BUR-I107",
                              problems=[Problem(f"Judul kolom di baris {number}: " + ", ".join(f"'{h}'" for h in headers if h) + ".", file=table.shown, line=number, column=1, code="BUR-I009")],
                              kolom=key_label, berkas=table.shown, isian=key_field)
    return mapping, best_index


def _find_header(headers: list[str], wanted: str) -> int | None:
    key = norm(wanted)
    for index, header in enumerate(headers):
        if header and norm(header) == key:
            return index
    if re.fullmatch(r"[A-Za-z]{1,2}", wanted.strip()):
        letters = wanted.strip().upper()
        for index in range(max(len(headers), 1)):
            if column_letter(index) == letters:
                return index
    return None
