"""Helpers for the rendering tests: read back what a PDF or DOCX contains."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from bursa_cli.render.job import Options, plan, produce
from bursa_cli.render.pdf import Provenance

TODAY = date(2026, 9, 15)
ORIGIN = Provenance("0123456789abcdef0123456789abcdef01234567")


def pdf_pages(source: Path | bytes) -> list[str]:
    """The text of each page of a PDF file (or its bytes), line by line, as PDFium reads it:
    twenty times faster than pypdf's extraction, and it keeps words apart that pypdf glues."""
    import pypdfium2

    document = pypdfium2.PdfDocument(source if isinstance(source, bytes) else str(source))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def pdf_fonts(path: Path) -> set[str]:
    """The BaseFont names of every font used on any page."""
    names = set()
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def run(kind: str, folder: Path, **options):
    """`bursa cetak KIND` on `folder` with a fixed date of printing."""
    origin = options.pop("origin", ORIGIN)
    on_batch = options.pop("on_batch", None)
    options.setdefault("today", TODAY)
    return produce(kind, folder, Options(**options), origin=origin, on_batch=on_batch)


def written(folder: Path) -> list[str]:
    """Every file (temporaries included) under keluaran/."""
    out = folder / "keluaran"
    return sorted(p.name for p in out.iterdir()) if out.is_dir() else []


def planned_html(kind: str, folder: Path, **options) -> dict[str, str]:
    """The HTML of every PDF one `bursa cetak KIND` would make, by file name, with nothing written:
    what a test reads where laying the pages out adds nothing to what it checks."""
    origin = options.pop("origin", ORIGIN)
    options.setdefault("today", TODAY)
    job = plan(kind, folder, Options(**options), origin=origin)
    try:
        return {output.name: "".join(job.renderer.html(template, context, output.title)
                                     for template, context in output.parts)
                for output in job.outputs if output.parts}
    finally:
        job.finish()


def html_text(markup: str) -> str:
    """The words of an HTML document, its tags and styles dropped, spaces collapsed."""
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
