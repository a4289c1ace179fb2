"""Every kind of row problem, each with its sheet, row and column; all of them at once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from bursa_cli.codes import CODES
from bursa_cli.impor import plan_import
from bursa_cli.schema.event import load_event

sys.path.insert(0, str(Path(__file__).parent))
from support import make_event, minimal_data, small_region_list  # noqa: E402

PESERTA = ["No", "Nama", "Jabatan", "Desa", "Kecamatan", "No HP"]
PANITIA = ["Nama", "NIP", "Pangkat/Gol", "Unit Kerja", "Tim", "Kedudukan", "No HP"]
INOVASI = ["Judul", "Bidang", "Desa Asal", "OPD", "Ringkasan", "Biaya", "P2KTD", "Ruang", "Meja"]
HEADERS = {"peserta": PESERTA, "panitia": PANITIA, "inovasi": INOVASI}


def sheet(path: Path, header: list, rows: list[list]) -> Path:
    book = Workbook()
    book.active.title = "Data"
    book.active.append(["Judul daftar"])
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def event(tmp_path):
    desa = minimal_data("desa.yaml") + [{"kode": "33.23.01.2098", "nama": "Sukamaju"},
                                        {"kode": "33.23.01.2099", "nama": "Mekarsari"}]
    return load_event(make_event(tmp_path / "acara", {"desa.yaml": desa})).event


INO_OK = ["Lumbung Pangan", "PSDM", "Desa Kemiri", "DINKES", "Lumbung pangan desa.", "10000000", "", "", ""]

# kind, rows (data starts at spreadsheet row 3), expected (row, column, text in the message)
CASES = {
    "nama kosong": ("peserta", [[1, "", "Kepala Desa", "Bulu", "", ""]], [(3, 2, "Kolom B (Nama): Nama wajib diisi")]),
    "peran kosong": ("peserta", [[1, "Ani", "", "Bulu", "", ""]], [(3, 3, "Jabatan/peran wajib diisi")]),
    "peran tak dikenal": ("peserta", [[1, "Ani", "Ketua RT", "Bulu", "", ""]],
                          [(3, 3, "Kolom C (Jabatan): Jabatan/peran 'Ketua RT' tidak dikenal")]),
    "desa kosong": ("peserta", [[1, "Ani", "Kades", "", "", ""]], [(3, 4, "Desa (untuk Kepala Desa) wajib diisi")]),
    "desa tak dikenal": ("peserta", [[1, "Ani", "Kades", "Kalisari", "", ""]],
                         [(3, 4, "Kolom D (Desa): Desa 'Kalisari' tidak ditemukan di desa.yaml")]),
    "desa mirip, disarankan": ("peserta", [[1, "Ani", "Kades", "Suka Maju", "", ""]],
                               [(3, 4, "Mungkin maksudnya 'Sukamaju' (Kec. Bulu)?")]),
    "desa salah ketik": ("peserta", [[1, "Ani", "Kades", "Mekarsarie", "", ""]],
                         [(3, 4, "Mungkin maksudnya 'Mekarsari' (Kec. Bulu)?")]),
    "kecamatan tak dikenal": ("peserta", [[1, "Ani", "Kades", "Bulu", "Buluh", ""]],
                              [(3, 5, "Kolom E (Kecamatan): Kecamatan 'Buluh' tidak termasuk acara ini. Mungkin maksudnya 'Bulu'?")]),
    "telepon tak sah": ("peserta", [[1, "Ani", "Kades", "Sukamaju", "", "0812"]], [(3, 6, "Kolom F (No HP): Nomor '0812' tidak sah")]),
    "telepon terpotong excel": ("peserta", [[1, "Ani", "Kades", "Sukamaju", "", "8.12346E+10"]],
                                [(3, 6, "digit terakhirnya hilang")]),
    "orang sama dua kali": ("peserta", [[1, "Ani Lestari", "Kades", "Sukamaju", "", ""],
                                        [2, "ANI LESTARI", "Kepala Desa", "Ds. Sukamaju", "", ""]],
                            [(4, 2, "Orang yang sama (nama dan desa sama) sudah ada di baris 3")]),
    "telepon sama dengan baris yang ditolak": (  # a shared phone is only a warning (see below)
        "peserta", [[1, "", "Kades", "Sukamaju", "", "081234567890"], [2, "Badu", "BPD", "Sukamaju", "", "081234567890"]],
        [(3, 2, "Nama wajib diisi")]),
    "nama sama, desa tak dikenal berbeda": (
        "peserta", [[1, "Ani", "Kades", "Kalisari", "", ""], [2, "Ani", "Kades", "Kaliputih", "", ""]],
        [(3, 4, "'Kalisari' tidak ditemukan"), (4, 4, "'Kaliputih' tidak ditemukan")]),
    "semua masalah sekaligus": ("peserta", [[1, "", "Ketua RT", "Kalisari", "", "12"]],
                                [(3, 2, "Nama wajib diisi"), (3, 3, "'Ketua RT' tidak dikenal"),
                                 (3, 4, "'Kalisari' tidak ditemukan"), (3, 6, "Nomor '12' tidak sah")]),
    "nip 17 angka": ("panitia", [["Ani, S.E.", "19750101200003200", "Penata / III/c", "DINKES", "TIK", "Anggota", ""]],
                     [(3, 2, "Kolom B (NIP): NIP '19750101200003200' tidak sah: harus 18 angka (tertulis 17)")]),
    "nip jadi angka excel": ("panitia", [["Ani", 1.97501012000032e17, "", "DINKES", "TIK", "Anggota", ""]],
                             [(3, 2, "NIP tersimpan sebagai angka di Excel")]),
    "tim tak dikenal": ("panitia", [["Ani", "", "", "", "Tim Sukses", "Anggota", ""]],
                        [(3, 5, "Kolom E (Tim): Tim 'Tim Sukses' tidak dikenal")]),
    "kedudukan kosong": ("panitia", [["Ani", "", "", "", "Panitia", "", ""]], [(3, 6, "Kedudukan dalam tim")]),
    "anggota sama (nip)": ("panitia", [["Ani", "197501012000032001", "", "", "TIK", "Anggota", ""]],
                           []),  # same NIP as TIK-01 in the event: a known member, not an error
    "anggota dua kali": ("panitia", [["Budi", "198801012010011001", "", "", "Panitia", "Anggota", ""],
                                     ["Budi Hartono", "198801012010011001", "", "", "Panitia", "Anggota", ""]],
                         [(4, 2, "Anggota yang sama sudah ada di baris 3")]),
    "bidang tak dikenal": ("inovasi", [["Kebun Gizi", "Pertanian"] + INO_OK[2:]],
                           [(3, 2, "Bidang 'Pertanian' tidak dikenal")]),
    "opd tak dikenal": ("inovasi", [INO_OK[:3] + ["DISPERTAN"] + INO_OK[4:]],
                        [(3, 4, "OPD 'DISPERTAN' tidak ada di opd.yaml (yang ada: DINKES)")]),
    "ringkasan kosong": ("inovasi", [INO_OK[:4] + [""] + INO_OK[5:]], [(3, 5, "Ringkasan wajib diisi")]),
    "biaya bukan angka": ("inovasi", [INO_OK[:5] + ["sepuluh juta"] + INO_OK[6:]],
                          [(3, 6, "'sepuluh juta' bukan angka")]),
    "p2ktd tak dikenal": ("inovasi", [INO_OK[:6] + ["P2KTD-01, P2KTD-09"] + INO_OK[7:]],
                          [(3, 7, "Penyedia P2KTD 'P2KTD-09' tidak ada")]),
    "ruang dan meja tak dikenal": ("inovasi", [INO_OK[:7] + ["Z", "Z-01"]],
                                   [(3, 8, "Ruang 'Z' tidak ada"), (3, 9, "Meja 'Z-01' tidak ada")]),
    "meja di ruang lain": ("inovasi", [INO_OK[:7] + ["J1", "A-01"]],
                           [(3, 9, "Meja A-01 ada di ruang A, bukan di ruang J1")]),
    "judul dua kali": ("inovasi", [INO_OK, ["LUMBUNG PANGAN"] + INO_OK[1:]],
                       [(4, 1, "Inovasi dengan judul sama sudah ada di baris 3")]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_row_problems(tmp_path, event, case):
    kind, rows, expected = CASES[case]
    path = sheet(tmp_path / "daftar.xlsx", HEADERS[kind], rows)
    plan = plan_import(kind, path, event)
    found = [(p.line, p.column, p.message) for p in plan.errors]
    assert len(found) == len(expected), found
    for (line, column, fragment), (got_line, got_column, message) in zip(expected, found):
        assert (got_line, got_column) == (line, column), message
        assert fragment in message
    assert all(p.file == "daftar.xlsx [Data]" for p in plan.errors)
    assert all(p.code in CODES and p.code.startswith("BUR-I") for p in plan.problems), plan.problems
    rejected = {p.line for p in plan.errors}
    assert {r.number for r in plan.having("ditolak")} == rejected


@pytest.mark.parametrize("cells, code", [
    (["Ani", "Kades", "Sukamaju", "", "0812"], "BUR-I124"),  # the cell's own refusal, for --jelaskan
    (["Ani", "Kades", "Sukamaju", "", "8.12346E+10"], "BUR-I139"),
    (["Ani", "Ketua RT", "Sukamaju", "", ""], "BUR-I133"),
    (["Ani", "Kades", "Kalisari", "", ""], "BUR-I145"),
])
def test_a_refused_cell_carries_the_code_of_its_refusal(tmp_path, event, cells, code):
    plan = plan_import("peserta", sheet(tmp_path / "daftar.xlsx", HEADERS["peserta"], [[1] + cells]), event)
    assert [p.code for p in plan.errors] == [code]


@pytest.mark.parametrize("written, kode", [
    ("Sukamaju", "33.23.01.2098"),
    ("Ds. Mekarsari", "33.23.01.2099"),
    ("MEKARSARI", "33.23.01.2099"),
    ("Desa  mekarsari ", "33.23.01.2099"),
    ("Kel. Bulu", "33.23.01.2001"),
])
def test_village_exact_after_normalising(tmp_path, event, written, kode):
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, [[1, "Ani", "Kades", written, "", ""]]), event)
    assert plan.rows[0].record["desa"] == kode, plan.errors


def test_same_village_name_in_two_kecamatan_needs_kecamatan(tmp_path):
    data = minimal_data("acara.yaml")
    data["wilayah"]["kecamatan"].append({"kode": "33.23.02", "nama": "Kledung"})
    desa = minimal_data("desa.yaml") + [{"kode": "33.23.02.2001", "nama": "Bulu"}]
    event = load_event(make_event(tmp_path / "acara", {"acara.yaml": data, "desa.yaml": desa})).event
    rows = [[1, "Ani", "Kades", "Bulu", "", ""], [2, "Badu", "Kades", "Bulu", "Kec. Kledung", ""],
            [3, "Cici", "BPD", "Tegalurung", "Kledung", ""]]
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, rows), event)
    first, second, third = plan.rows
    assert "Ada beberapa desa bernama 'Bulu' (Kecamatan Bulu (33.23.01.2001), Kledung (33.23.02.2001))" \
        in first.errors[0].message
    assert second.record["desa"] == "33.23.02.2001"
    assert "Desa 'Tegalurung' tidak ada di Kecamatan Kledung; desa bernama itu ada di Kecamatan Bulu" in third.errors[0].message


def test_official_list_adds_missing_village(tmp_path, event):
    rows = [[1, "Ani", "Kades", "Campursari", "", ""], [2, "Badu", "Kades", "Campursary", "", ""]]
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, rows), event,
                       wilayah=small_region_list(tmp_path))
    assert plan.rows[0].record["desa"] == "33.23.01.2003"
    assert [v.nama for v in plan.new_villages] == ["Campursari"]
    assert "Mungkin maksudnya 'Campursari' (Kec. Bulu)?" in plan.rows[1].errors[0].message
    # without the list the same village is unknown, and says so
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, rows[:1]), event)
    assert "tidak ditemukan di desa.yaml." in plan.errors[0].message


def test_camat_and_guests(tmp_path, event):
    rows = [[1, "Drs. Heru", "Camat", "", "Bulu", "081200000001"],
            [2, "Rina", "Wartawan", "", "", ""],
            [3, "Tono", "Camat", "", "", ""]]
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, rows), event)
    assert plan.rows[0].record == {"id": "P-0005", "nama": "Drs. Heru", "peran": "camat", "kecamatan": "33.23.01",
                                   "telepon": "081200000001"}
    assert plan.rows[1].record["peran"] == "media"
    assert "Kecamatan (untuk Camat) wajib diisi" in plan.rows[2].errors[0].message


def test_second_kepala_desa_is_a_warning_only(tmp_path, event):
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, [[1, "Joko", "Kades", "Bulu", "", ""]]), event)
    (row,) = plan.rows
    assert row.status == "baru"
    assert [p.level for p in row.problems] == ["peringatan"]
    assert "sudah punya Kepala Desa: Suparman (P-0001)" in row.problems[0].message


def test_panitia_fields(tmp_path, event):
    rows = [["Dra. Endah, M.Si.", "19800202 200501 2 003", "Pembina / IV/a", "Dinas Kesehatan", "TIK", "Anggota",
             "+62 811-2233-4455"],
            ["Slamet", "", "", "TA P3MD Jawa Tengah", "Panitia", "Sekretaris", ""]]
    plan = plan_import("panitia", sheet(tmp_path / "d.xlsx", PANITIA, rows), event)
    assert [r.record for r in plan.rows] == [
        {"id": "TIK-03", "nama": "Dra. Endah, M.Si.", "nip": "198002022005012003", "pangkat": "Pembina",
         "golongan": "IV/a", "opd": "DINKES", "tim": "TIK", "kedudukan": "Anggota", "telepon": "081122334455"},
        {"id": "PAN-02", "nama": "Slamet", "instansi": "TA P3MD Jawa Tengah", "tim": "Panitia",
         "kedudukan": "Sekretaris"},
    ]


def test_panitia_without_tim_column_uses_option(tmp_path, event):
    path = sheet(tmp_path / "d.xlsx", ["Nama", "Kedudukan"], [["Slamet", "Anggota"]])
    assert "pakai --tim TIK" in plan_import("panitia", path, event).errors[0].message
    assert plan_import("panitia", path, event, default_tim="panitia").rows[0].record["tim"] == "Panitia"


def test_sk_attachment_with_name_and_nip_in_one_cell(tmp_path, event):
    rows = [[1, "Ir. Bambang Wijaya, M.T.\nNIP. 19700101 199503 1 002", "Pembina Tk. I (IV/b)", "Kepala Bidang",
             "Anggota"],
            [2, "Sri Rejeki, S.E. / NIP 19800202200501200", "Penata (III/c)", "Kasi", "Anggota"]]
    path = sheet(tmp_path / "sk.xlsx", ["No", "Nama / NIP", "Pangkat/Gol", "Jabatan", "Kedudukan dalam Tim"], rows)
    plan = plan_import("panitia", path, event, default_tim="TIK")
    first, second = plan.rows
    assert {k: first.record[k] for k in ("nama", "nip", "pangkat", "golongan")} == {
        "nama": "Ir. Bambang Wijaya, M.T.", "nip": "197001011995031002", "pangkat": "Pembina Tk. I",
        "golongan": "IV/b"}
    (problem,) = second.errors
    assert (problem.line, problem.column) == (4, 2)
    assert "Kolom B (Nama / NIP): NIP '19800202200501200' tidak sah: harus 18 angka (tertulis 17)." == problem.message


@pytest.mark.parametrize("rows, owner, message", [
    ([[1, "Ani", "Kades", "Sukamaju", "", "081234567890"], [2, "Badu", "BPD", "Sukamaju", "", "0812-3456-7890"]],
     False, "Nomor HP 081234567890 sudah dipakai orang lain di baris 3"),
    ([[1, "Badu", "BPD", "Sukamaju", "", "081311112222"]],
     True, "Nomor HP 081311112222 sudah dipakai peserta P-0001 (Suparman) di peserta.yaml baris 1"),
])
def test_a_shared_phone_is_a_warning_not_a_refusal(tmp_path, event, rows, owner, message):
    if owner:
        event.peserta[0].telepon = "081311112222"
        event.__dict__.pop("peserta_by_id", None)
    plan = plan_import("peserta", sheet(tmp_path / "d.xlsx", PESERTA, rows), event)
    assert plan.errors == [] and all(r.status == "baru" for r in plan.rows)
    (warning,) = [p for p in plan.problems if p.path == "telepon"]
    assert warning.level == "peringatan" and message in warning.message and warning.column == 6


def test_name_and_nip_in_one_cell(tmp_path, event):
    rows = [["Yudi Prasetyo, S.E. / 198109282006041005", "", "", "DINKES", "Panitia", "Anggota", ""],
            ["Ani Rahayu / NIP. 19750101 200003 2 009", "", "", "DINKES", "Panitia", "Anggota", ""]]
    plan = plan_import("panitia", sheet(tmp_path / "p.xlsx", PANITIA, rows), event)
    assert plan.errors == []
    assert [(r.record["nama"], r.record["nip"]) for r in plan.rows] == [
        ("Yudi Prasetyo, S.E.", "198109282006041005"), ("Ani Rahayu", "197501012000032009")]


def test_sortir_opd_is_imported(tmp_path, event):
    header = INOVASI[:5] + ["Keputusan Sortir", "OPD Sortir"]
    rows = [["Lumbung Pangan", "PSDM", "Desa Kemiri", "DINKES", "Lumbung.", "Dipertahankan", ""],
            ["Kebun Gizi", "PSDM", "Desa Kemiri", "DINKES", "Kebun.", "Dipertahankan", "Dinas Kesehatan"],
            ["Bank Sampah", "PSDM", "Desa Kemiri", "DINKES", "Sampah.", "Dipertahankan", "DISPERTAN"]]
    plan = plan_import("inovasi", sheet(tmp_path / "i.xlsx", header, rows), event)
    assert [r.record.get("sortir") for r in plan.rows[:2]] == [
        {"keputusan": "dipertahankan", "opd": "DINKES"}, {"keputusan": "dipertahankan", "opd": "DINKES"}]
    (error,) = plan.errors
    assert (error.line, error.column) == (5, 7) and "OPD 'DISPERTAN' tidak ada di opd.yaml" in error.message


def test_camat_kecamatan_from_the_role(tmp_path, event):
    rows = [[1, "Drs. Heru", "Camat Bulu", "", "", ""], [2, "Tono", "Camat Ngadirejo", "", "", ""]]
    plan = plan_import("peserta", sheet(tmp_path / "c.xlsx", PESERTA, rows), event)
    assert plan.rows[0].record["kecamatan"] == "33.23.01" and plan.rows[0].status == "baru"
    (error,) = plan.errors
    assert error.line == 4 and "Kecamatan 'Ngadirejo' tidak termasuk acara ini" in error.message


def test_capitals_get_a_proper_case_suggestion(tmp_path, event):
    rows = [[1, "DRS. BAMBANG SUTRISNO, M.SI.", "Kades", "Sukamaju", "", ""], [2, "Ani BPD", "BPD", "Sukamaju", "", ""]]
    path = sheet(tmp_path / "k.xlsx", PESERTA, rows)
    plan = plan_import("peserta", path, event)
    assert plan.errors == [] and plan.rows[0].record["nama"] == "DRS. BAMBANG SUTRISNO, M.SI."
    (warning,) = [p for p in plan.problems if p.path == "nama"]
    assert warning.level == "peringatan" and warning.line == 3
    assert "usulan: 'Drs. Bambang Sutrisno, M.Si.'" in warning.message and "--rapikan-nama" in warning.message
    taken = plan_import("peserta", path, event, proper_case=True)
    assert [r.record["nama"] for r in taken.rows] == ["Drs. Bambang Sutrisno, M.Si.", "Ani BPD"]
    assert not [p for p in taken.problems if p.path == "nama"]


def test_second_ketua_bpd_is_said_at_import(tmp_path, event):
    rows = [[1, "Joko", "Ketua BPD", "Bulu", "", ""], [2, "Rudi", "BPD", "Sukamaju", "", ""],
            [3, "Sari", "Ketua BPD", "Sukamaju", "", ""]]
    plan = plan_import("peserta", sheet(tmp_path / "b.xlsx", PESERTA, rows), event)
    assert plan.errors == []
    warned = [(p.line, p.message) for p in plan.problems if p.path == "peran"]
    assert warned == [(3, "Kolom C (Jabatan): Desa ini sudah punya Ketua BPD: Mulyono (P-0002)."),
                      (5, "Kolom C (Jabatan): Desa ini sudah punya Ketua BPD: Rudi (baris 4).")]
