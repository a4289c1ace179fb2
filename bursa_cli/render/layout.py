"""The layout check: what an officer would reject, found on WeasyPrint's laid-out pages.

It reads the box tree WeasyPrint builds (not pixels), so it is exact and fast:
every box stays inside the page's content area and inside any frame drawn
around it (an element with class `bingkai...`); no text is clipped by a box
that hides what overflows it (`overflow: hidden`: the text is in the PDF but
not on the paper, as a Kartu ID's long name once was); no line of text is wider than
its block; an item marked `satu-halaman` fills exactly one page of its own; no
heading (h1-h6, or an element with class `judul-kelompok`) is the last thing on a page;
a table with a <thead> shows it on every page it spans; and every glyph comes
from the font files the package ships (`bursa_cli/assets/fonts`): the laid-out
text runs are traced to the font file Pango chose, so a system copy of
Liberation, or a fallback such as DejaVu Sans for a missing glyph, is found.

`check_kind` runs it on one kind of the registry (`render/kinds.py`), so a new
document gets the check by being registered.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import FONTS
from .job import Options, plan
from .kinds import KINDS

EPSILON = 0.5  # CSS px (1/96 in): rounding in the layout, far below anything visible
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED = ("contoh-cap",)
FORCED = {"page", "left", "right", "recto", "verso"}  # the preview stamp is drawn across the page on purpose


@dataclass(frozen=True)
class Flaw:
    """One layout defect, placed at its output, page and element."""

    output: str
    page: int  # 1-based
    rule: str  # keluar, terpotong, baris, halaman, judul, kepala-tabel, huruf
    message: str

    def __str__(self) -> str:
        return f"{self.output} hlm {self.page}: [{self.rule}] {self.message}"


def check_kind(folder: Path, kind: str, options: Options | None = None) -> list[Flaw]:
    """Lay out every PDF one `bursa cetak KIND` would make (nothing written) and check it."""
    job = plan(kind, Path(folder), options or Options())
    flaws: list[Flaw] = []
    try:
        renderer = job.renderer
        for output in job.outputs:
            for template, context in output.parts or []:
                document = renderer.document(renderer.html(template, context, output.title))
                flaws.extend(check_document(document, output.name))
    finally:
        job.finish()
    return flaws


def check_kinds(folder: Path, options: Options | None = None, kinds=None) -> dict[str, list[Flaw]]:
    """`check_kind` for every registered kind (or the `kinds` given)."""
    names = kinds if kinds is not None else [kind.name for kind in KINDS]
    return {name: check_kind(folder, name, options) for name in names}


def check_document(document, name: str = "dokumen", pdf: bytes | None = None) -> list[Flaw]:
    """Every layout flaw of one laid-out WeasyPrint document."""
    flaws: list[Flaw] = []
    single: dict[int, set[int]] = {}  # element -> pages, for `satu-halaman` items
    tables: dict[int, list[tuple[int, bool]]] = {}
    foreign: dict[str, int] = {}  # a font file not shipped -> the first page it is used on
    with_svg = []  # the pages that draw an SVG image
    for number, page in enumerate(document.pages, start=1):
        walk = _PageWalk(name, number, page._page_box)
        flaws.extend(walk.flaws)
        if walk.svg:
            with_svg.append(page)
        for family in walk.foreign:
            foreign.setdefault(family, number)
        for key in walk.single:
            single.setdefault(key, set()).add(number)
        for key, has_header in walk.tables:
            tables.setdefault(key, []).append((number, has_header))
        if walk.single and len(walk.single) > 1:
            flaws.append(Flaw(name, number, "halaman", f"{len(walk.single)} butir berbagi satu halaman."))
        if number < len(document.pages) and walk.last_heading:
            flaws.append(Flaw(name, number, "judul",
                              f"judul '{walk.last_heading}' menjadi hal terakhir di halaman."))
    for pages in single.values():
        if len(pages) > 1:
            flaws.append(Flaw(name, min(pages), "halaman",
                              f"satu butir memakai {len(pages)} halaman ({min(pages)}-{max(pages)})."))
    for fragments in tables.values():
        if len(fragments) > 1:
            for number, has_header in fragments:
                if not has_header:
                    flaws.append(Flaw(name, number, "kepala-tabel", "kepala tabel tidak diulang di halaman ini."))
    for family, number in sorted(foreign.items()):
        flaws.append(Flaw(name, number, "huruf", f"huruf '{family}' bukan huruf bawaan bursa "
                                                 "(berkasnya bukan dari bursa_cli/assets/fonts)."))
    # Text inside SVG (the floor plan, the rekap's charts) is no box of the tree: its fonts are read
    # from the PDF of those pages alone, by name. Every other glyph was a text box, checked above.
    if pdf is None and not with_svg:
        return flaws
    data = pdf if pdf is not None else document.copy(with_svg).write_pdf()
    named = {_font_key(f) for f in foreign}
    for font in sorted(f for f in pdf_fonts(data) if _font_key(f) not in shipped_fonts() | named):
        flaws.append(Flaw(name, 0, "huruf", f"huruf '{font}' bukan huruf bawaan bursa."))
    return flaws


class _PageWalk:
    """One pass over one page's boxes, gathering flaws and facts for the cross-page rules."""

    def __init__(self, name: str, number: int, page_box):
        from weasyprint.formatting_structure import boxes
        from weasyprint.images import SVGImage

        self.boxes, self.svg_image = boxes, SVGImage
        self.name, self.number = name, number
        self.flaws: list[Flaw] = []
        self.single: set[int] = set()
        self.tables: list[tuple[int, bool]] = []
        self.last_heading = ""
        self.foreign: set[str] = set()  # families drawn from a font file the package does not ship
        self.svg = False  # an SVG image is drawn on the page: its text is no box of the tree
        self._reported: set[int] = set()
        area = (page_box.content_box_x(), page_box.content_box_y(),
                page_box.content_box_x() + page_box.width, page_box.content_box_y() + page_box.height)
        for child in page_box.children:
            if not isinstance(child, boxes.MarginBox):
                self._visit(child, [("halaman", area)], None, "", True, False)

    def _visit(self, box, frames, block, heading: str, in_flow: bool, forced: bool) -> None:
        boxes = self.boxes
        element = getattr(box, "element", None)
        classes = _classes(element)
        if any(c in SKIPPED for c in classes):
            return
        if box.style["position"] in ("absolute", "fixed"):
            in_flow = False
        if isinstance(box, boxes.TableBox) and element is not None and _has_thead(element):
            self.tables.append((id(element), any(_local(getattr(g.element, "tag", "")) == "thead" and g.children
                                                 for g in box.children)))
        if "satu-halaman" in classes and element is not None:
            self.single.add(id(element))
        tag = getattr(box, "element_tag", "")
        if tag.endswith("::marker"):
            return  # an outside list marker sits left of its item by design
        if box.style["break_after"] in FORCED:
            forced = True
        if element is not None and (tag in HEADINGS or "judul-kelompok" in classes) \
                and not heading and not isinstance(box, boxes.InlineBox):
            heading = _text(box)[:60] or tag
        if tag not in ("html", "body"):  # their height holds the body's margins, not ink
            self._contain(box, frames, element)
        if isinstance(box, boxes.TextBox) and box.text.strip():
            self.foreign.update(_foreign_fonts(box))
        if isinstance(box, boxes.ReplacedBox) and isinstance(box.replacement, self.svg_image):
            self.svg = True
        if isinstance(box, boxes.LineBox):
            if in_flow:  # a heading before a forced page break (a cover) is meant
                self.last_heading = "" if forced else heading
            self._line(box, block)
        if any(c.startswith("bingkai") for c in classes) and isinstance(box, boxes.BlockBox):
            frame = (box.padding_box_x(), box.padding_box_y(),
                     box.padding_box_x() + box.padding_width(), box.padding_box_y() + box.padding_height())
            frames = [*frames, ("bingkai", frame)]
        if box.style["overflow"] != "visible" and isinstance(box, boxes.BlockContainerBox) \
                and tag not in ("html", "body"):
            # What overflows is not drawn: a box reaching past it is text that is in the PDF but not on paper.
            frame = (box.padding_box_x(), box.padding_box_y(),
                     box.padding_box_x() + box.padding_width(), box.padding_box_y() + box.padding_height())
            frames = [*frames, ("potong", frame)]
        if isinstance(box, boxes.BlockContainerBox):
            block = box
        for child in getattr(box, "children", ()):
            self._visit(child, frames, block, heading, in_flow, forced)

    def _contain(self, box, frames, element) -> None:
        width, height = box.border_width(), box.border_height()
        if width <= EPSILON or height <= EPSILON or box.position_x is None:
            return
        x0, y0 = box.border_box_x(), box.border_box_y()
        x1, y1 = x0 + width, y0 + height
        for what, (fx0, fy0, fx1, fy1) in reversed(frames):
            if x0 < fx0 - EPSILON or y0 < fy0 - EPSILON or x1 > fx1 + EPSILON or y1 > fy1 + EPSILON:
                key = id(element) if element is not None else id(box)
                if key not in self._reported:
                    self._reported.add(key)
                    by = max(fx0 - x0, fy0 - y0, x1 - fx1, y1 - fy1) * 25.4 / 96
                    if what == "potong":
                        self.flaws.append(Flaw(self.name, self.number, "terpotong",
                                               f"{_describe(box)} terpotong, tidak tercetak ({by:.1f} mm)."))
                    else:
                        where = "area isi halaman" if what == "halaman" else "bingkai"
                        self.flaws.append(Flaw(self.name, self.number, "keluar",
                                               f"{_describe(box)} keluar dari {where} ({by:.1f} mm)."))
                return

    def _line(self, line, block) -> None:
        if block is None:
            return
        # The padding box: a hanging indent (padding plus negative text-indent) is meant.
        left, right = block.padding_box_x(), block.padding_box_x() + block.padding_width()
        for child in line.descendants():
            if isinstance(child, self.boxes.TextBox) and child.position_x is not None:
                x0 = child.position_x
                x1 = x0 + child.margin_width()
                if x0 < left - EPSILON or x1 > right + EPSILON:
                    self.flaws.append(Flaw(self.name, self.number, "baris",
                                           f"baris '{child.text[:50]}' lebih lebar dari kotaknya."))
                    return


