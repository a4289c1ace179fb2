"""The cards of the Bursa Kit: Kartu ID, Kartu Komitmen, Kartu Ide.

Kartu ID are imposed on A4 sheets with cut marks (10 ID-1 cards or 4 A6
cards a sheet), in seat order, so the registration desk hands them out by
kecamatan and village. Each carries the participant id as a QR code for the
day's registration scanner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import SimpleNamespace

from ..schema.types import BIDANG_LABEL, BIDANG_ORDER, is_kelurahan, kecamatan_of, spare_card_id
from ..textfit import badge_name
from .qr import qr_svg
from ..day.latihan import practice_peserta
from ..day.logwrite import now
from ..day.seat import record_printed_seats
from ..seating import desa_name, origin_lines, plan_seating, role_label, seats_to_record

A4 = (210.0, 297.0)


@dataclass(frozen=True)
class Sheet:
    """How cards of one size are imposed on an A4 sheet (millimetres)."""

    card_w: float
    card_h: float
    cols: int
    rows: int
    scale: float  # type sizes relative to ID-1

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def left(self) -> float:
        return (A4[0] - self.cols * self.card_w) / 2

    @property
    def top(self) -> float:
        return (A4[1] - self.rows * self.card_h) / 2

    def position(self, index: int) -> tuple[float, float]:
        row, col = divmod(index % self.per_sheet, self.cols)
        return self.left + col * self.card_w, self.top + row * self.card_h

    def cut_marks(self, length: float = 5.0, gap: float = 1.5) -> list[tuple[float, float, float, float]]:
        """Short lines in the margins on every cut line; where there is no margin, at the page edge."""
        marks = []
        xs = [self.left + c * self.card_w for c in range(self.cols + 1)]
        ys = [self.top + r * self.card_h for r in range(self.rows + 1)]
        top_end, bottom_start = self.top - gap, self.top + self.rows * self.card_h + gap
        left_end, right_start = self.left - gap, self.left + self.cols * self.card_w + gap
        for x in xs:
            if top_end > 1:
                marks.append((x, max(0.0, top_end - length), x, top_end))
                marks.append((x, bottom_start, x, min(A4[1], bottom_start + length)))
            elif 1 < x < A4[0] - 1:  # full-bleed sheet: mark the inner cut lines at the paper's edge
                marks += [(x, 0, x, length), (x, A4[1] - length, x, A4[1])]
        for y in ys:
            if left_end > 1:
                marks.append((max(0.0, left_end - length), y, left_end, y))
                marks.append((right_start, y, min(A4[0], right_start + length), y))
            elif 1 < y < A4[1] - 1:
                marks += [(0, y, length, y), (A4[0] - length, y, A4[0], y)]
        return marks


SHEETS = {
    "ID-1": Sheet(85.6, 54.0, 2, 5, 1.0),
    "A6": Sheet(105.0, 148.0, 2, 2, 1.55),
}



def build_id(job) -> None:
    """Name badges in seat order, imposed on A4 sheets with cut marks."""
    # nobody coming, or too few seats for everyone coming: refused by the gate (check/requirements.py)
    event = job.event
    plan = plan_seating(event)
    cards = [{
        "peserta": item.peserta, "peran": role_label(item.peserta), "asal": origin_lines(event, item)[:3],
        "kursi": item.seat.label, "official": item.official, "kosong": False,
    } for item in job.sample(plan.seated)]
    _impose(job, cards, "kartu-id", f"Kartu ID peserta - {job.acara.nama}", "Kartu ID")
    if not job.preview:
        _record_seats(job, plan)


def build_cadangan(job) -> None:
    """Spare badges for walk-ins: the Kartu ID left over after every listed participant
    has one (`materi.kartu_id`), each with a numbered QR (TAMU-001 ...) and lines for
    the name and village written by hand. Scanned at registration, the number becomes
    the walk-in's id, so the desks can scan them like any other badge."""
    acara = job.acara
    seated = len(plan_seating(job.event).seated)
    spare = acara.materi.kartu_id - seated  # none left over: refused by the gate
    used = {entry.peserta for entry in job.event.registrasi}  # numbers already handed out on the day
    ids = (spare_card_id(number) for number in range(1, spare + len(used) + 1))
    free = [card_id for card_id in ids if card_id not in used][:spare]
    cards = [{"peserta": SimpleNamespace(id=card_id, nama=""), "peran": "Tamu", "asal": [],
              "kursi": "bebas", "official": False, "kosong": True} for card_id in job.sample(free)]
    _impose(job, cards, "kartu-cadangan", f"Kartu ID cadangan - {acara.nama}", "Kartu ID cadangan")


