"""Cell parsers: phone numbers Excel mangled, NIP, rank/grade, roles, amounts."""

from __future__ import annotations

import pytest

from bursa_cli.impor import values as v
from bursa_cli.impor.wilayah import village_key


@pytest.mark.parametrize("cell, expected", [
    ("081234567890", "081234567890"),
    ("0812-3456-7890", "081234567890"),
    ("0812 3456 7890", "081234567890"),
    ("+62 812 3456 7890", "081234567890"),
    ("6281234567890", "081234567890"),
    (6281234567890, "081234567890"),
    (81234567890, "081234567890"),             # a number: Excel dropped the 0
    (81234567890.0, "081234567890"),           # the same, read back as a float
    ("81234567890", "081234567890"),           # number stored as text without the 0
    ("8.1234567890e+10", "081234567890"),      # scientific, every digit still there
    ("8,1234567890E+10", "081234567890"),      # with a decimal comma
    ("(0293) 491234", "0293491234"),           # a landline
    ("'081234567890", "081234567890"),         # apostrophe typed to keep it text
    (None, ""),
    ("", ""),
])
def test_phone_recovered(cell, expected):
    assert v.phone(cell) == expected


@pytest.mark.parametrize("cell, fragment", [
    ("8.1234567e+10", "digit terakhirnya hilang"),   # Excel's CSV: digits cut off
    ("8.12346E+10", "digit terakhirnya hilang"),
    (8.1234567891e10 + 0.5, "angka pecahan"),
    ("12345", "tidak sah"),
    ("0812345678901234", "tidak sah"),
    ("0812-1111-2222 / 0813-3333-4444", "satu nomor"),
    ("tidak ada", "bukan nomor telepon"),
])
def test_phone_refused(cell, fragment):
    with pytest.raises(v.BadValue, match=fragment):
        v.phone(cell)


@pytest.mark.parametrize("cell, expected", [
    ("197501012000032001", "197501012000032001"),
    ("19750101 200003 2 001", "197501012000032001"),
    (197501012000032001, "197501012000032001"),
    ("'197501012000032001", "197501012000032001"),
    (None, ""),
])
def test_nip_ok(cell, expected):
    assert v.nip(cell) == expected


@pytest.mark.parametrize("cell, fragment", [
    (1.97501012000032e17, "tersimpan sebagai angka"),
    ("1.97501E+17", "notasi ilmiah"),
    ("19750101200003200", "tertulis 17"),
    ("1975010120000320011", "tertulis 19"),
])
def test_nip_refused(cell, fragment):
    with pytest.raises(v.BadValue, match=fragment):
        v.nip(cell)


@pytest.mark.parametrize("cell, expected", [
    ("Penata Tingkat I / III/d", ("Penata Tingkat I", "III/d")),
    ("Pembina, IV/a", ("Pembina", "IV/a")),
    ("Penata Muda Tk. I (III/b)", ("Penata Muda Tk. I", "III/b")),
    ("III/c", ("", "III/c")),
    ("Pembina Utama Muda", ("Pembina Utama Muda", "")),
    ("", ("", "")),
])
def test_pangkat_golongan(cell, expected):
    assert v.pangkat_golongan(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    ("Kepala Desa", "kepala-desa"),
    ("KADES", "kepala-desa"),
    ("Kades.", "kepala-desa"),
    ("Pj. Kepala Desa", "kepala-desa"),
    ("Kepala Desa Tegalurung", "kepala-desa"),
    ("kepala-desa", "kepala-desa"),
    ("Ketua BPD", "ketua-bpd"),
    ("BPD", "ketua-bpd"),
    ("Sekdes", "perangkat-desa"),
    ("Perangkat", "perangkat-desa"),
    ("Kaur Keuangan", "perangkat-desa"),
    ("Camat", "camat"),
    ("PLD", "pendamping"),
    ("Wartawan", "media"),
])
def test_role(cell, expected):
    assert v.role(cell) == expected


@pytest.mark.parametrize("cell, fragment", [
    ("Kepala Dsa", "Mungkin maksudnya 'Kepala Desa'"),
    ("Tukang", "Yang dikenal: Kepala Desa"),
])
def test_role_unknown(cell, fragment):
    with pytest.raises(v.BadValue, match=fragment):
        v.role(cell)


@pytest.mark.parametrize("cell, expected", [
    ("Rp25.000.000", 25000000),
    ("25.000.000,-", 25000000),
    ("25000000", 25000000),
    (25000000.0, 25000000),
    ("", None),
])
def test_integer(cell, expected):
    assert v.integer(cell) == expected


@pytest.mark.parametrize("name, key", [
    ("Ds. Mekarsari", "mekarsari"),
    ("MEKARSARI ", "mekarsari"),
    ("Desa  Mekarsari", "mekarsari"),
    ("Kel. Mekarsari", "mekarsari"),
    ("Suka Maju", "suka maju"),
])
def test_village_key(name, key):
    assert village_key(name) == key


@pytest.mark.parametrize("a, b", [
    ("Agus Santoso, S.T.", "AGUS SANTOSO"),
    ("Drs. H. Agus Santoso, M.Si.", "agus  santoso"),
])
def test_person_key_ignores_titles(a, b):
    assert v.person_key(a) == v.person_key(b)


@pytest.mark.parametrize("parser, cell, expected", [
    (v.bidang, "Pengembangan SDM", "psdm"), (v.bidang, "infra", "infrastruktur"),
    (v.sortir, "Lolos", "dipertahankan"), (v.sortir, None, ""), (v.sortir, "  ", ""),
    (v.konfirmasi, "Hadir", "ya"), (v.konfirmasi, "", ""),
    (v.tim, "Tim Inovasi Kabupaten", "TIK"), (v.tim, "PAN", "Panitia"),
])
def test_choice(parser, cell, expected):
    assert parser(cell) == expected


@pytest.mark.parametrize("parser, cell, message", [
    (v.bidang, "Pertanian", "bidang 'Pertanian' tidak dikenal; isi Kewirausahaan, PSDM atau Infrastruktur"),
    (v.bidang, None, "bidang '' tidak dikenal; isi Kewirausahaan, PSDM atau Infrastruktur"),
    (v.sortir, "mungkin", "keputusan sortir 'mungkin' tidak dikenal; isi dipertahankan, dicoret atau belum"),
    (v.konfirmasi, "ragu", "konfirmasi 'ragu' tidak dikenal; isi ya, tidak atau belum"),
    (v.tim, "Humas", "tim 'Humas' tidak dikenal; isi TIK atau Panitia"),
    (v.tim, "", "tim '' tidak dikenal; isi TIK atau Panitia"),
])
def test_choice_refused(parser, cell, message):
    with pytest.raises(v.BadValue) as raised:
        parser(cell)
    assert str(raised.value) == message
