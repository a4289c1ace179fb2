"""QR codes as inline SVG (vector in the PDF, nothing fetched), made with segno."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup

ERROR_LEVEL = "m"  # segno raises it when the symbol has room to spare
BORDER = 2  # quiet zone in modules; the card leaves white space around it too


@lru_cache(maxsize=4096)
def make_qr(data: str) -> segno.QRCode:
    """The QR code for `data` (always a full QR code, never a Micro QR: phones read those badly)."""
    return segno.make(data, error=ERROR_LEVEL, micro=False)


def qr_svg(data: str) -> Markup:
    """An `<svg class="qr">` element with a viewBox and no fixed size: the CSS of the template sizes it."""
    svg = make_qr(data).svg_inline(
        scale=1, border=BORDER, omitsize=True, svgclass="qr", lineclass=None, dark="#000")
    return Markup(svg.replace("<svg ", f'<svg data-isi="{Markup.escape(data)}" ', 1))


def is_link(target: str) -> bool:
    """Only web addresses become QR codes; a file path inside the event is printed as text."""
    return target.strip().lower().startswith(("http://", "https://"))
