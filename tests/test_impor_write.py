"""Writing: the user's YAML survives byte for byte, ids continue, re-import adds nothing, round trips."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from bursa_cli.errors import DataError
from bursa_cli.impor import apply_plan, export_list, export_templates, import_file, plan_import
from bursa_cli.schema.event import load_event

sys.path.insert(0, str(Path(__file__).parent))
from support import make_event, small_region_list  # noqa: E402

PESERTA_YAML = """\
# Daftar peserta Bursa Inovasi Desa.
# Diisi dari undangan yang sudah dikonfirmasi kecamatan.

- id: P-0001   # kepala desa paling awal konfirmasi
  nama: Suparman
  peran: kepala-desa
  desa: "33.23.01.2001"
  konfirmasi: ya

- id: P-0002
  nama: Mulyono
  peran: ketua-bpd
  desa: '33.23.01.2001'
  telepon: 0813 1111 2222   # nomor lama
  konfirmasi: ya
# (catatan akhir berkas tanpa baris baru)"""

ROWS = [
    ["DAFTAR PESERTA KECAMATAN BULU"],
    [],
    ["No", "Nama Lengkap", "Jabatan", "Desa/Kelurahan", "No. HP/WA"],
    [1, "Sri Lestari", "Kepala Desa", "Tegalurung", "081234567890"],
    [2, "Widodo", "Ketua BPD", "Ds. Tegalurung", 81234567891],
    [3, "SUPARMAN", "Kades", "Bulu", ""],           # already in peserta.yaml
    [4, "Mulyono", "BPD", "Bulu", "081399998888"],  # known, with a new phone number
]


def xlsx(path: Path, rows: list[list], title: str = "Sheet1") -> Path:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def root(tmp_path):
    return make_event(tmp_path / "acara", {"peserta.yaml": PESERTA_YAML})


def test_event_is_read_once_before_writing_and_once_after(tmp_path, root, monkeypatch):
    import bursa_cli.check.gate as impor  # the import loads the event through the one gate
    import bursa_cli.impor.apply as apply

    calls = []

    def counting(folder, *args):
        calls.append(folder)
        return load_event(folder, *args)

    monkeypatch.setattr(impor, "load_event", counting)
    monkeypatch.setattr(apply, "load_event", counting)
    plan, outcome = import_file("peserta", xlsx(tmp_path / "bulu.xlsx", ROWS), root)
    assert outcome.added and len(calls) == 2


def test_import_appends_and_keeps_user_text(tmp_path, root):
    before = (root / "peserta.yaml").read_bytes()
    plan, outcome = import_file("peserta", xlsx(tmp_path / "bulu.xlsx", ROWS), root)
    after = (root / "peserta.yaml").read_bytes()
    assert after.startswith(before)  # comments, quoting and order untouched above the new part
    assert outcome.added == 2 and outcome.written == ["peserta.yaml"]
    assert [r.status for r in plan.rows] == ["baru", "baru", "sama", "berubah"]
    tail = after[len(before):].decode()
    assert "# Diimpor dari bulu.xlsx [Sheet1]" in tail
    assert '- id: P-0003\n  nama: Sri Lestari\n  peran: kepala-desa\n  desa: "33.23.01.2002"\n' \
           '  telepon: "081234567890"\n' in tail
    assert "- id: P-0004\n  nama: Widodo\n" in tail
    assert "\n\n- id: P-0004" in tail  # items stay separated by a blank line, as the user wrote them
    result = load_event(root)
    assert [p for p in result.problems if p.file == "peserta.yaml"] == []
    assert [p.id for p in result.event.peserta] == ["P-0001", "P-0002", "P-0003", "P-0004"]
    assert result.event.peserta_by_id["P-0004"].telepon == "081234567891"


def test_reimport_adds_nothing(tmp_path, root):
    source = xlsx(tmp_path / "bulu.xlsx", ROWS)
    import_file("peserta", source, root)
    once = (root / "peserta.yaml").read_bytes()
    plan, outcome = import_file("peserta", source, root)
    assert (root / "peserta.yaml").read_bytes() == once
    assert outcome.written == [] and outcome.added == 0
    assert [r.status for r in plan.rows] == ["sama", "sama", "sama", "berubah"]


