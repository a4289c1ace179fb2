"""Editable Word copies (DOCX) of the letters and the SK, for the legal section.

Built with python-docx from the same context as the PDF, so the wording is the
same. Fonts are Arial/Times New Roman (metric twins of the Liberation fonts in
the PDF), since the DOCX is opened in Word on office computers.

Why every table goes through `grid_table`: LibreOffice lays a table out by its
grid (`w:gridCol`), Word by the cells' widths (`w:tcW`); python-docx writes
equal grid columns whatever the cells say, so the SK's Menimbang shrank to a
quarter of the page in LibreOffice. Here the grid, the cells and the table
width agree, in a fixed layout inside the text width of the page. The
signature block is kept on one page (keep with next), the member table repeats
its header row, and pages after the first carry "- N -" as a PAGE field, as the
PDF does.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .. import indo
from ..errors import DataError, Problem, rel
from .surat import logo_picture

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
WORD_FONT = {"sans": "Arial", "serif": "Times New Roman"}
MARGIN_MM = {"top": 15, "bottom": 18, "left": 30, "right": 20}  # as the PDF's @page (base.html)
LINE = 1.2  # line height, as the PDF's (base.css)


def text_width(acara) -> float:
    """The width between the margins, in mm: every table fits in it."""
    return PAPER_MM[acara.dokumen.kertas_surat][0] - MARGIN_MM["left"] - MARGIN_MM["right"]


def new_document(acara):
    """An empty document with the event's paper, margins and font."""
    doc = Document()
    section = doc.sections[0]
    width, height = PAPER_MM[acara.dokumen.kertas_surat]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGIN_MM["left"]), Mm(MARGIN_MM["right"])
    section.header_distance, section.footer_distance = Mm(7), Mm(8)
    style = doc.styles["Normal"]
    font = WORD_FONT[acara.dokumen.huruf]
    style.font.name = font
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        style.element.rPr.rFonts.set(qn(key), font)
    style.font.size = Pt(acara.dokumen.ukuran_huruf)
    _line(style.paragraph_format, acara.dokumen.ukuran_huruf)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.widow_control = True
    _page_numbers(section, acara.dokumen.ukuran_huruf)
    return doc


def _line(paragraph_format, size: float) -> None:
    """The PDF's line height; "at least", so a picture in the line (the emblem) is never cut."""
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    paragraph_format.line_spacing = Pt(round(size * LINE, 1))


def _field(run, instruction: str) -> None:
    """A field Word and LibreOffice compute when the page is laid out (PAGE, NUMPAGES)."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _page_numbers(section, size: float) -> None:
    """"- 2 -" at the top centre from the second page on (tata naskah dinas), as the PDF prints it."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("- ").font.size = Pt(size)
    run = paragraph.add_run()
    run.font.size = Pt(size)
    _field(run, "PAGE")
    paragraph.add_run(" -").font.size = Pt(size)


def grid_table(parent, widths_mm: list[float], style: str | None = None):
    """A table whose grid, cell widths and table width agree, in a fixed layout (see the module's why)."""
    table = parent.add_table(rows=0, cols=len(widths_mm))
    if style:
        table.style = style
    table.autofit = False
    tblPr = table._tbl.tblPr
    width = tblPr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tblPr.append(width)
    width.set(qn("w:w"), str(_twips(sum(widths_mm))))
    width.set(qn("w:type"), "dxa")
    for column, mm in zip(table.columns, widths_mm):
        column.width = Mm(mm)
    table._bursa_widths = list(widths_mm)
    return table


def fit_cells(table) -> None:
    """Every cell's width from the grid, a merged cell (gridSpan) taking the sum of its columns."""
    widths = table._bursa_widths
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Mm(sum(widths[column:column + span]))
            column += span


def _twips(mm: float) -> int:
    return int(round(mm * 1440 / 25.4))


def repeat_header(row) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))


def keep_rows(table) -> None:
    """No row is cut across two pages."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def keep_together(paragraphs) -> None:
    """The paragraphs stay on one page: each keeps with the next, none is cut."""
    paragraphs = list(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = index < len(paragraphs) - 1


def save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def para(doc_or_cell, text: str = "", bold: bool = False, align=None, size: float | None = None,
         underline: bool = False, indent_mm: float | None = None, space_after: float = 0):
    p = doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.underline = underline
        if size:
            run.font.size = Pt(size)
    if size:
        _line(p.paragraph_format, size)
    if align is not None:
        p.alignment = align
    if indent_mm is not None:
        p.paragraph_format.left_indent = Mm(indent_mm)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _rule(paragraph) -> None:
    """The heavy double rule under the kop (thick over thin)."""
    pPr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", "24"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    pPr.append(border)


def emblem(run, root: Path, picture: Path, **size) -> None:
    """Place the emblem; a damaged picture file is the user's to replace, not a crash."""
    from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError

    try:
        run.add_picture(str(picture), **size)
    except (InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError, ValueError) as exc:
        shown = rel(picture, root)
        raise DataError.coded("BUR-C111",
                              problems=[Problem( message=f"Gambar lambang rusak atau bukan gambar ({type(exc).__name__}).", file=shown)],
                              berkas=shown) from None


