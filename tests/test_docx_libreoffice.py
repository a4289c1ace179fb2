"""The editable DOCX files hold their layout in LibreOffice, the office suite many Dinas laptops have.

Each DOCX is converted to PDF by LibreOffice headless (Debian's libreoffice-writer-nogui, which
`tugas.py uji` installs where it runs as root) and compared with bursa's own PDF: the same number
of pages, or at most one more, and the signature block (jabatan, name, NIP) on one page. The
structure that LibreOffice follows (the table grid) is checked without it as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from render_helpers import pdf_pages, run

SOFFICE = os.environ.get("BURSA_SOFFICE") or shutil.which("soffice")
NIP = "NIP 19680512 199403 1 007"
NAMA = "Bambang Sutrisno"


def soffice_or_skip() -> str:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) tidak terpasang (Debian: apt-get install -y libreoffice-writer-nogui); "
                    "uji DOCX di LibreOffice dilewati")
    return SOFFICE


def to_pdf(docx: Path, out: Path, profile: Path) -> Path:
    """The DOCX as LibreOffice lays it out, with a private profile (test workers run side by side)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice_or_skip(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = out / (docx.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice tidak menulis {pdf.name}"
    return pdf


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """contoh-kabupaten's SK and the letters of two meetings (one with the susunan acara as lampiran)."""
    from support import make_event

    folder = make_event(tmp_path_factory.mktemp("lo") / "contoh", base="contoh")
    run("sk", folder)
    run("undangan", folder, rapat="rapat-pembukaan")
    run("undangan", folder, rapat="hari-h", contoh=3)  # three letters are enough to count one's pages
    return folder / "keluaran"


def _signature_pages(pages: list[str]) -> list[int]:
    return [i for i, text in enumerate(pages) if NIP in text]


@pytest.mark.parametrize("stem, per_letter", [("sk-tik-panitia", False), ("undangan-rapat-pembukaan", True),
                                              ("undangan-hari-h-contoh", True)])
def test_docx_in_libreoffice_keeps_pages_and_signature(printed, tmp_path, stem, per_letter):
    lo_pages = pdf_pages(to_pdf(printed / f"{stem}.docx", tmp_path / "pdf", tmp_path / "profil"))
    own = pdf_pages(printed / f"{stem}.pdf")
    if per_letter:  # bursa's PDF holds one letter per addressee; the DOCX is the one master letter
        letters = sum(1 for text in own if "Yth." in text)
        expected = len(own) // letters
    else:
        expected = len(own)
    assert expected <= len(lo_pages) <= expected + 1, (len(lo_pages), expected)
    signed = _signature_pages(lo_pages)
    assert signed, "blok tanda tangan tidak ditemukan"
    for index in signed:  # jabatan, name and NIP on one page
        text = " ".join(lo_pages[index].split())
        assert NAMA in text and "KEPALA DINAS PEMBERDAYAAN MASYARAKAT" in text.split(NAMA)[0][-400:], index
    if len(lo_pages) > 1:  # page numbers from the second page on, as fields LibreOffice computed
        assert "- 2 -" in lo_pages[1]


def test_sk_docx_in_libreoffice_reads_in_full_width(printed, tmp_path):
    """Menimbang's lines run across the page, not in a quarter-width column (the grid bug)."""
    lo_pages = pdf_pages(to_pdf(printed / "sk-tik-panitia.docx", tmp_path / "pdf", tmp_path / "profil"))
    first = lo_pages[0]
    line = next(line for line in first.splitlines() if "bahwa dalam rangka" in line)
    assert len(line.split()) >= 8, line  # a quarter-width column held two or three words a line
    assert "Kedudukan" in " ".join(lo_pages[3:]) and "Kedudukan dalam Tim" not in " ".join(lo_pages)


@pytest.mark.parametrize("stem", ["sk-tik-panitia", "undangan-hari-h-contoh"])
def test_docx_grid_agrees_with_cells(printed, stem):
    """Every table: fixed layout, grid columns summing to the table width, each cell as wide as
    the grid columns it spans, inside the text width of the page."""
    doc = Document(str(printed / f"{stem}.docx"))
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in doc.tables:
        tbl = table._tbl
        grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert abs(int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) - sum(grid)) <= len(grid)
        assert sum(grid) * 635 <= text_width + 635 * 20  # twips to EMU, a rounding margin
        for tr in tbl.tr_lst:
            column = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                width = int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))  # twips, as the grid
                assert abs(width - sum(grid[column:column + span])) <= span
                column += span
            assert column == len(grid)


def test_docx_page_setup_and_repeated_header(printed):
    from docx.shared import Mm

    doc = Document(str(printed / "sk-tik-panitia.docx"))
    section = doc.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (215, 330)  # F4
    assert [round(m / Mm(1)) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                       section.right_margin)] == [15, 18, 30, 20]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    members = doc.tables[-1]
    assert members.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    last = [p for p in doc.paragraphs if p.text.strip()][-3:]  # name, pangkat, NIP of the lampiran
    assert last[-1].text == NIP
    block = [p for p in doc.paragraphs if p.paragraph_format.keep_with_next]
    assert any(NAMA == p.text for p in block)