def test_changes_only_with_perbarui_and_in_place(tmp_path, root):
    source = xlsx(tmp_path / "bulu.xlsx", ROWS[:3] + [ROWS[6], [5, "Suparman", "Kades", "Bulu", "0812 7777 6666"]])
    plan, outcome = import_file("peserta", source, root)
    assert outcome.written == [] and outcome.updated == 0
    assert plan.having("berubah")[0].changes == {"telepon": ("081311112222", "081399998888")}
    plan, outcome = import_file("peserta", source, root, update=True)
    assert outcome.updated == 2
    text = (root / "peserta.yaml").read_text()
    # the value changes on its own line, the user's comment stays; a missing key is added inside the item
    assert '  telepon: "081399998888"   # nomor lama\n' in text
    assert '  desa: "33.23.01.2001"\n  konfirmasi: ya\n  telepon: "081277776666"\n\n- id: P-0002' in text
    assert text.startswith("# Daftar peserta Bursa Inovasi Desa.\n# Diisi dari undangan")
    assert text.endswith("# (catatan akhir berkas tanpa baris baru)")
    event = load_event(root).event
    assert [p.telepon for p in event.peserta] == ["081277776666", "081399998888"]


def test_errors_block_everything(tmp_path, root):
    before = (root / "peserta.yaml").read_bytes()
    rows = ROWS + [[5, "", "Kades", "Bulu", ""]]
    with pytest.raises(DataError) as caught:
        import_file("peserta", xlsx(tmp_path / "bulu.xlsx", rows), root)
    assert [(p.line, p.column) for p in caught.value.problems] == [(8, 2)]
    assert (root / "peserta.yaml").read_bytes() == before


def test_dry_run_writes_nothing(tmp_path, root):
    before = sorted((p.name, p.read_bytes()) for p in root.iterdir() if p.is_file())
    plan, outcome = import_file("peserta", xlsx(tmp_path / "bulu.xlsx", ROWS), root, dry_run=True)
    assert outcome is None and len(plan.having("baru")) == 2
    assert sorted((p.name, p.read_bytes()) for p in root.iterdir() if p.is_file()) == before


def test_skip_errors_writes_rejected_rows_to_fix(tmp_path, root):
    rows = ROWS[:4] + [[2, "Badu", "Ketua RT", "Tegalurung", "0812"], [3, "", "BPD", "Suka Maju", ""]]
    source = xlsx(tmp_path / "bulu.xlsx", rows, title="Kec Bulu")
    plan, outcome = import_file("peserta", source, root, skip_errors=True)
    assert outcome.added == 1
    assert outcome.rejected_file == tmp_path / "bulu-ditolak.xlsx"
    sheet = load_workbook(outcome.rejected_file).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Baris Asal", "No", "Nama Lengkap", "Jabatan", "Desa/Kelurahan", "No. HP/WA", "Alasan Ditolak"]
    assert values[1][:6] == [5, "2", "Badu", "Ketua RT", "Tegalurung", "0812"]
    assert "Kolom C (Jabatan): Jabatan/peran 'Ketua RT' tidak dikenal" in values[1][6]
    assert "Kolom E (No. HP/WA): Nomor '0812' tidak sah" in values[1][6]
    assert values[2][0] == 6 and "Nama wajib diisi" in values[2][6]
    # the officer fixes the rows in the rejected file and imports it again
    book = load_workbook(outcome.rejected_file)
    book.active["D2"], book.active["F2"] = "Sekdes", "081255554444"
    book.active["C3"], book.active["E3"] = "Wartini", "Tegalurung"
    book.save(outcome.rejected_file)
    plan, outcome = import_file("peserta", outcome.rejected_file, root)
    assert [r.status for r in plan.rows] == ["baru", "baru"]
    assert [p.nama for p in load_event(root).event.peserta][-2:] == ["Badu", "Wartini"]


@pytest.mark.parametrize("field, value, message", [
    ("peran", "bupati", "Nilai tidak dikenal"),                   # the model refuses it
    ("desa", "33.23.01.2999", "Desa '33.23.01.2999' tidak ada"),   # loads, but links to nothing
])
def test_rollback_when_event_would_break(tmp_path, root, field, value, message):
    before = (root / "peserta.yaml").read_bytes()
    plan = plan_import("peserta", xlsx(tmp_path / "bulu.xlsx", ROWS), load_event(root).event)
    plan.having("baru")[0].record[field] = value  # what a bug in the importer could do
    with pytest.raises(DataError) as caught:
        apply_plan(plan, root)
    assert "dibatalkan" in caught.value.message
    (problem,) = caught.value.problems
    assert problem.file == "peserta.yaml" and message in problem.message
    assert (root / "peserta.yaml").read_bytes() == before
    assert not list(root.glob(".peserta.yaml.*"))  # no temporary file left behind


