"""Helpers for the rendering tests: read back what a PDF or DOCX contains."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from bursa_cli.render.job import Options, produce
from bursa_cli.render.pdf import Provenance

TODAY = date(2026, 9, 15)
ORIGIN = Provenance("0123456789abcdef0123456789abcdef01234567")


def pdf_pages(path: Path) -> list[str]:
    """The text of each page."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


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
