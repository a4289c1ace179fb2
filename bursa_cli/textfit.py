"""How a line of text set in the package's own fonts fits a width: for names on cards.

Measured from the font file's advance widths (fontTools), so the check in
`bursa validasi` and the card agree without laying a page out. Kerning is not
counted; `SLACK` keeps a margin for it and for rounding.

Why here and not in render/: the check rules ask the same question the card
does (will this name fit?), and check/ never imports render/.
"""

from __future__ import annotations

from functools import lru_cache

from .paths import FONTS

FONT_FILES = {("sans", True): "LiberationSans-Bold.ttf", ("sans", False): "LiberationSans-Regular.ttf",
              ("serif", True): "LiberationSerif-Bold.ttf", ("serif", False): "LiberationSerif-Regular.ttf"}
SLACK = 0.96  # of the width: kerning, rounding and the odd glyph a face lacks
PT_PER_MM = 72 / 25.4


@lru_cache(maxsize=4)
def _advances(huruf: str, bold: bool) -> tuple[dict[int, int], int, int]:
    """The face's advance width per code point, its fallback advance and its units per em."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / FONT_FILES[(huruf, bold)]), lazy=True)
    try:
        metrics, cmap = font["hmtx"].metrics, font.getBestCmap()
        widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
        return widths, metrics[".notdef"][0], font["head"].unitsPerEm
    finally:
        font.close()


def text_width(text: str, size_pt: float, huruf: str = "sans", bold: bool = True) -> float:
    """The width of `text` in millimetres, set in one line at `size_pt`."""
    widths, missing, units = _advances(huruf, bold)
    return sum(widths.get(ord(ch), missing) for ch in text) / units * size_pt / PT_PER_MM


def wrap(text: str, width_mm: float, size_pt: float, huruf: str = "sans", bold: bool = True) -> list[str] | None:
    """`text` broken at spaces into lines within `width_mm`; None when one word alone is wider."""
    room = width_mm * SLACK
    lines: list[str] = []
    for word in text.split():
        if text_width(word, size_pt, huruf, bold) > room:
            return None
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size_pt, huruf, bold) <= room:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fit_lines(text: str, width_mm: float, sizes: tuple[float, ...], max_lines: int,
              huruf: str = "sans", bold: bool = True) -> tuple[float, int] | None:
    """The largest of `sizes` at which `text` wraps into at most `max_lines` lines, with the lines
    it takes; None when even the smallest size needs more."""
    for size in sizes:
        lines = wrap(text, width_mm, size, huruf, bold)
        if lines is not None and len(lines) <= max_lines:
            return size, len(lines)
    return None


# The name's box on a Kartu ID (templates/kartu-id.css, `.data`): its width in mm and the scale of
# the card's type. A name takes one line at 14 pt down to 10 pt (ID-1), else two lines at 11 pt
# down to 8 pt, else three at 8 pt: never taller than the old two lines, so the role and origin
# below it keep their room. A name that does not fit even so is refused by `bursa validasi` (BUR-C082).
BADGE_NAME = {"ID-1": (53.0, 1.0), "A6": (91.0, 1.55)}
BADGE_SIZES = (14.0, 13.0, 12.0, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
BADGE_STEPS = ((1, 14.0, 10.0), (2, 11.0, 8.0), (3, 8.0, 8.0))  # lines, from this size down to that one


def badge_name(nama: str, ukuran: str, huruf: str = "sans") -> tuple[float, int] | None:
    """The type size (pt) and lines of a name on a Kartu ID of `ukuran`; None when it cannot fit."""
    width, scale = BADGE_NAME[ukuran]
    for lines, largest, smallest in BADGE_STEPS:
        sizes = tuple(size * scale for size in BADGE_SIZES if smallest <= size <= largest)
        found = fit_lines(nama, width, sizes, lines, huruf)
        if found is not None:
            return found
    return None
