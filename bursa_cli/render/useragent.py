"""WeasyPrint's user-agent stylesheet, lean where a document cannot tell the difference.

Why: WeasyPrint's own stylesheet for HTML has six rules on pseudo-elements with no
element in front (`::marker`, `::footnote-call`, `::footnote-marker`, `::note-call`,
`::note-marker`, `::note-callback`). A rule like that is tried on every element of
the document, and every element then carries a computed style for each of them: none
of it is layout. On the largest event's hari-H letters the cascade fell from 11.1 to
2.2 ms a page without them (bench/halaman.py; docs/kinerja.md, "Mengapa satu surat
lebih mahal daripada satu sertifikat").

Those pseudo-elements only exist on an element that the document's own CSS makes a
footnote (`float: footnote`), a note (`position: note(...)`) or a list item other than
`<li>` (`display: list-item`). A document that never writes those words gets the lean
sheet: the footnote and note rules dropped, `::marker` narrowed to `li::marker`. Its
PDF is byte for byte the PDF of the full sheet (tests/test_render_useragent.py checks
the built-in documents). Any other document, or one that links or imports a
stylesheet we cannot read here, gets WeasyPrint's sheet untouched.

`_ua_stylesheets` is WeasyPrint's hook for its user-agent sheets; the tests check that
WeasyPrint still calls it and that the lean sheet still differs from the full one, so
an upgrade that changes either fails a test instead of silently printing slower.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from weasyprint import CSS, HTML

# A document holding any of these may need the full sheet.
NEEDS_FULL_SHEET = ("footnote", "note(", "list-item", "<link", "@import")

_DROPPED = re.compile(r"(?m)^::(?:footnote|note)-[a-z]+ \{[^}\n]*\}$")
_MARKER = "\n::marker {"


def full_sheet_text() -> str:
    import weasyprint

    return (Path(weasyprint.__file__).parent / "css" / "html5_ua.css").read_text(encoding="utf-8")


def lean_sheet_text(full: str | None = None) -> str:
    """WeasyPrint's sheet (or `full`) without the footnote and note rules, `::marker` as `li::marker`."""
    return _DROPPED.sub("", full if full is not None else full_sheet_text()).replace(_MARKER, "\nli::marker {")


@lru_cache(maxsize=1)
def lean_sheet() -> CSS | None:
    """The lean sheet parsed once per process; None if this WeasyPrint's sheet is not the one we know."""
    full = full_sheet_text()
    if len(_DROPPED.findall(full)) != 5 or _MARKER not in full:
        return None
    return CSS(string=lean_sheet_text(full))


def can_be_lean(html: str) -> bool:
    """Whether the lean sheet prints `html` exactly as the full one does."""
    return not any(word in html for word in NEEDS_FULL_SHEET)


class PrintHTML(HTML):
    """WeasyPrint's HTML, with the lean user-agent sheet when `lean`."""

    def __init__(self, *args, lean: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.lean = lean and lean_sheet() is not None

    def _ua_stylesheets(self, forms=False):
        from weasyprint import UA_STYLESHEET

        sheets = super()._ua_stylesheets(forms)
        if not self.lean:
            return sheets
        return [lean_sheet() if sheet is UA_STYLESHEET else sheet for sheet in sheets]
