"""Type sizes a village head can read: the katalog's body at 10 pt or more, nothing under 8 pt;
the Kartu ID's smallest type 7.5 pt. Measured on WeasyPrint's laid-out text boxes, by characters."""

from __future__ import annotations

import statistics

import pytest

from bursa_cli.render.job import Options, plan
from render_helpers import TODAY


def sizes(folder, kind: str, **options) -> list[float]:
    """The type size (pt) of every character laid out on the kind's pages (the CONTOH stamp left out)."""
    from weasyprint.formatting_structure import boxes

    job = plan(kind, folder, Options(today=TODAY, **options))
    found: list[float] = []
    try:
        output = job.outputs[0]
        document = job.renderer.document(job.renderer.html(*output.parts[0], output.title))
        def walk(box):  # by `children`: absolutely placed boxes (the cards) are reached too
            if isinstance(box, boxes.TextBox) and box.text.strip():
                found.extend([box.style["font_size"] * 0.75] * len(box.text.strip()))
            for child in getattr(box, "children", ()):
                if "contoh-cap" not in _classes(child):
                    walk(child)

        for page in document.pages:
            walk(page._page_box)
    finally:
        job.finish()
    return found


def _classes(box) -> str:
    element = getattr(box, "element", None)
    return element.get("class", "") if element is not None else ""


def test_katalog_body_is_10_pt_and_nothing_under_8(contoh_event):
    found = sizes(contoh_event, "katalog")
    assert statistics.median(found) >= 10.0, statistics.median(found)
    assert min(found) >= 8.0


def test_katalog_cover_carries_the_emblem(contoh_event):
    job = plan("katalog", contoh_event, Options(today=TODAY))
    try:
        html = job.renderer.html(*job.outputs[0].parts[0], job.outputs[0].title)
    finally:
        job.finish()
    cover = html.split('<section class="sampul"')[1].split("</section>")[0]
    assert '<img class="lambang" src="aset/logo.png"' in cover


@pytest.mark.parametrize("ukuran", ["ID-1"])
def test_kartu_id_type_is_never_under_7_5_pt(contoh_event, ukuran):
    assert min(sizes(contoh_event, "kartu-id", contoh=10)) >= 7.5