def kop(doc, root: Path, p, width_mm: float) -> None:
    table = grid_table(doc, [25, width_mm - 25])
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.add_row().cells
    fit_cells(table)
    logo = logo_picture(root, p.logo)
    if logo is not None:
        emblem(left.paragraphs[0].add_run(), root, logo, width=Mm(20))
    first = right.paragraphs[0]
    run = first.add_run(p.pemerintah)
    run.bold, run.font.size = True, Pt(13.5)
    _line(first.paragraph_format, 13.5)
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(right, p.nama, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    address = p.alamat + (f" {p.kode_pos}" if p.kode_pos else "")
    lines = [", ".join(x for x in (address, p.telepon and f"Telepon {p.telepon}") if x),
             ", ".join(x for x in (p.email and f"Pos-el {p.email}", p.laman and f"Laman {p.laman}") if x)]
    for line in filter(None, lines):  # the same two lines as the PDF's kop
        para(right, line, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _rule(para(doc, space_after=8))


def signature(doc, pejabat, lines_before: list[str] = (), space: int = 4) -> None:
    """The signature block, kept on one page: the office, the name and the NIP never part.
    `space`: the empty lines left for the signature and the stamp."""
    indent = 85
    block = [para(doc, line, indent_mm=indent) for line in lines_before]
    if pejabat.status == "an" and pejabat.atas_nama:
        block.append(para(doc, f"a.n. {pejabat.atas_nama}", indent_mm=indent))
    prefix = {"plt": "Plt. ", "plh": "Plh. ", "pj": "Pj. "}.get(pejabat.status, "")
    block.append(para(doc, f"{prefix}{pejabat.jabatan},", indent_mm=indent))
    block += [para(doc, indent_mm=indent) for _ in range(space)]
    block.append(para(doc, pejabat.nama, bold=True, underline=True, indent_mm=indent))
    if pejabat.pangkat:
        block.append(para(doc, indo.pangkat(pejabat.pangkat, pejabat.golongan), indent_mm=indent))
    if pejabat.nip:
        block.append(para(doc, f"NIP {indo.nip(pejabat.nip)}", indent_mm=indent))
    keep_together(block)


def tembusan(doc, items: list[str]) -> None:
    if not items:
        return
    para(doc)
    block = [para(doc, "Tembusan:", size=11)]
    for index, item in enumerate(items, 1):
        number = f"{index}. " if len(items) > 1 else ""  # a single tembusan is not numbered
        block.append(para(doc, f"{number}{item}{';' if index < len(items) else '.'}", size=11))
    keep_together(block)


def label_table(doc, rows: list[tuple[str, str | list[str]]], width_mm: float, label_mm: float = 25,
                indent_mm: float = 0, bold_last=False):
    """Label, colon and value (a paragraph, or a list of them), as the PDF's tables without borders;
    `indent_mm` from the margin."""
    table = grid_table(doc, [label_mm, 4, width_mm - label_mm - 4 - indent_mm])
    for index, (label, value) in enumerate(rows):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label)
        cells[1].paragraphs[0].add_run(":")
        first, *more = [value] if isinstance(value, str) else value
        run = cells[2].paragraphs[0].add_run(first)
        run.bold = bold_last and index == len(rows) - 1
        for text in more:  # paragraphs, not line breaks: a justified line before a break is stretched
            para(cells[2], text, indent_mm=5).paragraph_format.first_line_indent = Mm(-5)
    fit_cells(table)
    _no_cell_margins(table)
    if indent_mm:
        tblPr = table._tbl.tblPr
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(_twips(indent_mm)))
        ind.set(qn("w:type"), "dxa")
        tblPr.append(ind)
    return table


def _no_cell_margins(table) -> None:
    """Cells without side margins, as the PDF's tables (padding 0), so a label sits at the margin."""
    cell_margins(table, 0, 0)