def test_village_from_official_list_goes_into_desa_yaml(tmp_path, root):
    before = (root / "desa.yaml").read_bytes()
    rows = [["Nama", "Jabatan", "Desa"], ["Ani", "Kades", "Campursari"], ["Badu", "BPD", "Campursari"]]
    plan, outcome = import_file("peserta", xlsx(tmp_path / "c.xlsx", rows), root,
                                wilayah=small_region_list(tmp_path))
    assert sorted(outcome.written) == ["desa.yaml", "peserta.yaml"]
    text = (root / "desa.yaml").read_bytes()
    assert text.startswith(before)
    assert b'- kode: "33.23.01.2003"\n  nama: Campursari\n' in text
    event = load_event(root).event
    assert event.desa_by_kode["33.23.01.2003"].nama == "Campursari"
    assert {p.desa for p in event.peserta[-2:]} == {"33.23.01.2003"}


def test_empty_flow_list_file(tmp_path):
    root = make_event(tmp_path / "acara", {"peserta.yaml": "# belum ada peserta\n[]\n"})
    import_file("peserta", xlsx(tmp_path / "b.xlsx", ROWS[:4]), root)
    event = load_event(root).event
    assert [(p.id, p.nama) for p in event.peserta] == [("P-0001", "Sri Lestari")]
    text = (root / "peserta.yaml").read_text()
    assert text.startswith("# belum ada peserta\n\n# Diimpor dari b.xlsx")
    assert "daftar kosong" not in text and "[]" not in text


def test_empty_list_example_comment_is_kept_without_a_stale_note(tmp_path):
    root = make_event(tmp_path / "acara", {"peserta.yaml": "# Peserta\n[]  # contoh butir: - {id: P-0001}\n"})
    import_file("peserta", xlsx(tmp_path / "b.xlsx", ROWS[:4]), root)
    text = (root / "peserta.yaml").read_text()
    assert text.startswith("# Peserta\n# contoh butir: - {id: P-0001}\n\n# Diimpor dari b.xlsx")
    assert "daftar kosong" not in text