def _classes(element) -> list[str]:
    return (element.get("class") or "").split() if element is not None else []


def _has_thead(element) -> bool:
    return any(_local(child.tag) == "thead" for child in element)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(box) -> str:
    from weasyprint.formatting_structure import boxes

    parts = [b.text for b in box.descendants() if isinstance(b, boxes.TextBox)]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _describe(box) -> str:
    tag = getattr(box, "element_tag", "") or type(box).__name__
    classes = _classes(getattr(box, "element", None))
    text = _text(box)[:50]
    name = tag + "".join(f".{c}" for c in classes)
    return f"<{name}> '{text}'" if text else f"<{name}>"


# A HarfBuzz face (one per font file, shared by all its sizes) -> (the face, kept referenced so its
# address is never reused by another file; its family when the file is not shipped).
_FILES: dict[int, tuple[object, str | None]] = {}
# Released while the fonts they came from are alive: a face destroyed at interpreter teardown, after
# its font map, crashed the process on exit (a segmentation fault after "1 passed").
atexit.register(_FILES.clear)


def _foreign_fonts(box) -> set[str]:
    """The families of the fonts the text box's runs are drawn with, whose file the package does not ship.

    Why the file and not the name: a system's own Liberation Sans has the same
    name as the shipped one, but other metrics may come with another version.
    """
    from weasyprint.text.ffi import ffi, pango
    from weasyprint.text.fonts import get_hb_object_data, get_pango_font_hb_face

    found: set[str] = set()
    layout = box.pango_layout
    layout.reactivate(box.style)  # as drawing does: laid out, its Pango layout was let go
    line, _ = layout.get_first_line()
    run = line.runs
    while run != ffi.NULL:
        font = run.data.item.analysis.font
        run = run.next
        face = get_pango_font_hb_face(font)
        key = int(ffi.cast("uintptr_t", face))
        if key not in _FILES:
            digest = hashlib.sha256(get_hb_object_data(face)).hexdigest()
            description = pango.pango_font_describe_with_absolute_size(font)
            family = ffi.string(pango.pango_font_description_get_family(description)).decode()
            pango.pango_font_description_free(description)
            _FILES[key] = (face, None if digest in shipped_files() else family)
        if _FILES[key][1]:
            found.add(_FILES[key][1])
    layout.deactivate()
    return found


@lru_cache(maxsize=1)
def shipped_files() -> frozenset[str]:
    """The SHA-256 of every font file in the package's assets."""
    return frozenset(hashlib.sha256(path.read_bytes()).hexdigest() for path in Path(FONTS).glob("*.[ot]tf"))


def _font_key(name: str) -> str:
    """'Liberation-Sans-Bold' (as WeasyPrint names it) and 'LiberationSans-Bold' alike."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def pdf_fonts(data: bytes) -> set[str]:
    """The font names (subset prefix removed) used on the pages of a PDF."""
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font", {}) if resources else {}
        for ref in fonts.values():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(base.lstrip("/").split("+", 1)[-1])
    return names


@lru_cache(maxsize=1)
def shipped_fonts() -> frozenset[str]:
    """The PostScript names of the fonts in the package's assets."""
    from fontTools.ttLib import TTFont

    names = set()
    for path in sorted(Path(FONTS).glob("*.[ot]tf")):
        font = TTFont(str(path), lazy=True)
        names.add(_font_key(str(font["name"].getDebugName(6))))
        font.close()
    return frozenset(names)