def build_latihan(job) -> None:
    """Practice cards for the rehearsal: the fictitious participants LAT-01 ... (`day.latihan`),
    marked LATIHAN; a desk takes them only in `--gladi` and refuses them on the day."""
    event = job.event
    people = job.sample(practice_peserta(event))
    cards = [{"peserta": person, "peran": role_label(person),
              "asal": ([desa_name(event.desa_by_kode[person.desa].nama), f"Kec. {event.kecamatan_of_desa(person.desa)}"]
                       if person.desa in event.desa_by_kode else [person.instansi or ""]),
              "kursi": "bebas (latihan)", "official": False, "kosong": False} for person in people]
    _impose(job, cards, "kartu-latihan", f"Kartu ID latihan (gladi bersih) - {job.acara.nama}", "Kartu ID latihan",
            latihan=True)


def _impose(job, cards: list[dict], stem: str, title: str, label: str, latihan: bool = False) -> None:
    """Add the QR and position to each card, and queue the sheets as one PDF."""
    ukuran = job.acara.dokumen.ukuran_kartu_id
    sheet = SHEETS[ukuran]
    for index, card in enumerate(cards):
        card["x"], card["y"] = sheet.position(index)
        card["qr"] = qr_svg(card["peserta"].id)
        # shrunk, then wrapped, never clipped: a name that cannot fit is refused by the gate (BUR-C082)
        size, lines = badge_name(card["peserta"].nama, ukuran, job.acara.dokumen.huruf) or (8.0 * sheet.scale, 3)
        card["nama_pt"], card["nama_baris"] = size, lines
    sheets = [cards[i:i + sheet.per_sheet] for i in range(0, len(cards), sheet.per_sheet)]
    job.pdf(job.output_name(stem), "kartu-id.html",
            {"lembar": sheets, "sheet": sheet, "marks": sheet.cut_marks(), "ukuran": ukuran,
             "contoh": job.preview, **({"latihan": True} if latihan else {})},
            title=title, what=f"{len(cards)} {label} {ukuran} pada {len(sheets)} lembar A4", split="lembar")


def _record_seats(job, plan) -> None:
    """Remember the printed seats, so later changes to peserta.yaml do not move them."""
    new = seats_to_record(job.event, plan)
    if not new:
        return
    stamp = now(job.acara.zona_waktu)
    job.before_commit(lambda: record_printed_seats(job.event, new, stamp))  # under the lock of log/kursi/
    job.notes.append(f"{len(new)} kursi yang tercetak dicatat di log/kursi/kartu-id.yaml; kursi itu tidak "
                     "berpindah lagi bila peserta.yaml berubah.")


def build_komitmen(job) -> None:
    """One Kartu Komitmen per village, filled in with its names; stamp boxes per consultation desk."""
    event = job.event
    acara = job.acara
    villages = [d for d in event.desa if not is_kelurahan(d.kode)]  # none, or no Bursa room: refused by the gate
    order = {k.kode: i for i, k in enumerate(acara.wilayah.kecamatan)}
    villages.sort(key=lambda d: (order.get(kecamatan_of(d.kode), len(order)), d.kode))
    names: dict[tuple[str, str], str] = {}
    for person in event.peserta:
        if person.desa and person.peran in ("kepala-desa", "ketua-bpd"):
            names.setdefault((person.desa, person.peran), person.nama)
    kertas = acara.dokumen.kertas_kartu_komitmen
    stamps, grid = stamp_grid(event, kertas)  # a village without its names gets a note per village from the gate
    cards = [{
        "desa": d, "nama_desa": desa_name(d.nama), "kecamatan": event.kecamatan_of_desa(d.kode),
        "kepala_desa": names.get((d.kode, "kepala-desa"), ""), "ketua_bpd": names.get((d.kode, "ketua-bpd"), ""),
        "qr": qr_svg(d.kode),
        # innovations the village already carries out (earlier Bursa): not offered to it again as new
        "berjalan": [event.inovasi_by_id[i].judul for i in d.inovasi_berjalan if i in event.inovasi_by_id],
    } for d in job.sample(villages)]
    job.pdf(job.output_name("kartu-komitmen"), "kartu-komitmen.html",
            {"kartu": cards, "stempel": stamps, "baris": 5 if kertas == "A4" else 4, "kertas": kertas,
             "grid": grid, "contoh": job.preview},
            title=f"Kartu Komitmen - {acara.nama}",
            what=f"{len(cards)} Kartu Komitmen {kertas}, satu per desa", split="kartu")


