"""The lean user-agent sheet (render/useragent.py): every built-in document prints byte for byte as
with WeasyPrint's full sheet, WeasyPrint still asks the hook for it, and a document that needs the
full sheet (a footnote, a note, a list item that is not <li>, a stylesheet of its own) gets it."""

from __future__ import annotations

from pathlib import Path

import pytest

import bursa_cli.render.useragent as useragent
from bursa_cli.render.job import Options, plan
from bursa_cli.render.kinds import KINDS
from render_helpers import ORIGIN, TODAY, pdf_pages

PRINTED = [kind.name for kind in KINDS if kind.name != "halaman-verifikasi"]  # that one is a web page


def _first_items(context: dict, count: int = 3) -> dict:
    """The context with its longest list (the letters, the cards) cut to its first items."""
    lists = [key for key, value in context.items() if isinstance(value, list)]
    if not lists:
        return context
    longest = max(lists, key=lambda key: len(context[key]))
    return {**context, longest: context[longest][:count]}


@pytest.mark.parametrize("kind", PRINTED)
def test_the_lean_sheet_prints_each_builtin_document_byte_for_byte(contoh_event: Path, kind, monkeypatch):
    job = plan(kind, contoh_event, Options(today=TODAY, ulang=True), origin=ORIGIN)
    try:
        output = next(output for output in job.outputs if output.parts)
        template, context = output.parts[0]
        html = job.renderer.html(template, _first_items(context), output.title)
        assert useragent.can_be_lean(html), f"{template} holds a word that needs the full sheet"

        lean = job.renderer.write(job.renderer.document(html, share_style=True))
        monkeypatch.setattr(useragent, "can_be_lean", lambda html: False)
        full = job.renderer.write(job.renderer.document(html, share_style=True))
    finally:
        job.finish()
    assert len(pdf_pages(lean)) >= 1
    assert lean == full


def test_weasyprint_still_takes_its_user_agent_sheet_from_the_hook(monkeypatch):
    asked = []
    original = useragent.PrintHTML._ua_stylesheets

    def spy(self, forms=False):
        sheets = original(self, forms)
        asked.append(sheets)
        return sheets

    monkeypatch.setattr(useragent.PrintHTML, "_ua_stylesheets", spy)
    pdf = useragent.PrintHTML(string="<p>Surat</p>", lean=True).write_pdf()
    assert pdf_pages(pdf)[0].strip() == "Surat"
    assert asked and useragent.lean_sheet() in asked[0]
    # The sheet this WeasyPrint ships is the one the lean sheet is cut from: five rules fewer.
    full, lean = useragent.full_sheet_text(), useragent.lean_sheet_text()
    assert lean.count("{") == full.count("{") - 5 and "li::marker {" in lean and "::note-call" not in lean


@pytest.mark.parametrize("html", [
    '<p>Lihat<span style="float: footnote">Catatan.</span></p>',
    '<style>.catatan { position: note(catatan) }</style><p>Lihat</p>',
    '<div style="display: list-item">Butir</div>',
    '<link rel="stylesheet" href="gaya.css"><p>Surat</p>',
    '<style>@import url("gaya.css");</style><p>Surat</p>',
])
def test_a_document_that_may_need_the_full_sheet_gets_it(html):
    assert not useragent.can_be_lean(html)


def test_a_footnote_prints_its_call_and_its_number(minimal_event):
    from bursa_cli.render.pdf import Renderer
    from bursa_cli.schema.event import load_event

    renderer = Renderer(load_event(minimal_event).event, today=TODAY, origin=ORIGIN)
    html = '<p>Lihat pasal 3<span style="float: footnote">Catatan kaki pertama.</span> berikut.</p>'
    text = " ".join(pdf_pages(renderer.write(renderer.document(html)))[0].split())
    assert text == "Lihat pasal 31 berikut. 1. Catatan kaki pertama."
