"""Seat assignment in the Ruang Pleno (Jendela 1).

Officials (every role that does not speak for a village: Camat, OPD, TA P3MD,
P2KTD, pendamping, media ...) take the front rows. Village participants follow,
grouped by kecamatan (in the order of acara.yaml) and by village (by kode), the
Kepala Desa beside the Ketua BPD. Seats are filled row by row across the blocks.

A village is kept inside one block row (never split by an aisle or a row
break) as long as the spare seats allow it; when they run short, groups are
split rather than anyone left without a seat. The same data always gives the
same seats. Only participants listed in peserta.yaml are seated (not walk-ins
registered on the day), so printing badges never moves anyone else's seat.

Once the Kartu ID are printed, their seats are kept: `bursa cetak kartu-id`
records each printed seat in `log/kursi/`, and the plan gives every recorded
participant that seat again. Later changes to peserta.yaml only touch the
others: a participant who declines leaves a free seat, a new one takes a seat
left by their own village, else the free seat nearest to their village-mates,
else the first free seat. If a room change removes a recorded seat, or a seat
was recorded for two people, validation says whose Kartu ID to print again.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .codes import say
from .errors import Problem
from .indo import huruf
from .schema.event import Event, locate
from .schema.models import PERAN_DESA, PERAN_LABEL, Kursi, Peserta, Ruang
from .schema.types import kecamatan_of

# Front-row order of officials.
OFFICIAL_ORDER = ("camat", "opd", "ta-p3md", "p2ktd", "pendamping", "media", "lainnya")
VILLAGE_ORDER = PERAN_DESA  # Kepala Desa, then Ketua BPD, then perangkat desa
OFFICIALS = "Pejabat dan undangan"


@dataclass(frozen=True)
class Seat:
    row: int  # 0 is the front row
    block: int  # 0 is the left block seen from the stage
    number: int  # 1-based within the block row
    blocks: int  # how many blocks the room has (for the label)

    @property
    def row_letter(self) -> str:
        return row_letter(self.row)

    @property
    def label(self) -> str:
        """'B-07', or 'Blok 2 / C-05' when the room has more than one block."""
        short = f"{self.row_letter}-{self.number:02d}"
        return short if self.blocks == 1 else f"Blok {self.block + 1} / {short}"


@dataclass(frozen=True)
class Seated:
    """One participant and the seat given to them."""

    seat: Seat
    peserta: Peserta
    group: str  # kecamatan name, or OFFICIALS
    desa: str  # village name ('' for officials)
    official: bool


@dataclass
class Layout:
    """Rows x seats per row, in blocks separated by aisles."""

    blok: int
    kursi_per_baris: int
    baris: int
    seats: int  # seats in use: never more than the room's kapasitas

    @property
    def per_row(self) -> int:
        return self.blok * self.kursi_per_baris


@dataclass
class SeatPlan:
    ruang: Ruang | None
    layout: Layout | None
    seated: list[Seated] = field(default_factory=list)
    unseated: list[Peserta] = field(default_factory=list)
    needed: int = 0

    @property
    def by_peserta(self) -> dict[str, Seat]:
        return {s.peserta.id: s.seat for s in self.seated}

    def groups(self) -> list[tuple[str, list[Seated]]]:
        """Seated participants by group (officials, then each kecamatan), in seat order."""
        out: list[tuple[str, list[Seated]]] = []
        for item in self.seated:
            if not out or out[-1][0] != item.group:
                out.append((item.group, []))
            out[-1][1].append(item)
        return out


def row_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, as spreadsheet columns are named."""
    return huruf(index).upper()


def pleno_room(event: Event) -> tuple[int, Ruang] | tuple[None, None]:
    """The first room of jenis pleno, with its index in acara.yaml."""
    rooms = event.acara.tempat.ruang if event.acara else []
    for index, ruang in enumerate(rooms):
        if ruang.jenis == "pleno":
            return index, ruang
    return None, None


