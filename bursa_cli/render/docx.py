"""Editable Word copies (DOCX) of the letters and the SK, for the legal section.

Built with python-docx from the same context as the PDF, so the wording is the
same. Fonts are Arial/Times New Roman (metric twins of the Liberation fonts in
the PDF), since the DOCX is opened in Word on office computers.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .. import indo
from ..errors import DataError, Problem, rel
from .surat import logo_picture

PAPER_MM = {"A4": (210, 297), "F4": (215, 330)}
WORD_FONT = {"sans": "Arial", "serif": "Times New Roman"}


def new_document(acara):
    """An empty document with the event's paper, margins and font."""
    doc = Document()
    section = doc.sections[0]
    width, height = PAPER_MM[acara.dokumen.kertas_surat]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(15), Mm(18)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    style = doc.styles["Normal"]
    style.font.name = WORD_FONT[acara.dokumen.huruf]
    style.element.rPr.rFonts.set(qn("w:eastAsia"), WORD_FONT[acara.dokumen.huruf])
    style.font.size = Pt(acara.dokumen.ukuran_huruf)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return doc


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
        raise DataError(f"Gambar lambang {shown} rusak atau bukan gambar, jadi DOCX tidak dibuat.", [Problem(
            message=f"Gambar lambang rusak atau bukan gambar ({type(exc).__name__}).", file=shown)],
            hint="Simpan ulang lambangnya sebagai PNG dari berkas aslinya, lalu ulangi perintah.") from None


def kop(doc, root: Path, p) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(25), Mm(140)
    logo = logo_picture(root, p.logo)
    if logo is not None:
        emblem(left.paragraphs[0].add_run(), root, logo, width=Mm(20))
    first = right.paragraphs[0]
    run = first.add_run(p.pemerintah)
    run.bold, run.font.size = True, Pt(14)
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(right, p.nama, bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    address = p.alamat + (f" Kode Pos {p.kode_pos}" if p.kode_pos else "")
    para(right, address, size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    contact = ", ".join(x for x in (p.telepon and f"Telepon {p.telepon}", p.email and f"Pos-el {p.email}",
                                    p.laman and f"Laman {p.laman}") if x)
    if contact:
        para(right, contact, size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    _rule(para(doc, space_after=8))


def signature(doc, pejabat, lines_before: list[str] = ()) -> None:
    indent = 85
    for line in lines_before:
        para(doc, line, indent_mm=indent)
    if pejabat.status == "an" and pejabat.atas_nama:
        para(doc, f"a.n. {pejabat.atas_nama}", indent_mm=indent)
    prefix = {"plt": "Plt. ", "plh": "Plh. ", "pj": "Pj. "}.get(pejabat.status, "")
    para(doc, f"{prefix}{pejabat.jabatan},", indent_mm=indent)
    for _ in range(4):
        para(doc, indent_mm=indent)
    para(doc, pejabat.nama, bold=True, underline=True, indent_mm=indent)
    if pejabat.pangkat:
        para(doc, indo.pangkat(pejabat.pangkat, pejabat.golongan), indent_mm=indent)
    if pejabat.nip:
        para(doc, f"NIP {indo.nip(pejabat.nip)}", indent_mm=indent)


def tembusan(doc, items: list[str]) -> None:
    if not items:
        return
    para(doc)
    para(doc, "Tembusan:", size=11)
    for index, item in enumerate(items, 1):
        number = f"{index}. " if len(items) > 1 else ""  # a single tembusan is not numbered
        para(doc, f"{number}{item}{';' if index < len(items) else '.'}", size=11)


def label_table(doc, rows: list[tuple[str, str]], label_mm: float = 25, indent_mm: float = 0, bold_last=False):
    table = doc.add_table(rows=0, cols=3)
    for index, (label, value) in enumerate(rows):
        cells = table.add_row().cells
        cells[0].width, cells[1].width, cells[2].width = Mm(label_mm), Mm(4), Mm(130 - label_mm - indent_mm)
        cells[0].paragraphs[0].add_run(label)
        cells[1].paragraphs[0].add_run(":")
        run = cells[2].paragraphs[0].add_run(value)
        run.bold = bold_last and index == len(rows) - 1
    if indent_mm:
        tblPr = table._tbl.tblPr
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(indent_mm * 56.7)))
        ind.set(qn("w:type"), "dxa")
        tblPr.append(ind)
    return table


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
    surat, rapat = context["surat"], context["rapat"]
    kop(doc, root, acara.penyelenggara)
    para(doc, f"{surat['tempat']}, {indo.tanggal(surat['tanggal'])}", align=WD_ALIGN_PARAGRAPH.RIGHT,
         space_after=8)
    attached = "" if surat["lampiran"] == "-" else f"{surat['lampiran']} dan "  # the same as every letter's
    label_table(doc, [("Nomor", surat["nomor"]), ("Sifat", surat["sifat"]),
                      ("Lampiran", f"{attached}1 (satu) berkas daftar distribusi"), ("Hal", surat["hal"])],
                bold_last=True)
    para(doc)
    first = doc.add_paragraph("Yth. ")
    first.add_run(MASTER_YTH).bold = True
    para(doc, "di")
    para(doc, "Tempat", indent_mm=7, space_after=8)
    opening = para(doc, context["pembuka"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4)
    opening.paragraph_format.first_line_indent = Mm(12)
    label_table(doc, [("hari, tanggal", rapat["hari_tanggal"]), ("waktu", rapat["waktu"]),
                      ("tempat", rapat["tempat"]), ("acara", rapat["acara"])], label_mm=30, indent_mm=12)
    para(doc)
    groups = {p.kelompok for p in context["penerima"]}
    notes = dict.fromkeys(text for group, text in context["catatan"].items() if group in groups)
    for text in [*notes, context["penutup"]]:  # each group's note once, as the letters say it
        paragraph = para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=4)
        paragraph.paragraph_format.first_line_indent = Mm(12)
    para(doc)
    signature(doc, context["penanda_tangan"])
    tembusan(doc, context["tembusan"])
    if context.get("lampiran"):
        programme_pages(doc, context["lampiran"], surat)
    return save(doc)


def programme_pages(doc, lampiran: dict, surat: dict) -> None:
    """The susunan acara after the letter, as in the PDF: its own pages, headed as the letter's lampiran."""
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
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("No", f"Waktu ({s['zona']})", "Acara", "Petugas/Pengisi", "Tempat")):
        cell.paragraphs[0].add_run(text).bold = True
    for number, b in enumerate(s["baris"], 1):
        cells = table.add_row().cells
        acara = b["acara"] + (f" (bersamaan dengan No {', '.join(map(str, b['bersamaan']))})" if b["bersamaan"] else "")
        for cell, text in zip(cells, (str(number), b["waktu"], acara, b["pengisi"], b["tempat"])):
            cell.paragraphs[0].add_run(text)
    for row in table.rows:
        for cell, width in zip(row.cells, (9, 26, 60, 40, 30)):
            cell.width = Mm(width)


