"""The charts of the follow-up report (printed by `render.tindaklanjut`), drawn as inline SVG.

Like the recap's bars (`recap.report`) and the denah, the shapes are written
directly in millimetres, so the PDF needs no chart library and fetches nothing.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..indo import ribuan
from .followup import TANPA_KABAR, FollowupRecap, Hitungan

TEMPLATE = "tindak-lanjut.html"
# Commitments further on the way are darker green; dropped ones red, no news grey.
STATE_COLORS: dict[str, str] = {
    "selesai": "#166534", "pelaksanaan": "#16a34a", "apbdes": "#1d4ed8", "rkp-desa": "#93c5fd",
    TANPA_KABAR: "#d1d5db", "batal": "#b91c1c",
}
STACK_ORDER = ("selesai", "pelaksanaan", "apbdes", "rkp-desa", TANPA_KABAR, "batal")
FUNNEL_STEPS = (("Berkomitmen", None), ("Masuk RKP Desa", "rkp-desa"), ("Dianggarkan di APBDes", "apbdes"),
                ("Dilaksanakan", "pelaksanaan"), ("Selesai", "selesai"))


def funnel_rows(total: Hitungan) -> list[tuple[str, int]]:
    """(stage, commitments that reached it and still stand) from the commitment to finished."""
    return [(label, total.komitmen if tahap is None else total.sampai(tahap)) for label, tahap in FUNNEL_STEPS]


def funnel(total: Hitungan, width: float = 170, font: str = "Liberation Sans") -> Markup:
    """A funnel: one centred bar per stage, as wide as the commitments that reached it."""
    rows = funnel_rows(total)
    if not total.komitmen:
        return Markup('<p class="kosong">(belum ada komitmen)</p>')
    bar, gap, label_width = 9.0, 1.6, 46.0
    room = width - label_width - 4
    height = len(rows) * (bar + gap) + 1
    parts = [f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.1f}" '
             f'width="{width}mm" height="{height:.1f}mm" font-size="3.4" font-family="{escape(font)}">']
    shades = ("#1f4e79", "#93c5fd", "#1d4ed8", "#16a34a", "#166534")
    for index, ((label, value), shade) in enumerate(zip(rows, shades)):
        y = index * (bar + gap)
        length = max(room * value / total.komitmen, 0.4)
        x = label_width + (room - length) / 2
        share = f"{100 * value / total.komitmen:.0f}%".replace(".", ",")
        middle = y + bar / 2 + 1.2
        ink = "#111" if shade == "#93c5fd" else "#fff"
        parts.append(f'<text x="{label_width - 2}" y="{middle:.2f}" text-anchor="end">{escape(label)}</text>'
                     f'<rect x="{x:.2f}" y="{y:.2f}" width="{length:.2f}" height="{bar}" fill="{shade}"/>')
        number = f"{ribuan(value)} ({share})"
        if length > 26:
            parts.append(f'<text x="{label_width + room / 2:.2f}" y="{middle:.2f}" text-anchor="middle" '
                         f'fill="{ink}" font-weight="bold">{number}</text>')
        else:
            parts.append(f'<text x="{x + length + 1.5:.2f}" y="{middle:.2f}">{number}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bars(groups: list[Hitungan], width: float = 170, label_width: float = 40,
                 font: str = "Liberation Sans") -> Markup:
    """One bar per group (kecamatan or kabupaten), split by where its commitments stand."""
    if not groups:
        return Markup('<p class="kosong">(belum ada komitmen)</p>')
    bar, gap, top = 4.6, 1.5, 1.0
    biggest = max(g.komitmen for g in groups) or 1
    room = width - label_width - 12
    height = top + len(groups) * (bar + gap) + 1
    parts = [f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.1f}" '
             f'width="{width}mm" height="{height:.1f}mm" font-size="3.1" font-family="{escape(font)}">']
    for index, group in enumerate(groups):
        y = top + index * (bar + gap)
        middle = y + bar / 2 + 1.1
        name = group.nama if len(group.nama) <= 26 else group.nama[:24].rstrip() + "…"
        parts.append(f'<text x="{label_width - 1.5}" y="{middle:.2f}" text-anchor="end">{escape(name)}</text>')
        x = label_width
        for state in STACK_ORDER:
            count = group.per_tahap[state]
            if not count:
                continue
            length = room * count / biggest
            parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{length:.2f}" height="{bar}" '
                         f'fill="{STATE_COLORS[state]}"/>')
            x += length
        parts.append(f'<text x="{x + 1.5:.2f}" y="{middle:.2f}">{ribuan(group.komitmen)}</text>')
    parts.append(f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height:.1f}" '
                 'stroke="#555" stroke-width="0.25"/></svg>')
    return Markup("".join(parts))


def charts(recap: FollowupRecap, font: str = "Liberation Sans") -> dict[str, Markup]:
    """The funnel and the bars: per kecamatan for one event, per kabupaten for several."""
    groups = recap.kecamatan if len(recap.kabupaten) <= 1 else recap.kabupaten
    return {"corong": funnel(recap.ringkasan, font=font), "batang": stacked_bars(groups, font=font)}