@pytest.mark.parametrize("kind", ["peserta", "inovasi", "panitia"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reimport_same_data(tmp_path, kind, suffix):
    root = make_event(tmp_path / "acara")
    event = load_event(root).event
    out = tmp_path / f"{kind}{suffix}"
    count, _ = export_list(kind, event, out)
    assert count == len(getattr(event, kind))
    # into the same event: everything is already there, nothing changes
    plan = plan_import(kind, out, event)
    assert [r.status for r in plan.rows] == ["sama"] * count, plan.errors
    # into an event with an empty list: the same items come back
    empty = make_event(tmp_path / "kosong", {f"{kind}.yaml": "[]\n"})
    import_file(kind, out, empty)
    again = getattr(load_event(empty).event, kind)
    dump = lambda items: [i.model_dump(exclude={"sortir"} if kind == "inovasi" else None) for i in items]  # noqa: E731
    assert dump(again) == dump(getattr(event, kind))
    if kind == "inovasi":  # the decision and the OPD that made it come back (its notes stay in the YAML)
        assert [(i.sortir.keputusan, i.sortir.opd) for i in again] == \
            [(i.sortir.keputusan, i.sortir.opd) for i in getattr(event, kind)]


def test_csv_export_opens_in_indonesian_excel(tmp_path):
    event = load_event(make_event(tmp_path / "acara")).event
    out = tmp_path / "peserta.csv"
    export_list("peserta", event, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["No", "ID", "Nama", "Jabatan", "Desa", "Kecamatan", "Kode Desa", "Instansi",
                       "Keterangan Jabatan", "No HP", "Konfirmasi"]
    assert rows[1][:7] == ["1", "P-0001", "Suparman", "Kepala Desa", "Bulu", "Bulu", "33.23.01.2001"]


def test_template_per_kecamatan(tmp_path):
    root = make_event(tmp_path / "acara")
    event = load_event(root).event
    (made,) = export_templates(event, tmp_path / "templat")
    assert made.path.name == "templat-peserta-33.23.01-bulu.xlsx"
    assert (made.villages, made.rows) == (2, 10)
    book = load_workbook(made.path)
    assert book.sheetnames == ["Peserta", "Daftar", "Petunjuk"]
    sheet = book["Peserta"]
    assert [c.value for c in sheet[4]] == ["No", "Nama", "Jabatan", "Desa", "Kecamatan", "No HP", "Keterangan Jabatan"]
    assert sheet.freeze_panes == "A5"
    assert "A1:G1" in {str(m) for m in sheet.merged_cells.ranges}
    rules = {str(r.sqref): r.formula1 for r in sheet.data_validations.dataValidation}
    assert rules == {"C5:C14": "=Daftar!$B$2:$B$7", "D5:D14": "=Daftar!$A$2:$A$3"}
    assert [c.value for c in book["Daftar"]["A"]][:3] == ["Desa", "Bulu", "Tegalurung"]
    assert book["Daftar"].sheet_state == "hidden"
    assert sheet["F5"].number_format == "@"
    assert "PETUNJUK" in book["Petunjuk"]["A1"].value
    # a filled-in template imports as it is
    sheet["B5"], sheet["C5"], sheet["D5"], sheet["F5"] = "Sugeng", "Perangkat Desa", "Tegalurung", "081200001111"
    book.save(made.path)
    plan = plan_import("peserta", made.path, event, sheet="Peserta")
    assert [(r.number, r.status, r.record.get("desa")) for r in plan.rows] == [(5, "baru", "33.23.01.2002")]


@pytest.mark.parametrize("kind", ["peserta", "inovasi", "panitia"])
def test_export_reimport_on_every_event(tmp_path, any_event, kind):
    event = load_event(any_event).event
    out = tmp_path / f"{kind}.xlsx"
    count, _ = export_list(kind, event, out)
    plan = plan_import(kind, out, event)
    assert count == len(getattr(event, kind)) > 0
    assert [r.status for r in plan.rows] == ["sama"] * count, plan.errors[:3]
    sheet = load_workbook(out).active
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"


INOVASI_YAML = """\
# Menu inovasi hasil rapat sortir.
- id: INO-001
  judul: Posyandu Remaja
  bidang: psdm
  desa_asal: Desa Ketapanrame, Kab. Mojokerto
  opd_pengkaji: DINKES
  ringkasan: >-
    Posyandu khusus remaja
    setiap bulan.
  biaya: 15000000   # perkiraan DINKES
  sortir:
    keputusan: belum
    catatan: tunggu rapat
  ruang: A
  meja: A-01
- id: INO-002
  judul: Jalan Rabat Beton Swadaya
  bidang: infrastruktur
  desa_asal: Desa Ponggok, Kab. Klaten
  opd_pengkaji: DINKES
  ringkasan: Jalan desa dengan swadaya warga.
"""


def test_perbarui_nested_and_missing_keys(tmp_path):
    root = make_event(tmp_path / "acara", {"inovasi.yaml": INOVASI_YAML})
    rows = [["Judul", "Bidang", "Desa Asal", "OPD", "Ringkasan", "Biaya", "Keputusan Sortir", "Dokumen"],
            ["Posyandu Remaja", "PSDM", "Desa Ketapanrame, Kab. Mojokerto", "DINKES",
             "Posyandu khusus remaja setiap bulan.", "Rp17.500.000", "Dipertahankan", ""],
            ["Jalan Rabat Beton Swadaya", "Infrastruktur", "Desa Ponggok, Kab. Klaten", "DINKES",
             "Jalan desa dengan swadaya warga.", "90000000", "dicoret", "https://contoh.id/jalan.pdf"]]
    plan, outcome = import_file("inovasi", xlsx(tmp_path / "menu.xlsx", rows), root, update=True)
    assert [r.changes for r in plan.rows] == [
        {"biaya": (15000000, 17500000), "sortir": ("belum", "dipertahankan")},
        {"biaya": (None, 90000000), "dokumen_pembelajaran": (None, "https://contoh.id/jalan.pdf"),
         "sortir": ("belum", "dicoret")}]
    assert outcome.updated == 2 and outcome.skipped_updates == []
    text = (root / "inovasi.yaml").read_text()
    assert "  biaya: 17500000   # perkiraan DINKES\n  sortir:\n    keputusan: dipertahankan\n" \
           "    catatan: tunggu rapat\n" in text
    assert text.endswith("  ringkasan: Jalan desa dengan swadaya warga.\n  biaya: 90000000\n"
                         "  dokumen_pembelajaran: \"https://contoh.id/jalan.pdf\"\n  sortir:\n    keputusan: dicoret\n")
    event = load_event(root).event
    assert [(i.biaya, i.sortir.keputusan) for i in event.inovasi] == [(17500000, "dipertahankan"), (90000000, "dicoret")]
    assert event.inovasi[0].sortir.catatan == "tunggu rapat"
    # a folded multi-line value is left alone and reported, never mangled
    rows[1][4] = "Ringkasan baru."
    plan, outcome = import_file("inovasi", xlsx(tmp_path / "menu.xlsx", rows[:2]), root, update=True)
    assert outcome.updated == 0
    assert outcome.skipped_updates == ["INO-001: ringkasan di baris 7 tidak dapat diubah otomatis"]
    assert load_event(root).event.inovasi[0].ringkasan == "Posyandu khusus remaja setiap bulan."


def test_windows_file_keeps_bom_and_crlf(tmp_path):
    text = PESERTA_YAML.replace("\n", "\r\n") + "\r\n"
    root = make_event(tmp_path / "acara")
    (root / "peserta.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    before = (root / "peserta.yaml").read_bytes()
    plan, outcome = import_file("peserta", xlsx(tmp_path / "b.xlsx", ROWS), root, update=True)
    after = (root / "peserta.yaml").read_bytes()
    assert outcome.added == 2 and outcome.updated == 1
    assert after.startswith(b"\xef\xbb\xbf# Daftar peserta")
    assert after.count(b"\n") == after.count(b"\r\n")  # no bare line ends mixed in
    assert b'  telepon: "081399998888"   # nomor lama\r\n' in after
    assert after.replace(b'"081399998888"', b"0813 1111 2222").startswith(before)
    assert len(load_event(root).event.peserta) == 4


@pytest.mark.parametrize("value, width, lines", [
    ("pendek", 30, 1),
    ("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", 20, 4),
    ("baris satu\nbaris dua\nbaris tiga", 50, 3),
])
def test_row_height_follows_wrapped_text(tmp_path, value, width, lines):
    from bursa_cli.impor.ekspor import _lines_needed

    assert _lines_needed(value, width) == lines


def test_export_rows_tall_enough_for_wrapped_text(tmp_path):
    long = "Posyandu khusus remaja untuk pemeriksaan, penyuluhan gizi, kesehatan reproduksi dan konseling " * 2
    root = make_event(tmp_path / "acara", {"inovasi.yaml": INOVASI_YAML.replace(
        "ringkasan: Jalan desa dengan swadaya warga.", f"ringkasan: {long.strip()}")})
    export_list("inovasi", load_event(root).event, tmp_path / "menu.xlsx")
    sheet = load_workbook(tmp_path / "menu.xlsx").active
    assert sheet.row_dimensions[2].height == 15 * 2  # "Desa Ketapanrame, Kab. Mojokerto" takes two lines
    assert sheet.row_dimensions[3].height == 15 * 5  # as textwrap.wrap(ringkasan, 49): 187 characters, 5 lines
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A3


def test_rollback_takes_the_rejected_rows_file_back_too(tmp_path, root):
    before = (root / "peserta.yaml").read_bytes()
    rows = ROWS + [[5, "Badu", "Ketua RT", "Tegalurung", ""]]
    plan = plan_import("peserta", xlsx(tmp_path / "bulu.xlsx", rows), load_event(root).event)
    plan.having("baru")[0].record["peran"] = "bupati"  # what a bug in the importer could do
    with pytest.raises(DataError):
        apply_plan(plan, root, skip_errors=True)
    assert (root / "peserta.yaml").read_bytes() == before
    assert not (tmp_path / "bulu-ditolak.xlsx").exists()
    assert not list(tmp_path.glob(".*.tmp")) and not list(root.glob(".*.tmp"))