def layout_of(ruang: Ruang) -> Layout:
    """The room's seat layout: what acara.yaml says, the rest derived from kapasitas."""
    capacity = ruang.kapasitas
    blok = ruang.blok or (1 if capacity <= 24 else 2 if capacity <= 240 else 3 if capacity <= 900 else 4)
    if ruang.kursi_per_baris:
        per_block = ruang.kursi_per_baris
    elif blok == 1:
        per_block = max(1, min(capacity, 8))
    else:
        per_block = 10 if blok == 2 else 12
    baris = ruang.baris or max(1, math.ceil(capacity / (blok * per_block)))
    return Layout(blok, per_block, baris, min(capacity, baris * blok * per_block))


def needs_seat(peserta: Peserta) -> bool:
    return peserta.konfirmasi != "tidak"


def is_official(peserta: Peserta) -> bool:
    return not (peserta.peran in PERAN_DESA and peserta.desa)


def plan_seating(event: Event) -> SeatPlan:
    """Give every participant who has not declined a seat in the Ruang Pleno.

    Participants whose Kartu ID were printed keep the recorded seat. Everyone
    else is seated in the order described at the top of this module; once seats
    are held, a newcomer first takes a seat left by someone of their own village
    who declined (a new Ketua BPD the seat the old one left), else the free seat
    nearest to their village-mates, else the first free seat.
    """
    _, ruang = pleno_room(event)
    people = [p for p in event.peserta if needs_seat(p)]
    if ruang is None:
        return SeatPlan(None, None, [], people, len(people))
    layout = layout_of(ruang)
    held, _ = _held_seats(event, layout, {p.id for p in people})
    taken = set(held.values())
    # A newcomer takes a seat left by someone of their own village before anyone else may.
    for desa, places in _seats_left_by_villagers(event, layout, taken).items():
        newcomers = sorted((p for p in people if p.desa == desa and p.id not in held and not is_official(p)),
                           key=lambda p: (VILLAGE_ORDER.index(p.peran), p.id))
        for person, place in zip(newcomers, places):
            held[person.id] = place
            taken.add(place)
    officials, villages = _groups(event, people)
    units: list[tuple[str, str, bool, list[Peserta]] | None] = [
        (OFFICIALS, "", True, [p]) for p in officials]
    units.append(None)  # villages start on a fresh row when the spare seats allow it
    units.extend((kec, desa, False, members) for kec, desa, members in villages)

    plan = SeatPlan(ruang, layout, needed=len(people))
    slack = layout.seats - len(people)
    position = 0

    def next_free() -> int | None:
        nonlocal position
        while position < layout.seats and position in taken:
            position += 1
        if position < layout.seats:
            position += 1
            return position - 1
        return next((place for place in range(layout.seats) if place not in taken), None)

    def nearest_free(anchors: list[int]) -> int | None:
        free = (place for place in range(layout.seats) if place not in taken)
        return min(free, key=lambda place: (min(abs(place - a) for a in anchors), place), default=None)

    placed: list[tuple[int, Seated]] = []
    for unit in units:
        if unit is None:
            if not held and position % layout.per_row:
                gap = layout.per_row - position % layout.per_row
                if gap <= slack:
                    position, slack = position + gap, slack - gap
            continue
        group, desa, official, members = unit
        anchors = [held[person.id] for person in members if person.id in held]
        if not held:
            free = layout.kursi_per_baris - position % layout.kursi_per_baris
            if len(members) > free and len(members) <= layout.kursi_per_baris and free <= slack:
                position, slack = position + free, slack - free
        for person in members:
            place = held.get(person.id)
            if place is None:
                place = nearest_free(anchors) if held and anchors else next_free()
                if place is None:
                    plan.unseated.append(person)
                    continue
                taken.add(place)
                anchors.append(place)
            placed.append((place, Seated(_seat_at(place, layout), person, group, desa, official)))
    plan.seated = [item for _, item in sorted(placed, key=lambda pair: pair[0])]
    return plan


