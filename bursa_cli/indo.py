"""Indonesian ways of writing dates, times, money and numbers.

Pure functions, no imports beyond the standard library, so the rekap and the
terminal can use them as well as the templates (where they are Jinja filters).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Iterable

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


def tanggal(value: date | datetime) -> str:
    """date(2026, 11, 12) -> "12 November 2026"."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def hari(value: date | datetime) -> str:
    """date(2026, 11, 12) -> "Kamis"."""
    return HARI[value.weekday()]


def hari_tanggal(value: date | datetime) -> str:
    """date(2026, 11, 12) -> "Kamis, 12 November 2026"."""
    return f"{hari(value)}, {tanggal(value)}"


def bulan(value: date | datetime) -> str:
    """date(2026, 11, 12) -> "November"."""
    return BULAN[value.month - 1]


def jam_angka(value: time | datetime) -> str:
    """time(8, 0) -> "08.00" (Indonesian writes a dot between hours and minutes)."""
    return f"{value.hour:02d}.{value.minute:02d}"


def jam(value: time | datetime, zona: str = "WIB") -> str:
    """time(8, 0) -> "pukul 08.00 WIB"."""
    return f"pukul {jam_angka(value)} {zona}".rstrip()


def waktu(mulai: time, selesai: time | None = None, zona: str = "WIB") -> str:
    """The time span of a meeting: "pukul 08.00 WIB s.d. selesai" or "pukul 08.00 s.d. 12.00 WIB"."""
    if selesai is None:
        return f"{jam(mulai, zona)} s.d. selesai"
    return f"pukul {jam_angka(mulai)} s.d. {jam_angka(selesai)} {zona}".rstrip()


def ribuan(value: int) -> str:
    """25000000 -> "25.000.000"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", ".")


def rupiah(value: int | None, kosong: str = "-") -> str:
    """25000000 -> "Rp25.000.000" (no space, dots between thousands)."""
    if value is None:
        return kosong
    return ("-Rp" if value < 0 else "Rp") + ribuan(abs(value))


def rupiah_singkat(value: int) -> str:
    """1400000000 -> "Rp1,4 M"; 595000000 -> "Rp595 jt"; 750000 -> "Rp750.000" (for short evidence lines)."""
    for unit, word in ((10**12, "T"), (10**9, "M"), (10**6, "jt")):
        if abs(value) >= unit:
            shown = f"{value / unit:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"Rp{shown} {word}"
    return rupiah(value)


_ROMAWI = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def romawi(value: int) -> str:
    """11 -> "XI" (months in letter numbers, chapter numbers)."""
    if not 0 < value < 4000:
        raise ValueError(f"angka romawi hanya untuk 1..3999, bukan {value}")  # teks bebas: salah panggil, bug
    out = []
    for amount, letters in _ROMAWI:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


_SATUAN = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
           "sepuluh", "sebelas")


def terbilang(value: int) -> str:
    """25000000 -> "dua puluh lima juta" (amounts written in words)."""
    value = int(value)
    if value < 0:
        return "minus " + terbilang(-value)
    if value == 0:
        return "nol"
    return _words(value).strip()


def _words(n: int) -> str:
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return _words(n - 10) + " belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return (_words(tens) + " puluh " + _words(rest)).strip()
    if n < 200:
        return ("seratus " + _words(n - 100)).strip()
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return (_words(hundreds) + " ratus " + _words(rest)).strip()
    if n < 2000:
        return ("seribu " + _words(n - 1000)).strip()
    for size, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
        if n >= size:
            head, rest = divmod(n, size)
            return (_words(head) + f" {name} " + _words(rest)).strip()
    raise AssertionError(n)  # pragma: no cover


def nip(value: str | None) -> str:
    """"196805121990031005" -> "19680512 199003 1 005" (birth date, appointment, sex, serial)."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return value
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def pangkat(pangkat: str | None, golongan: str | None) -> str:
    """("Pembina Tingkat I", "IV/b") -> "Pembina Tingkat I (IV/b)"."""
    if pangkat and golongan:
        return f"{pangkat} ({golongan})"
    return pangkat or golongan or ""


def urutan(value: int) -> str:
    """1 -> "KESATU", 2 -> "KEDUA" (the clauses of a Keputusan)."""
    return "KESATU" if value == 1 else "KE" + terbilang(value).upper()


def huruf(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa" (the points of Menimbang)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


_KECIL = {"dan", "di", "ke", "dari", "yang", "untuk", "atau", "pada", "dalam", "serta", "tentang"}

# Abbreviations in the names of Dinas and programmes, as they are written in a
# title: most stay upper case, a few are written in mixed case by convention.
AKRONIM = {word.upper(): word for word in (
    "RI", "NKRI", "PMD", "DPMD", "DPMPD", "PPKB", "DPPKB", "KB", "P3A", "DP3A", "P2KB", "DP3AP2KB",
    "PPPA", "UMKM", "BPD", "PKK", "TP", "LPMD", "LKD", "BKAD", "PAUD", "TIK", "OPD", "PID", "BID",
    "P2KTD", "P3MD", "TPP", "PD", "PLD", "KPMD", "UPTD", "SKPD", "PPID", "ASN", "PNS", "SDM", "NIK",
    "BLT", "KUR", "BUMN", "BUMD",
    "APBDes", "BUMDes", "BUMDesma", "RPJMDes", "RKPDes", "SDGs",
)}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def judul(text: str, singkatan: Iterable[str] = ()) -> str:
    """"DINAS PMD DAN P3A" -> "Dinas PMD dan P3A".

    Abbreviations stay as they are written: those in `AKRONIM`, those the
    caller passes in `singkatan` (e.g. the Dinas's own), and short upper-case
    words with a digit (P2KTD). Why a list and not "every short upper-case
    word": the names arrive in capitals, so "DESA" and "KB" look alike.
    """
    known = {**AKRONIM, **{s.upper(): s for s in singkatan if s}}

    seen = False

    def fix(match: re.Match) -> str:
        nonlocal seen
        first, seen = not seen, True
        word = match.group(0)
        if word.upper() in known:
            return known[word.upper()]
        if word.isupper() and len(word) <= 5 and not word.isalpha():
            return word
        lower = word.lower()
        if not first and lower in _KECIL:
            return lower
        return lower[:1].upper() + lower[1:]

    return " ".join(_WORD.sub(fix, chunk) for chunk in text.split())
