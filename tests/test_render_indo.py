"""Indonesian formatting used by every document (bursa_cli.indo)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bursa_cli import indo


@pytest.mark.parametrize("func, args, expected", [
    (indo.tanggal, (date(2026, 11, 12),), "12 November 2026"),
    (indo.tanggal, (date(2027, 1, 1),), "1 Januari 2027"),
    (indo.hari_tanggal, (date(2026, 11, 12),), "Kamis, 12 November 2026"),
    (indo.hari_tanggal, (date(2026, 3, 12),), "Kamis, 12 Maret 2026"),
    (indo.hari_tanggal, (date(2026, 11, 15),), "Minggu, 15 November 2026"),
    (indo.hari_tanggal, (date(2026, 11, 13),), "Jumat, 13 November 2026"),
    (indo.jam, (time(8, 0),), "pukul 08.00 WIB"),
    (indo.jam, (time(13, 30), "WITA"), "pukul 13.30 WITA"),
    (indo.waktu, (time(8, 0), None, "WIB"), "pukul 08.00 WIB s.d. selesai"),
    (indo.waktu, (time(9, 0), time(12, 0), "WIT"), "pukul 09.00 s.d. 12.00 WIT"),
    (indo.rupiah, (25_000_000,), "Rp25.000.000"),
    (indo.rupiah, (0,), "Rp0"),
    (indo.rupiah, (999,), "Rp999"),
    (indo.rupiah, (1_500,), "Rp1.500"),
    (indo.rupiah, (None,), "-"),
    (indo.romawi, (11,), "XI"),
    (indo.romawi, (4,), "IV"),
    (indo.romawi, (9,), "IX"),
    (indo.romawi, (2026,), "MMXXVI"),
    (indo.terbilang, (0,), "nol"),
    (indo.terbilang, (11,), "sebelas"),
    (indo.terbilang, (19,), "sembilan belas"),
    (indo.terbilang, (100,), "seratus"),
    (indo.terbilang, (1_000,), "seribu"),
    (indo.terbilang, (1_250,), "seribu dua ratus lima puluh"),
    (indo.terbilang, (25_000_000,), "dua puluh lima juta"),
    (indo.terbilang, (2_001_000_115,), "dua miliar satu juta seratus lima belas"),
    (indo.nip, ("196805121994031007",), "19680512 199403 1 007"),
    (indo.nip, ("",), ""),
    (indo.pangkat, ("Pembina Tingkat I", "IV/b"), "Pembina Tingkat I (IV/b)"),
    (indo.pangkat, ("Pembina", None), "Pembina"),
    (indo.urutan, (1,), "KESATU"),
    (indo.urutan, (2,), "KEDUA"),
    (indo.urutan, (6,), "KEENAM"),
    (indo.urutan, (11,), "KESEBELAS"),
    (indo.urutan, (12,), "KEDUA BELAS"),
    (indo.huruf, (0,), "a"),
    (indo.huruf, (25,), "z"),
    (indo.huruf, (26,), "aa"),
    (indo.judul, ("DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",), "Dinas Pemberdayaan Masyarakat dan Desa"),
])
def test_format(func, args, expected):
    assert func(*args) == expected


@pytest.mark.parametrize("bad", [0, 4000, -1])
def test_romawi_out_of_range(bad):
    with pytest.raises(ValueError):
        indo.romawi(bad)


@pytest.mark.parametrize("text, singkatan, expected", [
    ("DINAS PEMBERDAYAAN MASYARAKAT DAN DESA", (), "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("DINAS PMD DAN P3A", (), "Dinas PMD dan P3A"),
    ("DINAS PENGENDALIAN PENDUDUK DAN KB", (), "Dinas Pengendalian Penduduk dan KB"),
    ("DINAS PPKB DAN P3A", (), "Dinas PPKB dan P3A"),
    ("DINAS DPMD", (), "Dinas DPMD"),
    ("PENGELOLAAN APBDES DAN BUMDES", (), "Pengelolaan APBDes dan BUMDes"),
    ("TIM PENGGERAK PKK DAN BPD", (), "Tim Penggerak PKK dan BPD"),
    ("PAUD, UMKM DAN TIK", (), "PAUD, UMKM dan TIK"),
    ("PEMBINAAN P2KTD DAN P3MD", (), "Pembinaan P2KTD dan P3MD"),
    ("PID DAN BID OPD", (), "PID dan BID OPD"),
    ("KEMENTERIAN DESA RI", (), "Kementerian Desa RI"),
    ("Dinas Pmd dan Kb", (), "Dinas PMD dan KB"),
    ("DINAS PMD (DPMD)", (), "Dinas PMD (DPMD)"),
    ("UNDANG-UNDANG DESA", (), "Undang-Undang Desa"),
    ("DAN DESA", (), "Dan Desa"),
    ("DINAS SOSIAL DAN PMDES", (), "Dinas Sosial dan Pmdes"),
    ("DINAS SOSIAL DAN PMDES", ("PMDes",), "Dinas Sosial dan PMDes"),
    ("DINSOSPMD KABUPATEN", ("DINSOSPMD",), "DINSOSPMD Kabupaten"),
    ("DESA", ("DPMD",), "Desa"),
])
def test_judul(text, singkatan, expected):
    assert indo.judul(text, singkatan) == expected
