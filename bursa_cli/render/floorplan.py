"""The venue floor plan as inline SVG, derived from the rooms in acara.yaml.

No coordinates are asked of the user: the plan is a schematic in three
columns that follow the participants' path. Registration and Jendela 1 (the
Ruang Pleno, with its blocks of seats) on the left, the Bursa rooms of
Jendela 2 (numbered stands along the walls, consultation desks in the middle)
in the centre, Jendela 3 and the legend on the right. Arrows show the flow
1 -> 2 -> 3 and numbered flags the banners. The SVG is inline in the HTML, so
WeasyPrint keeps it vector in the PDF.

Where each kept innovation stands (room, stand number, desk) is decided in
`bursa_cli/stands.py`, which posters and the catalogue print as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..schema.event import Event
from ..schema.models import Inovasi, Ruang
from ..schema.types import BIDANG_ORDER, BIDANG_SHORT, BIDANG_WARNA
from ..seating import SeatPlan, layout_of, row_letter
from ..stands import assign_stands

WIDTH, HEIGHT = 1000, 640
GAP = 16
FONT = "Bursa Sans, Liberation Sans, sans-serif"


# --------------------------------------------------------------------------- drawing


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float


class _Svg:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def rect(self, box: Box, css: str, rx: float = 0) -> None:
        self.add(f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" '
                 f'rx="{rx}" class="{css}"/>')

    def text(self, x: float, y: float, content: str, size: float, css: str = "", anchor: str = "start",
             weight: str = "normal") -> None:
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="{anchor}" '
                 f'font-weight="{weight}" class="{css}">{escape(content)}</text>')

    def arrow(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.add(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="alur" '
                 f'marker-end="url(#panah)"/>')

    def badge(self, x: float, y: float, number: str, css: str = "nomor-jendela") -> None:
        self.add(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" class="{css}"/>')
        self.text(x, y + 4.5, number, 13, "nomor-jendela-teks", "middle", "bold")


STYLE = """
.dinding{fill:#fff;stroke:#222;stroke-width:2}
.gedung{fill:#f4f4f4;stroke:#888;stroke-width:1;stroke-dasharray:6 4}
.panggung{fill:#d9d9d9;stroke:#555;stroke-width:1}
.kursi{fill:#fff;stroke:#555;stroke-width:0.5}
.kursi-pejabat{fill:#fde68a;stroke:#92400e;stroke-width:0.5}
.kursi-isi{fill:#cfe0f5;stroke:#1e3a5f;stroke-width:0.5}
.stan{fill:#fff;stroke:#333;stroke-width:0.8}
.meja{fill:#e5e7eb;stroke:#333;stroke-width:0.8}
.alur{stroke:#b91c1c;stroke-width:3;fill:none}
.nomor-jendela{fill:#b91c1c}
.nomor-jendela-teks{fill:#fff}
.spanduk{fill:#7c3aed}
.spanduk-teks{fill:#fff}
.judul{fill:#111}
.ket{fill:#333}
.pintu{fill:#fff;stroke:#fff;stroke-width:4}
"""


def draw_floorplan(event: Event, plan: SeatPlan | None = None) -> Markup:
    """The whole venue as one `<svg>` element (viewBox units; the template sets its size)."""
    rooms = event.acara.tempat.ruang if event.acara else []
    by_kind: dict[str, list[Ruang]] = {}
    for ruang in rooms:
        by_kind.setdefault(ruang.jenis, []).append(ruang)
    svg = _Svg()
    svg.add(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="denah" '
            f'font-family="{FONT}">')
    svg.add(f"<style>{STYLE}</style>")
    svg.add('<defs><marker id="panah" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" '
            'markerHeight="5" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#b91c1c"/>'
            '</marker></defs>')
    svg.rect(Box(4, 4, WIDTH - 8, HEIGHT - 8), "gedung", 6)

    col1, col2, col3 = Box(20, 20, 370, HEIGHT - 40), Box(430, 20, 340, HEIGHT - 40), Box(810, 20, 170, HEIGHT - 40)
    reg_h = 90 if by_kind.get("registrasi") else 0
    pleno_area = Box(col1.x, col1.y, col1.w, col1.h - (reg_h + GAP + 30 if reg_h else 30))
    reg_area = Box(col1.x, pleno_area.y + pleno_area.h + GAP, col1.w, reg_h)
    j3_area = Box(col3.x, col3.y, col3.w, 150 if by_kind.get("jendela3") else 0)

    boxes: dict[str, Box] = {}
    for ruang, box in zip(by_kind.get("pleno", []), _stack(pleno_area, len(by_kind.get("pleno", [])))):
        boxes[ruang.kode] = box
        _draw_pleno(svg, ruang, box, plan if plan and plan.ruang is ruang else None)
    for ruang, box in zip(by_kind.get("registrasi", []), _row(reg_area, len(by_kind.get("registrasi", [])))):
        boxes[ruang.kode] = box
        _draw_simple(svg, ruang, box, "Meja registrasi dan pembagian Bursa Kit")
    bursa = by_kind.get("bursa", [])
    stands = assign_stands(event)
    for ruang, box in zip(bursa, _grid(col2, len(bursa))):
        boxes[ruang.kode] = box
        items = sorted((s.nomor, i) for i, s in stands.items() if s.ruang is ruang)
        _draw_bursa(svg, ruang, box, [event.inovasi_by_id[i] for _, i in items])
    for ruang, box in zip(by_kind.get("jendela3", []), _stack(j3_area, len(by_kind.get("jendela3", [])))):
        boxes[ruang.kode] = box
        _draw_simple(svg, ruang, box, "Penyerahan Kartu Komitmen dan Kartu Ide, sertifikat, foto")

    _draw_flow(svg, by_kind, boxes, reg_area if reg_h else None, pleno_area)
    banners = _draw_banners(svg, event, boxes)
    legend_top = j3_area.y + j3_area.h + (GAP * 2 if j3_area.h else 0)
    _draw_legend(svg, Box(col3.x, legend_top, col3.w, col3.y + col3.h - legend_top), banners, bool(bursa))
    svg.add("</svg>")
    return Markup("".join(svg.parts))


def _stack(area: Box, count: int) -> list[Box]:
    if count == 0:
        return []
    h = (area.h - GAP * (count - 1)) / count
    return [Box(area.x, area.y + i * (h + GAP), area.w, h) for i in range(count)]


def _row(area: Box, count: int) -> list[Box]:
    if count == 0:
        return []
    w = (area.w - GAP * (count - 1)) / count
    return [Box(area.x + i * (w + GAP), area.y, w, area.h) for i in range(count)]


def _grid(area: Box, count: int) -> list[Box]:
    """Up to three rooms stacked; more go into two columns."""
    if count <= 3:
        return _stack(area, count)
    rows = -(-count // 2)
    left, right = _row(area, 2)
    return _stack(left, rows) + _stack(right, rows)[: count - rows]


def _title(svg: _Svg, ruang: Ruang, box: Box, jendela: str | None) -> float:
    """The room's name (and Jendela number) at its top; returns the y below it."""
    x = box.x + 8
    if jendela:
        svg.badge(box.x + 18, box.y + 17, jendela)
        x = box.x + 36
    svg.text(x, box.y + 22, f"{ruang.nama} ({ruang.kode})", 14, "judul", weight="bold")
    return box.y + 32


def _draw_simple(svg: _Svg, ruang: Ruang, box: Box, note: str) -> None:
    svg.rect(box, "dinding", 3)
    jendela = "3" if ruang.jenis == "jendela3" else None
    y = _title(svg, ruang, box, jendela)
    lines = _wrap(note, box.w - 16, 9.5) + [f"Kapasitas {ruang.kapasitas} orang"]
    if ruang.lokasi:
        lines += _wrap(ruang.lokasi, box.w - 16, 9.5)
    for i, line in enumerate(lines):
        if y + 10 + i * 13 > box.y + box.h - 4:
            break
        svg.text(box.x + 8, y + 10 + i * 13, line, 9.5, "ket")


def _draw_pleno(svg: _Svg, ruang: Ruang, box: Box, plan: SeatPlan | None) -> None:
    svg.rect(box, "dinding", 3)
    top = _title(svg, ruang, box, "1")
    stage = Box(box.x + box.w * 0.2, top + 2, box.w * 0.6, 22)
    svg.rect(stage, "panggung", 2)
    svg.text(stage.x + stage.w / 2, stage.y + 15, "PANGGUNG", 10, "judul", "middle", "bold")
    layout = layout_of(ruang)
    if layout.seats == 0:
        return
    taken = {(s.seat.row, s.seat.block, s.seat.number): s.official for s in plan.seated} if plan else {}
    aisle = 14
    area = Box(box.x + 22, stage.y + stage.h + 12, box.w - 30, box.y + box.h - (stage.y + stage.h + 12) - 24)
    per_row = layout.per_row
    cell_w = (area.w - aisle * (layout.blok - 1)) / per_row
    cell_h = min(area.h / layout.baris, cell_w * 1.3, 24)
    seat_w = cell_w * 0.8
    seat_h = min(cell_h * 0.75, seat_w)
    label_size = max(4.0, min(9.0, cell_h * 0.75))
    count = 0
    for row in range(layout.baris):
        y = area.y + row * cell_h
        if count >= layout.seats:
            break
        svg.text(box.x + 12, y + seat_h * 0.85, row_letter(row), label_size, "ket", "middle")
        for block in range(layout.blok):
            for seat in range(layout.kursi_per_baris):
                if count >= layout.seats:
                    break
                count += 1
                x = area.x + block * (layout.kursi_per_baris * cell_w + aisle) + seat * cell_w
                state = taken.get((row, block, seat + 1))
                css = "kursi" if state is None else "kursi-pejabat" if state else "kursi-isi"
                svg.rect(Box(x, y, seat_w, seat_h), css, 0.8)
    bottom = box.y + box.h - 8
    for block in range(layout.blok):
        x = area.x + block * (layout.kursi_per_baris * cell_w + aisle) + layout.kursi_per_baris * cell_w / 2
        if layout.blok > 1:
            svg.text(x, bottom, f"Blok {block + 1}", 9, "ket", "middle", "bold")
    svg.text(box.x + box.w - 8, box.y + 22,
             f"{layout.seats} kursi: {layout.baris} baris x {layout.blok} blok x {layout.kursi_per_baris}",
             9, "ket", "end")


def _draw_bursa(svg: _Svg, ruang: Ruang, box: Box, items: list[Inovasi]) -> None:
    svg.rect(box, "dinding", 3)
    top = _title(svg, ruang, box, "2")
    if ruang.bidang:
        names = ", ".join(_short(b) for b in ruang.bidang)
        svg.text(box.x + box.w - 8, box.y + 22, names, 9, "ket", "end")
    inner = Box(box.x + 8, top + 2, box.w - 16, box.y + box.h - top - 10)
    n = len(items)
    band_h = bottom_h = 0.0  # height of the stands along the top and the bottom wall
    desk_rows = _desk_grid(len(ruang.meja), inner.w)[1] if ruang.meja else 0
    desk_need = desk_rows * DESK_ROW_H + 12 if desk_rows else 40  # the middle keeps room for every desk
    if n:
        # Stands line the top and bottom walls; with many, they stand in several rows on each wall.
        per_row = max(1, min(-(-n // 2) if n > 1 else 1, int(inner.w // 17)))
        rows = -(-n // per_row)
        top_rows = -(-rows // 2)
        stand_w = min(34.0, inner.w / per_row)
        stand_h = min(22.0, max(8.0, (inner.h - desk_need) / max(rows, 2)))
        band_h, bottom_h = top_rows * stand_h, (rows - top_rows) * stand_h
        size = max(5.0, min(10.0, stand_w * 0.42, stand_h * 0.6))
        for index, inovasi in enumerate(items):
            row, slot = divmod(index, per_row)
            in_row = min(per_row, n - row * per_row)
            x = inner.x + (inner.w - in_row * stand_w) / 2 + slot * stand_w
            if row < top_rows:
                y = inner.y + row * stand_h
            else:
                y = inner.y + inner.h - (rows - row) * stand_h
            svg.add(f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{stand_w - 2:.1f}" height="{stand_h - 2:.1f}" '
                    f'class="stan" style="stroke:{BIDANG_WARNA.get(inovasi.bidang, "#333")};stroke-width:1.6"/>')
            svg.text(x + stand_w / 2, y + stand_h / 2 + size * 0.35, str(index + 1), size, "judul", "middle", "bold")
    desks = ruang.meja
    if desks:
        _draw_desks(svg, desks, Box(inner.x, inner.y + band_h + 5, inner.w, inner.h - band_h - bottom_h - 10))


DESK_MIN_W = 30.0  # a desk narrower than this cannot carry its label ("A-31") at a readable size
DESK_GAP = 5.0
DESK_ROW_H = 17.0  # the height one row of desks needs, its label at 7 units (about 5 pt) or more


def _desk_grid(count: int, width: float) -> tuple[int, int]:
    """Columns and rows of `count` desks across `width`: one row while they are wide enough to
    read, else as many rows as needed, as even as they can be."""
    cols = max(1, min(count, int((width + DESK_GAP) // (DESK_MIN_W + DESK_GAP))))
    rows = -(-count // cols)
    return -(-count // rows), rows


def _draw_desks(svg: _Svg, desks: list[str], band: Box) -> None:
    """The consultation desks in the middle of the room (30-40 desks in one room stay legible)."""
    cols, rows = _desk_grid(len(desks), band.w)
    desk_w = min(70.0, (band.w - DESK_GAP * (cols - 1)) / cols)
    pitch = band.h / rows
    desk_h = min(26.0, max(8.0, pitch - 3))
    size = max(7.0, min(9.5, desk_w / 4.2, desk_h * 0.6))
    top = band.y + (band.h - rows * pitch) / 2 + (pitch - desk_h) / 2
    for row in range(rows):
        in_row = desks[row * cols:(row + 1) * cols]
        x0 = band.x + (band.w - (len(in_row) * desk_w + DESK_GAP * (len(in_row) - 1))) / 2
        y = top + row * pitch
        for i, meja in enumerate(in_row):
            x = x0 + i * (desk_w + DESK_GAP)
            svg.rect(Box(x, y, desk_w, desk_h), "meja", 2)
            svg.text(x + desk_w / 2, y + desk_h / 2 + size * 0.35, meja, size, "judul", "middle")


def _draw_flow(svg: _Svg, kinds: dict[str, list[Ruang]], boxes: dict[str, Box],
               reg: Box | None, pleno_area: Box) -> None:
    def first(kind: str) -> Box | None:
        rooms = kinds.get(kind, [])
        return boxes.get(rooms[0].kode) if rooms else None

    pleno, j3 = first("pleno"), first("jendela3")
    bursa = [boxes[r.kode] for r in kinds.get("bursa", [])]
    door_y = HEIGHT - 4
    if reg is not None:
        svg.text(reg.x + reg.w / 2, door_y - 2, "PINTU MASUK", 10, "judul", "middle", "bold")
        svg.arrow(reg.x + reg.w * 0.75, HEIGHT - 2, reg.x + reg.w * 0.75, reg.y + reg.h - 4)
        if pleno:
            svg.arrow(reg.x + reg.w * 0.5, reg.y + 2, reg.x + reg.w * 0.5, pleno.y + pleno.h - 2)
    if pleno and bursa:
        target = bursa[0]
        svg.arrow(pleno.x + pleno.w - 2, target.y + target.h / 2, target.x + 2, target.y + target.h / 2)
        for upper, lower in zip(bursa, bursa[1:]):
            if abs(upper.x - lower.x) < 1:
                svg.arrow(upper.x + upper.w * 0.85, upper.y + upper.h - 2, lower.x + lower.w * 0.85, lower.y + 2)
            else:
                svg.arrow(upper.x + upper.w - 2, upper.y + 30, lower.x + 2, lower.y + 30)
    if bursa and j3:
        source = max(bursa, key=lambda b: b.x)
        svg.arrow(source.x + source.w - 2, j3.y + j3.h / 2, j3.x + 2, j3.y + j3.h / 2)
    if j3:
        svg.arrow(j3.x + j3.w * 0.5, j3.y + j3.h - 2, j3.x + j3.w * 0.5, j3.y + j3.h + GAP * 1.6)
        svg.text(j3.x + j3.w * 0.5 + 8, j3.y + j3.h + GAP * 1.4, "KELUAR", 10, "judul", "start", "bold")


def _draw_banners(svg: _Svg, event: Event, boxes: dict[str, Box]) -> list[tuple[int, str, str]]:
    """Numbered flags on the wall of the room each banner hangs in; unplaced ones by the entrance."""
    spanduk = event.acara.tempat.spanduk if event.acara else []
    placed: dict[str, int] = {}
    out = []
    for number, item in enumerate(spanduk, start=1):
        box = boxes.get(item.ruang or "")
        if box is None:
            x, y = 40 + placed.get("", 0) * 26, HEIGHT - 14
            placed[""] = placed.get("", 0) + 1
        else:
            k = placed.get(item.ruang, 0)
            placed[item.ruang] = k + 1
            x, y = box.x + box.w - 22 - k * 26, box.y
        svg.add(f'<rect x="{x - 11:.1f}" y="{y - 8:.1f}" width="22" height="16" rx="2" class="spanduk"/>')
        svg.text(x, y + 4, f"S{number}", 9, "spanduk-teks", "middle", "bold")
        out.append((number, item.teks, item.posisi))
    return out


def _draw_legend(svg: _Svg, box: Box, banners: list[tuple[int, str, str]], has_bursa: bool) -> None:
    if box.h < 60:
        return
    svg.rect(box, "dinding", 3)
    x, y = box.x + 8, box.y + 20
    svg.text(x, y, "KETERANGAN", 11, "judul", weight="bold")
    y += 16
    rows = [("kursi-pejabat", "Kursi pejabat/undangan"), ("kursi-isi", "Kursi peserta desa"),
            ("kursi", "Kursi cadangan")]
    for css, label in rows:
        svg.rect(Box(x, y - 8, 10, 8), css)
        svg.text(x + 16, y, label, 9, "ket")
        y += 14
    if has_bursa:
        for bidang in BIDANG_ORDER:
            svg.add(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="14" height="10" class="stan" '
                    f'style="stroke:{BIDANG_WARNA[bidang]};stroke-width:1.6"/>')
            svg.text(x + 20, y, f"Stan {_short(bidang)}", 9, "ket")
            y += 14
        svg.rect(Box(x, y - 9, 14, 10), "meja", 2)
        svg.text(x + 20, y, "Meja konsultasi", 9, "ket")
        y += 14
    svg.arrow(x, y - 4, x + 16, y - 4)
    svg.text(x + 22, y, "Alur peserta 1 \u2192 2 \u2192 3", 9, "ket")
    y += 16
    for number, teks, posisi in banners:
        if y > box.y + box.h - 8:
            svg.text(x, y, "\u2026 (lihat daftar spanduk)", 8, "ket")
            break
        svg.add(f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="20" height="12" rx="2" class="spanduk"/>')
        svg.text(x + 10, y, f"S{number}", 8, "spanduk-teks", "middle", "bold")
        for line in _wrap(posisi, box.w - 34, 8.5)[:2]:
            svg.text(x + 26, y, _clip(line, 30), 8.5, "ket")
            y += 11
        y += 3


def _short(bidang: str) -> str:
    return BIDANG_SHORT.get(bidang, bidang)


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break `text` into lines that fit `width` (average glyph about half the font size)."""
    limit = max(8, int(width / (size * 0.52)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "\u2026"
