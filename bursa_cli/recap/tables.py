"""The recap as named tables with typed columns: one shape for XLSX, CSV, JSON and PDF.

Each column has a kind so every export can treat it right: numbers stay
numbers in Excel, Rupiah gets its number format, yes/no is written in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .build import Recap, bidang_short

TEXT, INT, DECIMAL, RUPIAH, LIST, YESNO, YEAR = (
    "teks", "angka", "desimal", "rupiah", "daftar", "ya_tidak", "tahun")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    width: int = 14  # characters, for the XLSX column
    screen: bool = True  # shown in the terminal table (which is narrower than a sheet)


@dataclass
class Table:
    name: str  # file and sheet name (short, no spaces)
    title: str
    columns: list[Column]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column key (lists kept as lists), for JSON."""
        return [dict(zip((c.key for c in self.columns), row)) for row in self.rows]


def _table(name: str, title: str, columns: list[Column], items: list, getters: list[Callable]) -> Table:
    return Table(name, title, columns, [[get(item) for get in getters] for item in items])


def recap_tables(recap: Recap) -> list[Table]:
    """The views, in the order of the workbook's sheets."""
    views = (_summary_table, _desa_table, _kecamatan_table, _inovasi_table, _bidang_table, _p2ktd_table, _ide_table,
             _tanpa_komitmen_table)
    return [view(recap) for view in views]


def _summary_table(recap: Recap) -> Table:
    s = recap.ringkasan
    return Table("ringkasan", "Ringkasan", [
        Column("uraian", "Uraian", TEXT, 42), Column("jumlah", "Jumlah", INT, 18)], [
        ["Desa diundang", s.desa_diundang],
        ["Desa hadir", s.desa_hadir],
        ["Peserta desa hadir", s.peserta_hadir],
        ["Desa berkomitmen (Kartu Komitmen)", s.desa_komitmen],
        ["Komitmen inovasi", s.komitmen],
        ["Konsultasi (stempel)", s.stempel],
        ["Kartu Ide", s.ide],
        ["Inovasi di menu", s.inovasi_menu],
        ["Perkiraan anggaran replikasi (Rp)", s.perkiraan_anggaran],
    ])


def _desa_table(recap: Recap) -> Table:
    return _table("desa", "Rekap per desa", [
        Column("kode", "Kode desa", TEXT, 15, False), Column("desa", "Desa", TEXT, 20),
        Column("kecamatan", "Kecamatan", TEXT, 18), Column("hadir", "Hadir", YESNO, 7),
        Column("peserta_hadir", "Peserta hadir", INT, 9, False), Column("stempel", "Stempel", INT, 9),
        Column("komitmen", "Jumlah komitmen", INT, 11), Column("inovasi_id", "Id inovasi", LIST, 22),
        Column("inovasi", "Inovasi dikomitmenkan", LIST, 60, False),
        Column("tahun_apbdes", "Tahun APBDes", YEAR, 9, False),
        Column("ttd_kepala_desa", "TTD Kades", YESNO, 8, False),
        Column("ttd_ketua_bpd", "TTD Ketua BPD", YESNO, 8, False), Column("ide", "Kartu Ide", INT, 8),
    ], recap.desa, [
        lambda r: r.kode, lambda r: r.nama, lambda r: r.kecamatan, lambda r: r.hadir,
        lambda r: r.peserta_hadir, lambda r: r.stempel, lambda r: r.komitmen,
        lambda r: r.inovasi, lambda r: r.judul, lambda r: r.tahun_apbdes,
        lambda r: r.ttd_kepala_desa, lambda r: r.ttd_ketua_bpd, lambda r: r.ide,
    ])


def _kecamatan_table(recap: Recap) -> Table:
    return _table("kecamatan", "Rekap per kecamatan", [
        Column("kode", "Kode", TEXT, 11, False), Column("kecamatan", "Kecamatan", TEXT, 20),
        Column("desa", "Desa", INT, 8), Column("desa_hadir", "Desa hadir", INT, 10),
        Column("desa_komitmen", "Desa berkomitmen", INT, 12), Column("komitmen", "Komitmen inovasi", INT, 12),
        Column("stempel", "Stempel", INT, 9), Column("ide", "Kartu Ide", INT, 9),
    ], recap.kecamatan, [
        lambda r: r.kode, lambda r: r.nama, lambda r: r.desa, lambda r: r.desa_hadir,
        lambda r: r.desa_komitmen, lambda r: r.komitmen, lambda r: r.stempel, lambda r: r.ide,
    ])