# Room on the card for the stamp boxes (mm): width, height.
STAMP_AREA = {"A4": (180.0, 62.0), "A5": (130.0, 38.0)}
STAMP_MIN_H = 12.0  # below this a stamp does not fit: one box per room instead


def stamp_boxes(event, per_desk: bool = True) -> list[dict]:
    """One stamp box per consultation desk (or per Bursa room); a room without desks gets one box."""
    boxes = []
    for ruang in event.acara.tempat.ruang:
        if ruang.jenis != "bursa":
            continue
        if per_desk and ruang.meja:
            boxes.extend({"meja": meja, "ruang": ruang.nama} for meja in ruang.meja)
        else:  # the room's box says which desks stamp in it
            span = f"Meja {ruang.meja[0]} s.d. {ruang.meja[-1]}" if len(ruang.meja) > 1 else \
                (f"Meja {ruang.meja[0]}" if ruang.meja else "")
            boxes.append({"meja": None, "ruang": ruang.nama, "rentang": span})
    return boxes


STAMP_OPEN_H = 17.0  # an open box takes one stamp (about 15 mm) with room for the desk code


def stamp_grid(event, kertas: str) -> tuple[list[dict], dict]:
    """The stamp boxes and their grid, sized so the whole card stays on one page.

    One box per consultation desk, as large as the area allows, no taller than
    27 mm and not much flatter than square. With too many desks for a box a
    stamp fits in (62 desks in 3 rooms on the largest event), numbered open boxes
    instead, as many as fit at a stamp's size, for any desk of any room: the
    consultant stamps the next free box and writes the desk code (a village
    collects about a dozen stamps, far fewer than there are desks).
    """
    width, height = STAMP_AREA[kertas]
    boxes = stamp_boxes(event, per_desk=True)
    if not boxes:
        return [], {}
    for cols in range(5, 13):
        rows = math.ceil(len(boxes) / cols)
        box_w = width / cols
        box_h = min(27.0, height / rows - 1.6)
        if box_h >= 0.8 * box_w or box_h >= 27.0 or cols == 12:
            break
    if box_h >= STAMP_MIN_H:
        return boxes, {"kolom": cols, "lebar": math.floor(10000 / cols) / 100,
                       "tinggi": round(max(box_h, STAMP_MIN_H), 1), "ringkas": box_w < 24, "terbuka": False}
    rows = max(1, int((height + 1.6) // (STAMP_OPEN_H + 1.6)))
    box_h = min(27.0, height / rows - 1.6)
    cols = max(1, int(width // box_h))
    count = min(len(boxes), rows * cols)
    return [{"meja": None, "nomor": n} for n in range(1, count + 1)], {
        "kolom": cols, "lebar": math.floor(10000 / cols) / 100, "tinggi": round(box_h, 1), "ringkas": True,
        "terbuka": True}


def build_ide(job) -> None:
    """Blank Kartu Ide, two A5 cards on each A4 sheet."""
    acara = job.acara
    count = acara.materi.kartu_ide or sum(1 for p in job.event.peserta if p.konfirmasi != "tidak") or 2
    count = len(job.sample(list(range(count))))
    sheets = math.ceil(count / 2)
    title = f"Kartu Ide - {acara.nama}"
    context = {"lembar": 1, "bidang": [(b, BIDANG_LABEL[b]) for b in BIDANG_ORDER], "contoh": job.preview}

    def make() -> bytes:
        # Every sheet is the same: lay one out and repeat its page (seconds instead of minutes at 1,700 cards).
        renderer = job.renderer
        document = renderer.document(renderer.html("kartu-ide.html", context, title))
        output.pages = sheets
        return renderer.write(document.copy(document.pages * sheets))

    job.file(job.output_name("kartu-ide"), make, f"{sheets * 2} Kartu Ide kosong pada {sheets} lembar A4")
    output = job.outputs[-1]
    output.parts, output.title = [("kartu-ide.html", context)], title  # for golden HTML and previews
