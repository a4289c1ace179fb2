"""The recap's files: XLSX sheets, both CSV flavours, JSON, the PDF report, and the CLI."""

from __future__ import annotations

import csv
import io
import json

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from bursa_cli.cli.app import app
from bursa_cli.recap import recap_event
from bursa_cli.recap.export import write_csv, write_json, write_xlsx
from bursa_cli.recap.tables import recap_tables
from render_helpers import pdf_pages
from support import plain

SHEETS = ["Ringkasan", "Rekap per desa", "Rekap per kecamatan", "Rekap per inovasi", "Rekap per bidang",
          "Tindak lanjut per P2KTD", "Kartu Ide (calon menu baru)", "Desa hadir tanpa komitmen"]
runner = CliRunner()


def test_xlsx_sheets_frozen_headers_and_typed_cells(contoh_event, tmp_path):
    recap = recap_event(contoh_event)
    path = write_xlsx(recap, tmp_path / "rekap.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.bold
    inovasi = book["Rekap per inovasi"]
    header = [c.value for c in inovasi[1]]
    top = dict(zip(header, [c.value for c in inovasi[2]]))
    assert top["Desa berkomitmen"] == recap.inovasi[0].desa_komitmen
    assert isinstance(top["Desa berkomitmen"], int)
    anggaran = inovasi.cell(row=2, column=header.index("Perkiraan anggaran") + 1)
    assert isinstance(anggaran.value, int) and anggaran.number_format == '"Rp"#,##0'
    desa = book["Rekap per desa"]
    assert desa.max_row == len(recap.desa) + 1
    total = sum(row[0] for row in desa.iter_rows(min_row=2, min_col=7, max_col=7, values_only=True))
    assert total == recap.ringkasan.komitmen


def test_csv_both_flavours_parse(contoh_event, tmp_path):
    recap = recap_event(contoh_event)
    written = write_csv(recap, tmp_path / "csv")
    names = {t.name for t in recap_tables(recap)}
    assert {p.name.removesuffix(".csv") for p in written} == names
    assert len(written) == 2 * len(names)
    for flavour, delimiter in (("koma", ","), ("titik-koma", ";")):
        raw = (tmp_path / "csv" / flavour / "inovasi.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads the accents right
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
        assert rows[0][:3] == ["Id", "Inovasi", "Bidang"]
        assert len(rows) == len(recap.inovasi) + 1
        by_id = {row[0]: row for row in rows[1:]}
        first = recap.inovasi[0]
        assert int(by_id[first.id][3]) == first.desa_komitmen
        if first.nilai_rata is not None:
            decimal = "," if delimiter == ";" else "."
            assert by_id[first.id][5] == f"{first.nilai_rata:.2f}".replace(".", decimal)


def test_json_records(contoh_event, tmp_path):
    recap = recap_event(contoh_event)
    data = json.loads(write_json(recap, tmp_path / "rekap.json").read_text(encoding="utf-8"))
    assert data["ringkasan"]["komitmen"] == recap.ringkasan.komitmen
    assert len(data["desa"]) == len(recap.desa)
    assert data["desa"][0]["inovasi_id"] == recap.desa[0].inovasi


def test_pdf_report_text_and_pages(contoh_event):
    result = runner.invoke(app, ["rekap", str(contoh_event), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(contoh_event / "keluaran" / "rekap" / "rekap.pdf")
    text = "\n".join(pdf_pages(contoh_event / "keluaran" / "rekap" / "rekap.pdf"))
    recap = recap_event(contoh_event)
    assert "LAPORAN REKAPITULASI HASIL" in text
    assert "LAMPIRAN: REKAP PER DESA" in text
    for row in recap.kecamatan:
        assert row.nama in text
    assert recap.inovasi[0].judul in text
    assert f"Halaman 1 dari {len(reader.pages)}" in text
    assert 4 <= len(reader.pages) <= 12
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert landscape and reader.pages[0].mediabox.width < reader.pages[0].mediabox.height


def test_pdf_report_preview_cuts_each_long_list_and_keeps_the_totals(contoh_event):
    """`cetak rekap --contoh 2`: two rows per list, the summary and charts still of every village."""
    result = runner.invoke(app, ["cetak", "rekap", str(contoh_event), "--contoh", "2"])
    assert result.exit_code == 0, result.output
    pages = pdf_pages(contoh_event / "keluaran" / "rekap" / "rekap-contoh.pdf")
    text = "\n".join(pages)
    recap = recap_event(contoh_event)
    assert "Contoh: setiap daftar hanya memuat 2 baris pertama." in " ".join(text.split())
    assert f"dari {recap.ringkasan.desa_diundang} desa diundang" in text
    assert all(row.nama in text for row in recap.kecamatan)  # the table per kecamatan stays whole
    annex = text[text.index("LAMPIRAN: REKAP PER DESA"):]
    shown = [d.nama for d in recap.desa if f" {d.nama} " in f" {annex} ".replace("\n", " ")]
    assert shown[:2] == [recap.desa[0].nama, recap.desa[1].nama] and recap.desa[-1].nama not in annex
    assert recap.inovasi[0].judul in text and recap.inovasi[-1].judul not in text.split("IV.")[1].split("V.")[0]
    assert f"Halaman 1 dari {len(pages)}" in text and len(pages) < 8
    assert not (contoh_event / "keluaran" / "rekap" / "rekap.pdf").exists()  # never replaces the real one


def test_pdf_report_is_a_registered_kind_and_goes_where_asked(contoh_event, tmp_path):
    """`cetak rekap --kecamatan` and `rekap --format pdf --keluaran` print through the one pipeline."""
    result = runner.invoke(app, ["cetak", "rekap", str(contoh_event), "--kecamatan", "Bulu"])
    assert result.exit_code == 0, result.output
    assert "keluaran/rekap/rekap.pdf" in plain(result.output)
    only = "\n".join(pdf_pages(contoh_event / "keluaran" / "rekap" / "rekap.pdf"))
    others = [k.nama for k in recap_event(contoh_event).kecamatan if k.nama != "Bulu"]
    assert "Bulu" in only and others and not any(f"\n{name} " in only for name in others)
    target = tmp_path / "untuk-bupati.pdf"
    moved = runner.invoke(app, ["rekap", str(contoh_event), "--format", "pdf", "--keluaran", str(target)])
    assert moved.exit_code == 0, moved.output
    assert "LAPORAN REKAPITULASI HASIL" in pdf_pages(target)[0]


@pytest.mark.parametrize("args, expected", [
    ([], ["Ringkasan", "Rekap per kecamatan", "Tindak lanjut per P2KTD"]),
    (["--kecamatan", "Bulu"], ["hanya kecamatan Bulu"]),
    (["--bidang", "psdm"], ["hanya bidang psdm"]),
])
def test_cli_table(contoh_event, args, expected):
    result = runner.invoke(app, ["rekap", str(contoh_event), *args])
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in plain(result.output)


@pytest.mark.parametrize("fmt, target", [("xlsx", "rekap.xlsx"), ("json", "rekap.json"), ("csv", "csv/koma/desa.csv")])
def test_cli_files(contoh_event, fmt, target):
    result = runner.invoke(app, ["rekap", str(contoh_event), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert (contoh_event / "keluaran" / "rekap" / target).is_file()
    assert not list((contoh_event / "keluaran" / "rekap").rglob("*.tmp"))


def test_cli_unknown_kecamatan_exit_2(contoh_event):
    result = runner.invoke(app, ["rekap", str(contoh_event), "--kecamatan", "Atlantis"])
    assert result.exit_code == 2
    assert "Kecamatan 'Atlantis' tidak ada di acara ini" in plain(result.output)
    assert "Traceback" not in result.output


def test_xlsx_prints_landscape_fitted_with_repeated_header(contoh_event, tmp_path):
    """Each sheet: A4 landscape, every column on one page's width, header row on every page,
    page numbers, Arial (the Liberation Sans twin) everywhere, long text wrapped in its column."""
    recap = recap_event(contoh_event)
    book = load_workbook(write_xlsx(recap, tmp_path / "rekap.xlsx"))
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
        assert {c.font.name for row in sheet.iter_rows() for c in row} == {"Arial"}
    desa = book["Rekap per desa"]
    assert desa["B2"].alignment.wrap_text


def test_xlsx_in_libreoffice_prints_each_sheet_in_full_width(contoh_event, tmp_path):
    """LibreOffice Calc prints the workbook with no sheet cut across pages sideways."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    calc = soffice and any(Path(soffice).resolve().parent.glob("libsclo.so"))
    if not calc:
        pytest.skip("LibreOffice Calc (Debian: libreoffice-calc-nogui) tidak terpasang; uji cetak rekap.xlsx dilewati")
    recap = recap_event(contoh_event)
    path = write_xlsx(recap, tmp_path / "rekap.xlsx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    from render_helpers import pdf_pages

    pages = PdfReader(str(tmp_path / "rekap.pdf")).pages
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in pages)  # landscape
    texts = [" ".join(t.split()) for t in pdf_pages(tmp_path / "rekap.pdf")]
    assert len(SHEETS) <= len(texts) <= len(SHEETS) + 2  # the audit found 31 pages, each sheet cut in four
    for table in recap_tables(recap):  # the first and the last column's header on one page: never cut sideways
        first, last = table.columns[0].header, " ".join(table.columns[-1].header.split())
        assert any(first in t and last in t for t in texts), (table.title, first, last)