def _inovasi_table(recap: Recap) -> Table:
    return _table("inovasi", "Rekap per inovasi", [
        Column("id", "Id", TEXT, 10, False), Column("judul", "Inovasi", TEXT, 44), Column("bidang", "Bidang", TEXT, 14),
        Column("desa_komitmen", "Desa berkomitmen", INT, 12), Column("konsultasi", "Konsultasi", INT, 11),
        Column("nilai_rata", "Nilai rata-rata", DECIMAL, 10), Column("jumlah_nilai", "Jumlah penilai", INT, 10, False),
        Column("biaya", "Biaya per desa", RUPIAH, 16, False), Column("perkiraan_anggaran", "Perkiraan anggaran", RUPIAH, 18, False),
        Column("desa", "Desa yang berkomitmen", LIST, 50, False),
    ], recap.inovasi, [
        lambda r: r.id, lambda r: r.judul, lambda r: bidang_short(r.bidang), lambda r: r.desa_komitmen,
        lambda r: r.konsultasi, lambda r: r.nilai_rata, lambda r: r.jumlah_nilai, lambda r: r.biaya,
        lambda r: r.perkiraan_anggaran, lambda r: r.desa,
    ])


def _bidang_table(recap: Recap) -> Table:
    return _table("bidang", "Rekap per bidang", [
        Column("bidang", "Bidang", TEXT, 46), Column("inovasi_menu", "Inovasi di menu", INT, 12),
        Column("komitmen", "Komitmen inovasi", INT, 12), Column("desa_komitmen", "Desa berkomitmen", INT, 12),
        Column("ide", "Kartu Ide", INT, 10),
    ], recap.bidang, [
        lambda r: r.label, lambda r: r.inovasi_menu, lambda r: r.komitmen, lambda r: r.desa_komitmen,
        lambda r: r.ide,
    ])


def _p2ktd_table(recap: Recap) -> Table:
    return _table("p2ktd", "Tindak lanjut per P2KTD", [
        Column("p2ktd", "Id P2KTD", TEXT, 11, False), Column("nama", "Penyedia (P2KTD)", TEXT, 34),
        Column("kontak", "Kontak", TEXT, 26), Column("desa_kode", "Kode desa", TEXT, 15, False),
        Column("desa", "Desa", TEXT, 20), Column("kecamatan", "Kecamatan", TEXT, 18),
        Column("inovasi", "Id inovasi", TEXT, 10, False), Column("judul", "Inovasi", TEXT, 40),
        Column("bidang", "Bidang", TEXT, 14, False),
    ], recap.p2ktd, [
        lambda r: r.p2ktd, lambda r: r.nama, lambda r: r.kontak, lambda r: r.desa_kode, lambda r: r.desa,
        lambda r: r.kecamatan, lambda r: r.inovasi, lambda r: r.judul, lambda r: bidang_short(r.bidang),
    ])


def _ide_table(recap: Recap) -> Table:
    return _table("ide", "Kartu Ide (calon menu baru)", [
        Column("judul", "Usulan inovasi", TEXT, 40), Column("bidang", "Bidang", TEXT, 14),
        Column("serupa", "Usulan serupa", INT, 9), Column("desa", "Desa", TEXT, 20),
        Column("kecamatan", "Kecamatan", TEXT, 18), Column("pengusul", "Pengusul", TEXT, 24, False),
        Column("uraian", "Uraian", TEXT, 60, False),
    ], recap.ide, [
        lambda r: r.judul, lambda r: bidang_short(r.bidang) if r.bidang else "", lambda r: r.serupa,
        lambda r: r.desa, lambda r: r.kecamatan, lambda r: r.pengusul, lambda r: r.uraian,
    ])


def _tanpa_komitmen_table(recap: Recap) -> Table:
    return _table("tanpa_komitmen", "Desa hadir tanpa komitmen", [
        Column("kode", "Kode desa", TEXT, 15, False), Column("desa", "Desa", TEXT, 20),
        Column("kecamatan", "Kecamatan", TEXT, 18), Column("peserta", "Peserta hadir", LIST, 50),
        Column("stempel", "Stempel", INT, 9),
    ], recap.tanpa_komitmen, [
        lambda r: r.kode, lambda r: r.nama, lambda r: r.kecamatan, lambda r: r.peserta, lambda r: r.stempel,
    ])


def cell_text(value: Any, kind: str, decimal: str = ".") -> str:
    """A value as text for CSV and tables: lists joined, yes/no in words, Rupiah plain digits.

    `decimal` is "," for the semicolon CSV, since Excel set to Indonesian reads 4,25.
    """
    if value is None:
        return ""
    if kind == LIST:
        return "; ".join(str(v) for v in value)
    if kind == YESNO:
        return "ya" if value else "tidak"
    if kind == DECIMAL:
        return f"{value:.2f}".replace(".", decimal)
    return str(value)