def seats_to_record(event: Event, plan: SeatPlan) -> list[dict[str, str]]:
    """Log entries for the seats about to be printed that `log/kursi/` does not hold yet."""
    recorded = event.kursi_by_peserta
    return [{"peserta": item.peserta.id, "kursi": item.seat.label}
            for item in plan.seated
            if (entry := recorded.get(item.peserta.id)) is None or entry.kursi != item.seat.label]


def check_held_seats(event: Event) -> list[Problem]:
    """Recorded seats that name no participant, or that the plan can no longer keep."""
    listed = {p.id for p in event.peserta}
    problems = [locate(entry, field_name="peserta", value=entry.peserta,
                       **say("BUR-P001", peserta=entry.peserta, kursi=entry.kursi))
                for entry in event.kursi_by_peserta.values() if entry.peserta not in listed]
    _, ruang = pleno_room(event)
    if ruang is not None:
        _, lost = _held_seats(event, layout_of(ruang), {p.id for p in event.peserta if needs_seat(p)})
        problems.extend(lost)
    return problems


def _held_seats(event: Event, layout: Layout, needing: set[str]) -> tuple[dict[str, int], list[Problem]]:
    """Peserta id -> the position of the seat printed on their Kartu ID, and the
    problems of recorded seats that cannot be kept.

    The last entry for a participant counts. When two participants' last entries
    name the same seat, the later entry keeps it and the other participant gets a
    new seat; so does a participant whose seat the room no longer has.
    """
    last = [entry for peserta, entry in event.kursi_by_peserta.items() if peserta in needing]
    holder: dict[int, Kursi] = {}
    problems: list[Problem] = []
    for entry in last:
        place = seat_position(entry.kursi, layout)
        if place is None:
            problems.append(locate(entry, field_name="kursi", value=entry.kursi,
                                   **say("BUR-P002", kursi=entry.kursi, peserta=entry.peserta)))
            continue
        earlier = holder.get(place)
        if earlier is not None:
            problems.append(locate(earlier, field_name="kursi", value=earlier.kursi,
                                   **say("BUR-P003", kursi=entry.kursi, peserta=entry.peserta, berkas=entry._file,
                                         baris=entry._line, peserta_lain=earlier.peserta)))
        holder[place] = entry
    return {entry.peserta: place for place, entry in holder.items()}, problems


def _seats_left_by_villagers(event: Event, layout: Layout, taken: set[int]) -> dict[str, list[int]]:
    """Village code -> the free seats printed for its participants who have since declined."""
    left: dict[str, list[int]] = {}
    for person in event.peserta:
        entry = event.kursi_by_peserta.get(person.id)
        if entry is None or needs_seat(person) or is_official(person):
            continue
        place = seat_position(entry.kursi, layout)
        if place is not None and place not in taken:
            left.setdefault(person.desa, []).append(place)
    return {desa: sorted(places) for desa, places in left.items()}


_LABEL = re.compile(r"(?:Blok (?P<blok>[1-9][0-9]*) / )?(?P<baris>[A-Z]+)-(?P<nomor>[0-9]{2,})")


def seat_position(label: str, layout: Layout) -> int | None:
    """The position of a seat label ('B-07', 'Blok 2 / C-05') in `layout`; None when it has no such seat."""
    match = _LABEL.fullmatch(label)
    if match is None or (match["blok"] is None) != (layout.blok == 1):
        return None
    block = int(match["blok"]) - 1 if match["blok"] else 0
    row = 0
    for letter in match["baris"]:
        row = row * 26 + ord(letter) - ord("A") + 1
    row -= 1
    number = int(match["nomor"])
    if block >= layout.blok or not 1 <= number <= layout.kursi_per_baris or row >= layout.baris:
        return None
    place = row * layout.per_row + block * layout.kursi_per_baris + number - 1
    return place if place < layout.seats else None