def cell_margins(table, vertical_mm: float, side_mm: float) -> None:
    """The cells' padding, as the PDF's table gives it."""
    tblPr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, mm in (("top", vertical_mm), ("left", side_mm), ("bottom", vertical_mm), ("right", side_mm)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(_twips(mm)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblPr.append(margins)


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


MASTER_YTH = "Daftar Terlampir"
"""Written after "Yth." in the master letter: the addressees are in the distribution list."""


def letters_docx(job, context: dict) -> bytes:
    """ONE editable master letter of a meeting; the addressees are in the distribution list.

    Why one: the office edits and signs one letter and sends it with its
    distribution list (PDF and CSV beside it), so the file stays the same size
    for 30 addressees or 1,745, and Word opens it at once.
    """
    acara = job.acara
    root = Path(job.event.root)
    doc = new_document(acara)
    width = text_width(acara)
    surat, rapat = context["surat"], context["rapat"]
    kop(doc, root, acara.penyelenggara, width)
    para(doc, f"{surat['tempat']}, {indo.tanggal(surat['tanggal'])}", align=WD_ALIGN_PARAGRAPH.RIGHT,
         space_after=8)
    attached = "" if surat["lampiran"] == "-" else f"{surat['lampiran']} dan "  # the same as every letter's
    label_table(doc, [("Nomor", surat["nomor"]), ("Sifat", surat["sifat"]),
                      ("Lampiran", f"{attached}1 (satu) berkas daftar distribusi"), ("Hal", surat["hal"])],
                width, label_mm=22, bold_last=True)
    para(doc)
    first = doc.add_paragraph("Yth. ")
    first.add_run(MASTER_YTH).bold = True
    para(doc, "di")
    para(doc, "Tempat", indent_mm=7, space_after=8)
    opening = para(doc, context["pembuka"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4)
    opening.paragraph_format.first_line_indent = Mm(12)
    label_table(doc, [("hari, tanggal", rapat["hari_tanggal"]), ("waktu", rapat["waktu"]),
                      ("tempat", rapat["tempat"]), ("acara", rapat["acara"])], width, label_mm=30, indent_mm=12)
    para(doc)
    groups = {p.kelompok for p in context["penerima"]}
    notes = dict.fromkeys(text for group, text in context["catatan"].items() if group in groups)
    for text in [*notes, context["penutup"]]:  # each group's note once, as the letters say it
        paragraph = para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4)
        paragraph.paragraph_format.first_line_indent = Mm(12)
    signature(doc, context["penanda_tangan"], [""])
    tembusan(doc, context["tembusan"])
    if context.get("lampiran"):
        programme_pages(doc, context["lampiran"], surat, width)
    return save(doc)


def programme_pages(doc, lampiran: dict, surat: dict, width_mm: float) -> None:
    """The susunan acara after the letter, as in the PDF: its own pages, headed as the letter's
    lampiran, and signed as the PDF signs it."""
    page_break(doc)
    for line in (f"LAMPIRAN SURAT {lampiran['pejabat']}", f"NOMOR    : {surat['nomor']}",
                 f"TANGGAL : {indo.tanggal(surat['tanggal'])}"):
        para(doc, line, indent_mm=80, size=10)
    para(doc)
    s = lampiran["susunan"]
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "SUSUNAN ACARA", bold=True, align=center)
    for line in (s["judul"].upper(), s["hari_tanggal"], s["tempat"]):
        para(doc, line, align=center)
    para(doc)
    table = grid_table(doc, [10, 26, width_mm - 10 - 26 - 38 - 30, 38, 30], style="Table Grid")
    header = table.add_row()
    repeat_header(header)
    for cell, text in zip(header.cells, ("No", f"Waktu ({s['zona']})", "Acara", "Petugas/Pengisi", "Tempat")):
        cell.paragraphs[0].add_run(text).bold = True
    for number, b in enumerate(s["baris"], 1):
        cells = table.add_row().cells
        acara = b["acara"] + (f" (bersamaan dengan No {', '.join(map(str, b['bersamaan']))})" if b["bersamaan"] else "")
        for cell, text in zip(cells, (str(number), b["waktu"], acara, b["pengisi"], b["tempat"])):
            cell.paragraphs[0].add_run(text)
    fit_cells(table)
    keep_rows(table)
    cell_margins(table, 1, 2)
    _small(table, 11)
    if lampiran.get("penanda_tangan") is not None:
        signature(doc, lampiran["penanda_tangan"], [""], space=3)


def sk_docx(job, context: dict) -> bytes:
    """The draft Keputusan with its Lampiran, for revision in Word."""
    acara = job.acara
    root = Path(job.event.root)
    doc = new_document(acara)
    width = text_width(acara)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if context["by_bupati"]:
        logo = logo_picture(root, acara.penyelenggara.logo)
        if logo is not None:
            emblem(para(doc, align=center).add_run(), root, logo, height=Mm(24))
        para(doc, context["pejabat"], bold=True, align=center, space_after=8)
    else:
        kop(doc, root, acara.penyelenggara, width)
    for line in (f"KEPUTUSAN {context['pejabat']}", f"NOMOR {context['nomor']}", "TENTANG", context["tentang"]):
        para(doc, line, bold=True, align=center)
    para(doc)
    para(doc, f"{context['pejabat']},", bold=True, align=center, space_after=8)
    _numbered(doc, width, "Menimbang", [f"{indo.huruf(i)}." for i in range(len(context["menimbang"]))],
              [t + ";" for t in context["menimbang"]])
    items = context["mengingat"]
    _numbered(doc, width, "Mengingat", [f"{i}." for i in range(1, len(items) + 1)],
              [t + (";" if i < len(items) - 1 else ".") for i, t in enumerate(items)])
    para(doc, "MEMUTUSKAN:", bold=True, align=center, space_after=6).paragraph_format.keep_with_next = True
    rows = [("Menetapkan", f"KEPUTUSAN {context['pejabat']} TENTANG {context['tentang']}.")]
    for d in context["diktum"]:
        rows.append((d["kata"], [d["isi"], *(f"{indo.huruf(i)}. {b}{';' if i < len(d['butir']) - 1 else '.'}"
                                             for i, b in enumerate(d["butir"]))]))
    table = label_table(doc, rows, width, label_mm=27)
    keep_rows(table)
    for row in table.rows:
        for paragraph in row.cells[2].paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # The last clause travels with the signature, as in the PDF: a signature never stands alone.
    for cell in table.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
    signature(doc, context["penanda_tangan"],
              ["", f"Ditetapkan di {context['ditetapkan_di']}", f"pada tanggal {indo.tanggal(context['tanggal'])}"])
    tembusan(doc, context["tembusan"])
    page_break(doc)
    for line in ("LAMPIRAN", f"KEPUTUSAN {context['pejabat']}", f"NOMOR    : {context['nomor']}",
                 f"TANGGAL : {indo.tanggal(context['tanggal'])}"):
        para(doc, line, indent_mm=72)
    para(doc)
    for line in ("SUSUNAN KEANGGOTAAN", "TIM INOVASI KABUPATEN DAN PANITIA", acara.nama.upper()):
        para(doc, line, bold=True, align=center)
    para(doc)
    table = grid_table(doc, [10, width - 10 - 40, 40], style="Table Grid")
    header = table.add_row()
    repeat_header(header)
    for cell, text in zip(header.cells, ("No", "Nama/Jabatan", "Kedudukan")):
        cell.paragraphs[0].add_run(text).bold = True
    for huruf, judul, anggota in context["tim"]:
        if not anggota:
            continue
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(huruf).bold = True
        cells[1].merge(cells[2]).paragraphs[0].add_run(judul).bold = True
        cells[0].paragraphs[0].paragraph_format.keep_with_next = True  # a group title never ends a page
        for index, a in enumerate(anggota, 1):
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(str(index))
            cells[1].paragraphs[0].add_run(a["nama"]).bold = True
            if a["jabatan"]:
                cells[1].add_paragraph(a["jabatan"])
            cells[2].paragraphs[0].add_run(a["kedudukan"])
    fit_cells(table)
    keep_rows(table)
    cell_margins(table, 1.2, 1.8)
    _small(table, 11)
    for row in table.rows[-3:]:  # the signature never stands alone: the last rows go with it, as in the PDF
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    signature(doc, context["penanda_tangan"], [""])
    return save(doc)


def _small(table, size: float) -> None:
    """The member table a point smaller, as the PDF's (0.92 em)."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                _line(paragraph.paragraph_format, size)
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def _numbered(doc, width_mm: float, label: str, numbers: list[str], texts: list[str]) -> None:
    table = grid_table(doc, [27, 4, 7, width_mm - 38])
    for index, (number, text) in enumerate(zip(numbers, texts)):
        cells = table.add_row().cells
        if index == 0:
            cells[0].paragraphs[0].add_run(label)
            cells[1].paragraphs[0].add_run(":")
        cells[2].paragraphs[0].add_run(number)
        cells[3].paragraphs[0].add_run(text)
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        cells[3].paragraphs[0].paragraph_format.space_after = Pt(4)
    fit_cells(table)
    _no_cell_margins(table)
    para(doc)