def sk_docx(job, context: dict) -> bytes:
    """The draft Keputusan with its Lampiran, for revision in Word."""
    acara = job.acara
    root = Path(job.event.root)
    doc = new_document(acara)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if context["by_bupati"]:
        logo = logo_picture(root, acara.penyelenggara.logo)
        if logo is not None:
            emblem(para(doc, align=center).add_run(), root, logo, height=Mm(24))
        para(doc, context["pejabat"], bold=True, align=center, space_after=8)
    else:
        kop(doc, root, acara.penyelenggara)
    for line in (f"KEPUTUSAN {context['pejabat']}", f"NOMOR {context['nomor']}", "TENTANG", context["tentang"]):
        para(doc, line, bold=True, align=center)
    para(doc)
    para(doc, f"{context['pejabat']},", bold=True, align=center, space_after=8)
    _numbered(doc, "Menimbang", [f"{indo.huruf(i)}." for i in range(len(context["menimbang"]))],
              [t + ";" for t in context["menimbang"]])
    items = context["mengingat"]
    _numbered(doc, "Mengingat", [f"{i}." for i in range(1, len(items) + 1)],
              [t + (";" if i < len(items) - 1 else ".") for i, t in enumerate(items)])
    para(doc, "MEMUTUSKAN:", bold=True, align=center, space_after=6)
    rows = [("Menetapkan", f"KEPUTUSAN {context['pejabat']} TENTANG {context['tentang']}.")]
    for d in context["diktum"]:
        text = d["isi"]
        if d["butir"]:
            text += "\n" + "\n".join(f"{indo.huruf(i)}. {b}{';' if i < len(d['butir']) - 1 else '.'}"
                                     for i, b in enumerate(d["butir"]))
        rows.append((d["kata"], text))
    table = label_table(doc, rows, label_mm=28)
    for row in table.rows:
        row.cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    para(doc)
    signature(doc, context["penanda_tangan"],
              [f"Ditetapkan di {context['ditetapkan_di']}", f"pada tanggal {indo.tanggal(context['tanggal'])}"])
    tembusan(doc, context["tembusan"])
    page_break(doc)
    for line in ("LAMPIRAN", f"KEPUTUSAN {context['pejabat']}", f"NOMOR    : {context['nomor']}",
                 f"TANGGAL : {indo.tanggal(context['tanggal'])}"):
        para(doc, line, indent_mm=75)
    para(doc)
    for line in ("SUSUNAN KEANGGOTAAN", "TIM INOVASI KABUPATEN DAN PANITIA", acara.nama.upper()):
        para(doc, line, bold=True, align=center)
    para(doc)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("No", "Nama/Jabatan", "Kedudukan dalam Tim")):
        cell.paragraphs[0].add_run(text).bold = True
    for huruf, judul, anggota in context["tim"]:
        if not anggota:
            continue
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(huruf).bold = True
        cells[1].merge(cells[2]).paragraphs[0].add_run(judul).bold = True
        for index, a in enumerate(anggota, 1):
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(str(index))
            cells[1].paragraphs[0].add_run(a["nama"]).bold = True
            if a["jabatan"]:
                cells[1].add_paragraph(a["jabatan"])
            cells[2].paragraphs[0].add_run(a["kedudukan"])
    for row in table.rows:
        row.cells[0].width, row.cells[1].width, row.cells[2].width = Mm(12), Mm(105), Mm(45)
    para(doc)
    signature(doc, context["penanda_tangan"])
    return save(doc)


def _numbered(doc, label: str, numbers: list[str], texts: list[str]) -> None:
    table = doc.add_table(rows=0, cols=4)
    for index, (number, text) in enumerate(zip(numbers, texts)):
        cells = table.add_row().cells
        for cell, width in zip(cells, (28, 4, 8, 125)):
            cell.width = Mm(width)
        if index == 0:
            cells[0].paragraphs[0].add_run(label)
            cells[1].paragraphs[0].add_run(":")
        cells[2].paragraphs[0].add_run(number)
        cells[3].paragraphs[0].add_run(text)
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    para(doc)