def check_seating(event: Event) -> list[Problem]:
    """Problems that stop the seat plan: no pleno room, or too few seats for who is coming."""
    people = sum(1 for p in event.peserta if needs_seat(p))
    index, ruang = pleno_room(event)
    if ruang is None:
        if not people or event.acara is None:
            return []
        return [locate(event.acara, field_name="tempat.ruang", **say("BUR-P004"))]
    layout = layout_of(ruang)
    problems: list[Problem] = []
    explicit = ruang.baris and ruang.kursi_per_baris
    if explicit and layout.seats < ruang.kapasitas:
        problems.append(locate(
            event.acara, field_name=f"tempat.ruang.{index}.baris", value=str(ruang.baris), **say(
                "BUR-P005", pesan=f"Tata kursi {ruang.nama} ({layout.baris} baris x {layout.blok} blok x "
                f"{layout.kursi_per_baris} kursi) hanya {layout.seats} kursi, kurang dari kapasitas "
                f"{ruang.kapasitas}.")))
    if people > layout.seats:
        short = people - layout.seats
        key = "kapasitas" if layout.seats == ruang.kapasitas else "baris"
        problems.append(locate(
            event.acara, field_name=f"tempat.ruang.{index}.{key}", value=str(getattr(ruang, key)), **say(
                "BUR-P006", pesan=f"{ruang.nama} hanya memuat {layout.seats} kursi, padahal {people} peserta "
                f"akan hadir (konfirmasi bukan \"tidak\"): kurang {short} kursi. Naikkan {key}, atau tandai "
                "peserta yang tidak datang dengan konfirmasi: tidak.")))
    return problems


# --------------------------------------------------------------------------- helpers


def _groups(event: Event, people: list[Peserta]):
    kec_order = {k.kode: i for i, k in enumerate(event.acara.wilayah.kecamatan)} if event.acara else {}
    camat_rank = {kode: i for i, kode in enumerate(kec_order)}
    officials = sorted(
        (p for p in people if is_official(p)),
        key=lambda p: (OFFICIAL_ORDER.index(p.peran) if p.peran in OFFICIAL_ORDER else len(OFFICIAL_ORDER),
                       camat_rank.get(p.kecamatan or "", len(camat_rank)), p.kecamatan or "", p.id))
    by_desa: dict[str, list[Peserta]] = {}
    for person in people:
        if not is_official(person):
            by_desa.setdefault(person.desa, []).append(person)
    villages = []
    for kode in sorted(by_desa, key=lambda k: (kec_order.get(kecamatan_of(k), len(kec_order)), k)):
        members = sorted(by_desa[kode], key=lambda p: (VILLAGE_ORDER.index(p.peran), p.id))
        desa = event.desa_by_kode.get(kode)
        kecamatan = event.kecamatan_of_desa(kode) or kecamatan_of(kode)
        villages.append((f"Kecamatan {kecamatan}", desa.nama if desa else kode, members))
    return officials, villages


def _seat_at(position: int, layout: Layout) -> Seat:
    row, rest = divmod(position, layout.per_row)
    block, number = divmod(rest, layout.kursi_per_baris)
    return Seat(row, block, number + 1, layout.blok)


def role_label(peserta: Peserta) -> str:
    """The role as printed: 'Kepala Desa', 'P2KTD', 'Media' ..."""
    return PERAN_LABEL.get(peserta.peran, peserta.peran)


def desa_name(nama: str) -> str:
    """'Bulu' -> 'Desa Bulu', leaving names that already say Desa or Kelurahan alone."""
    return nama if nama.lower().startswith(("desa ", "kelurahan ")) else f"Desa {nama}"


def origin_lines(event: Event, item: Seated) -> list[str]:
    """Where a seated participant comes from: village and kecamatan, or position and agency."""
    person = item.peserta
    if not item.official:
        return [desa_name(item.desa), item.group]
    lines = []
    if person.jabatan and person.jabatan != role_label(person):
        lines.append(person.jabatan)
    if person.instansi:
        lines.append(person.instansi)
    if person.kecamatan:
        kecamatan = event.kecamatan_nama.get(person.kecamatan, person.kecamatan)
        if not any(kecamatan in line for line in lines):
            lines.append(f"Kecamatan {kecamatan}")
    return lines
