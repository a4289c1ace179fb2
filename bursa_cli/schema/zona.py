"""The time zone of each province, by its Kemendagri code (the first two digits of every region code).

Why it is kept here and not read from a region list: `bursa init` needs it with
or without `--wilayah`, and the zone decides the times printed on letters and
written in the day's logs. The provinces are those of the 2025 Kemendagri
decree on region codes (38 provinces); the zones follow the legal division of
Indonesia into WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9).
"""

from __future__ import annotations

# kode provinsi: (nama, zona waktu)
PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("Aceh", "WIB"),
    "12": ("Sumatera Utara", "WIB"),
    "13": ("Sumatera Barat", "WIB"),
    "14": ("Riau", "WIB"),
    "15": ("Jambi", "WIB"),
    "16": ("Sumatera Selatan", "WIB"),
    "17": ("Bengkulu", "WIB"),
    "18": ("Lampung", "WIB"),
    "19": ("Kepulauan Bangka Belitung", "WIB"),
    "21": ("Kepulauan Riau", "WIB"),
    "31": ("Daerah Khusus Ibukota Jakarta", "WIB"),
    "32": ("Jawa Barat", "WIB"),
    "33": ("Jawa Tengah", "WIB"),
    "34": ("Daerah Istimewa Yogyakarta", "WIB"),
    "35": ("Jawa Timur", "WIB"),
    "36": ("Banten", "WIB"),
    "51": ("Bali", "WITA"),
    "52": ("Nusa Tenggara Barat", "WITA"),
    "53": ("Nusa Tenggara Timur", "WITA"),
    "61": ("Kalimantan Barat", "WIB"),
    "62": ("Kalimantan Tengah", "WIB"),
    "63": ("Kalimantan Selatan", "WITA"),
    "64": ("Kalimantan Timur", "WITA"),
    "65": ("Kalimantan Utara", "WITA"),
    "71": ("Sulawesi Utara", "WITA"),
    "72": ("Sulawesi Tengah", "WITA"),
    "73": ("Sulawesi Selatan", "WITA"),
    "74": ("Sulawesi Tenggara", "WITA"),
    "75": ("Gorontalo", "WITA"),
    "76": ("Sulawesi Barat", "WITA"),
    "81": ("Maluku", "WIT"),
    "82": ("Maluku Utara", "WIT"),
    "91": ("Papua", "WIT"),
    "92": ("Papua Barat", "WIT"),
    "93": ("Papua Selatan", "WIT"),
    "94": ("Papua Tengah", "WIT"),
    "95": ("Papua Pegunungan", "WIT"),
    "96": ("Papua Barat Daya", "WIT"),
}


def zone_of(kode: str) -> str | None:
    """WIB, WITA or WIT for any region code (`53.10`, `91.03.01.2001`); None for an unknown province."""
    entry = PROVINCES.get(kode.strip()[:2])
    return entry[1] if entry else None
