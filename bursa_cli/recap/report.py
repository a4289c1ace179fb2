"""The charts of the recap's PDF report for the Bupati (printed by `render.rekap`).

Charts are drawn here as inline SVG (horizontal bars, since the labels are
long names), so the PDF needs no chart library and fetches nothing.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..indo import ribuan
from ..schema.types import BIDANG_WARNA
from .build import Recap, bidang_short

TEMPLATE = "rekap.html"
COLORS = BIDANG_WARNA  # the same colours as the posters, katalog and denah
DEFAULT_COLOR = "#1f4e79"


def bar_chart(rows: list[tuple[str, int, str]], width: float = 170, label_width: float = 62,
              bar_height: float = 5.2, gap: float = 1.8, unit: str = "",
              font: str = "Liberation Sans") -> Markup:
    """Horizontal bars in millimetres: `rows` are (label, value, colour).

    Returned as an `<svg>` string with a viewBox in mm, so the template sets
    only its width and everything scales together.
    """
    if not rows:
        return Markup('<p class="kosong">(belum ada data)</p>')
    top = 1.0
    height = top + len(rows) * (bar_height + gap) + 1
    biggest = max(value for _, value, _ in rows) or 1
    room = width - label_width - 14  # leave space for the number after the longest bar
    parts = [f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.1f}" '
             f'width="{width}mm" height="{height:.1f}mm" font-size="3.3" font-family="{escape(font)}">']
    for index, (label, value, color) in enumerate(rows):
        y = top + index * (bar_height + gap)
        length = room * value / biggest
        text = label if len(label) <= 42 else label[:40].rstrip() + "…"
        middle = y + bar_height / 2 + 1.15
        parts.append(
            f'<text x="{label_width - 1.5}" y="{middle:.2f}" text-anchor="end">{escape(text)}</text>'
            f'<rect x="{label_width}" y="{y:.2f}" width="{max(length, 0.3):.2f}" height="{bar_height}" '
            f'fill="{color}"/>'
            f'<text x="{label_width + length + 1.5:.2f}" y="{middle:.2f}">{ribuan(value)}{unit}</text>')
    parts.append(f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height:.1f}" '
                 'stroke="#555" stroke-width="0.25"/></svg>')
    return Markup("".join(parts))


def charts(recap: Recap, top: int = 10, font: str = "Liberation Sans") -> dict[str, Markup]:
    """The three charts of the report: per bidang, per kecamatan, the top innovations."""
    per_bidang = [(bidang_short(b.bidang), b.komitmen, COLORS[b.bidang]) for b in recap.bidang]
    per_kecamatan = sorted(((k.nama, k.komitmen, DEFAULT_COLOR) for k in recap.kecamatan),
                           key=lambda row: (-row[1], row[0]))
    best = [i for i in recap.inovasi if i.desa_komitmen > 0][:top]
    per_inovasi = [(i.judul, i.desa_komitmen, COLORS.get(i.bidang, DEFAULT_COLOR)) for i in best]
    return {
        "bidang": bar_chart(per_bidang, font=font),
        "kecamatan": bar_chart(per_kecamatan, bar_height=4.2, gap=1.4, font=font),
        "inovasi": bar_chart(per_inovasi, label_width=78, font=font),
    }
