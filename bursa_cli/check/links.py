"""Checks that cross files: every reference points at something that exists.

Each check is a function `(event) -> Iterable[Problem]`, listed in `LINK_CHECKS`;
a problem is placed at the line of the item that holds the bad reference.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from ..codes import say
from ..errors import Problem
from ..schema.event import Event, locate
from ..schema.models import PERAN_DESA, PERAN_LABEL
from ..schema.types import BIDANG_SHORT, is_kelurahan, kecamatan_of
from ..seating import check_held_seats
from .logdates import check_log_dates
from .followup import check_followup
from .register import check_register


def _place(event: Event, item, ruang: str, meja: str) -> Iterable[Problem]:
    """The room and desk `item` names exist, and the desk stands in that room.

    Rooms and desks are listed in acara.yaml: without it they are unknown, not missing.
    """
    if event.acara is None:
        return
    if ruang and ruang not in event.ruang_by_kode:
        yield locate(item, field_name="ruang", value=ruang, **say("BUR-R005", ruang=ruang))
    if meja:
        room = event.meja_ruang.get(meja)
        if room is None:
            yield locate(item, field_name="meja", value=meja, **say("BUR-R006", meja=meja))
        elif ruang and room != ruang:
            yield locate(item, field_name="meja", value=meja, **say("BUR-R007", meja=meja, ada=room, ruang=ruang))


def check_wilayah(event: Event) -> Iterable[Problem]:
    """Villages lie in the event's kecamatan and are desa, not kelurahan."""
    if event.acara is None:
        return
    kabupaten = event.acara.wilayah.kode
    for index, kecamatan in enumerate(event.acara.wilayah.kecamatan):
        if not kecamatan.kode.startswith(kabupaten + "."):
            yield locate(event.acara, field_name=f"wilayah.kecamatan.{index}.kode", value=kecamatan.kode,
                         **say("BUR-R008", kode=kecamatan.kode, nama=kecamatan.nama,
                               kabupaten=event.acara.wilayah.nama, kode_kabupaten=kabupaten))
    for desa in event.desa:
        if is_kelurahan(desa.kode):
            yield locate(desa, field_name="kode", value=desa.kode, **say("BUR-R009", nama=desa.nama, kode=desa.kode))
        elif kecamatan_of(desa.kode) not in event.kecamatan_nama:
            yield locate(desa, field_name="kode", value=desa.kode,
                         **say("BUR-R010", nama=desa.nama, kode=desa.kode, kecamatan=kecamatan_of(desa.kode)))


def check_people(event: Event) -> Iterable[Problem]:
    """Participants' villages exist; committee members' OPD and places exist."""
    for peserta in event.peserta:
        if peserta.peran in PERAN_DESA and not peserta.desa:
            yield locate(peserta, field_name="desa", **say("BUR-R001", nama=peserta.nama, peran=peserta.peran))
        if peserta.desa and peserta.desa not in event.desa_by_kode:
            yield locate(peserta, field_name="desa", value=peserta.desa, **say("BUR-R002", desa=peserta.desa))
        if peserta.desa and is_kelurahan(peserta.desa):
            yield locate(peserta, field_name="desa", value=peserta.desa, **say("BUR-R003", desa=peserta.desa))
    for anggota in event.panitia:
        if anggota.opd and anggota.opd not in event.opd_by_id:
            yield locate(anggota, field_name="opd", value=anggota.opd, **say("BUR-R004", opd=anggota.opd))
        yield from _place(event, anggota, anggota.ruang, anggota.meja)


def check_rooms(event: Event) -> Iterable[Problem]:
    """Desk codes are unique across rooms; only Bursa rooms hold desks and bidang."""
    if event.acara is None:
        return
    seen: dict[str, str] = {}
    rooms: dict[str, int] = {}
    for index, ruang in enumerate(event.acara.tempat.ruang):
        where = f"tempat.ruang.{index}"
        if ruang.kode in rooms:
            yield locate(event.acara, field_name=f"{where}.kode", value=ruang.kode,
                         **say("BUR-R011", ruang=ruang.kode))
        rooms[ruang.kode] = index
        for slot, meja in enumerate(ruang.meja):
            if meja in seen:
                yield locate(event.acara, field_name=f"{where}.meja.{slot}", value=meja,
                             **say("BUR-R012", meja=meja, ruang_lain=seen[meja], ruang=ruang.kode))
            seen[meja] = ruang.kode
        if ruang.jenis != "bursa" and (ruang.meja or ruang.bidang):
            yield locate(event.acara, field_name=f"{where}.jenis", value=ruang.kode,
                         **say("BUR-R013", ruang=ruang.kode, jenis=ruang.jenis))


def check_inovasi(event: Event) -> Iterable[Problem]:
    """Innovations point at OPD, P2KTD, rooms and desks that exist and fit."""
    for inovasi in event.inovasi:
        if inovasi.opd_pengkaji not in event.opd_by_id:
            yield locate(inovasi, field_name="opd_pengkaji", value=inovasi.opd_pengkaji,
                         **say("BUR-R004", opd=inovasi.opd_pengkaji))
        if inovasi.sortir.opd and inovasi.sortir.opd not in event.opd_by_id:
            yield locate(inovasi, field_name="sortir.opd", value=inovasi.sortir.opd,
                         **say("BUR-R004", opd=inovasi.sortir.opd))
        for p2ktd in inovasi.p2ktd:
            if p2ktd not in event.p2ktd_by_id:
                yield locate(inovasi, field_name="p2ktd", value=p2ktd, **say("BUR-R014", p2ktd=p2ktd))
        yield from _place(event, inovasi, inovasi.ruang, inovasi.meja)
        ruang = event.ruang_by_kode.get(inovasi.ruang) if inovasi.ruang else None
        if ruang is not None and ruang.jenis != "bursa":
            yield locate(inovasi, field_name="ruang", value=inovasi.ruang, **say("BUR-R015", ruang=ruang.kode))
        elif ruang is not None and ruang.bidang and inovasi.bidang not in ruang.bidang:
            yield locate(inovasi, field_name="ruang", value=inovasi.ruang,
                         **say("BUR-R016", bidang=BIDANG_SHORT[inovasi.bidang], ruang=ruang.nama,
                               bidang_ruang=", ".join(BIDANG_SHORT[b] for b in ruang.bidang)))


def check_logs(event: Event) -> Iterable[Problem]:
    """Log entries point at participants, innovations, desks and villages that exist."""
    peserta = event.peserta_by_id
    inovasi = event.inovasi_by_id
    listed = {p.id for p in event.peserta}

    seen_checkin: dict[str, object] = {}
    for entry in event.registrasi:
        if entry.tanpa_undangan:
            if entry.peserta in listed:
                yield locate(entry, field_name="peserta", value=entry.peserta,
                             **say("BUR-H001", peserta=entry.peserta))
            if entry.tanpa_undangan.desa and entry.tanpa_undangan.desa not in event.desa_by_kode:
                yield locate(entry, field_name="tanpa_undangan.desa", value=entry.tanpa_undangan.desa,
                             **say("BUR-R002", desa=entry.tanpa_undangan.desa))
        elif entry.peserta not in peserta:
            yield locate(entry, field_name="peserta", value=entry.peserta,
                         **say("BUR-H002", peserta=entry.peserta, di=" di peserta.yaml"))
        if entry.peserta in seen_checkin:
            first = seen_checkin[entry.peserta]
            if _two_people(first, entry):
                yield locate(entry, field_name="tanpa_undangan.nama", value=entry.tanpa_undangan.nama,
                             **say("BUR-H009", peserta=entry.peserta, nama=entry.tanpa_undangan.nama,
                                   nama_lain=first.tanpa_undangan.nama, berkas=first._file, baris=first._line))
            else:
                yield locate(entry, field_name="peserta", value=entry.peserta,
                             **say("BUR-H003", peserta=entry.peserta, berkas=first._file, baris=first._line))
        else:
            seen_checkin[entry.peserta] = entry

    for entry in event.stempel:
        if entry.peserta not in peserta:
            yield locate(entry, field_name="peserta", value=entry.peserta,
                         **say("BUR-H002", peserta=entry.peserta, di=""))
        item = inovasi.get(entry.inovasi)
        if item is None:
            yield locate(entry, field_name="inovasi", value=entry.inovasi,
                         **say("BUR-H004", inovasi=entry.inovasi, di=" di inovasi.yaml"))
        if event.acara is not None:  # desks are listed in acara.yaml
            if entry.meja not in event.meja_ruang:
                yield locate(entry, field_name="meja", value=entry.meja, **say("BUR-R006", meja=entry.meja))
            elif item is not None and item.meja != entry.meja:
                yield locate(entry, field_name="inovasi", value=entry.inovasi,
                             **say("BUR-H005", meja=entry.meja, inovasi=entry.inovasi, judul=item.judul,
                                   meja_inovasi=item.meja or "-"))
        file_desk = entry._file.rsplit("/", 1)[-1].removesuffix(".yaml")
        if file_desk != entry.meja:
            yield locate(entry, field_name="meja", value=entry.meja,
                         **say("BUR-H006", meja=entry.meja, meja_log=file_desk))
        if entry.konsultan:
            konsultan = event.panitia_by_id.get(entry.konsultan)
            if konsultan is None:
                yield locate(entry, field_name="konsultan", value=entry.konsultan,
                             **say("BUR-H007", konsultan=entry.konsultan))
            elif konsultan.meja != entry.meja:
                yield locate(entry, field_name="konsultan", value=entry.konsultan,
                             **say("BUR-H008", nama=konsultan.nama, meja=entry.meja))

    for entry in event.penilaian:
        if entry.peserta not in peserta:
            yield locate(entry, field_name="peserta", value=entry.peserta,
                         **say("BUR-H002", peserta=entry.peserta, di=""))
        if entry.inovasi not in inovasi:
            yield locate(entry, field_name="inovasi", value=entry.inovasi,
                         **say("BUR-H004", inovasi=entry.inovasi, di=""))

    for entry in event.ide:
        if entry.peserta and entry.peserta not in peserta:
            yield locate(entry, field_name="peserta", value=entry.peserta,
                         **say("BUR-H002", peserta=entry.peserta, di=""))
        if entry.desa and entry.desa not in event.desa_by_kode:
            yield locate(entry, field_name="desa", value=entry.desa, **say("BUR-R002", desa=entry.desa))


def _two_people(first, again) -> bool:
    """Two registrations of one spare card that name different people: two people hold one id."""
    if not first.tanpa_undangan or not again.tanpa_undangan:
        return False
    return " ".join(first.tanpa_undangan.nama.casefold().split()) != \
        " ".join(again.tanpa_undangan.nama.casefold().split())


VILLAGE_ROLES = ("kepala-desa", "ketua-bpd")


def _role_holders(event: Event) -> dict[tuple[str, str], list]:
    people: dict[tuple[str, str], list] = defaultdict(list)
    for person in event.peserta_by_id.values():
        if person.peran in VILLAGE_ROLES and person.desa:
            people[(person.desa, person.peran)].append(person)
    return people


def check_village_roles(event: Event) -> Iterable[Problem]:
    """A village has one Kepala Desa and one Ketua BPD: they sign its Kartu Komitmen together."""
    for (kode, peran), holders in _role_holders(event).items():
        village = event.desa_by_kode.get(kode)
        if village is None or len(holders) < 2:
            continue
        names = ", ".join(f"{p.nama} ({p._file} baris {p._line})" for p in holders)
        for person in holders[1:]:
            yield locate(person, field_name="peran", value=peran,
                         **say("BUR-D002", desa=village.nama, jumlah=len(holders), peran=PERAN_LABEL[peran],
                               nama=names))


def missing_village_roles(event: Event) -> Iterable[Problem]:
    """Villages without a Kepala Desa or a Ketua BPD among the participants (a print requirement)."""
    people = _role_holders(event)
    for village in event.desa:
        for peran in VILLAGE_ROLES:
            if not people.get((village.kode, peran)):
                yield locate(village, field_name="kode", value=village.kode,
                             **say("BUR-D001", desa=village.nama, peran=PERAN_LABEL[peran]))


def stamped_by_desa(event: Event) -> dict[str, set[str]]:
    """Village code -> innovations its participants had stamped at a desk."""
    found: dict[str, set[str]] = defaultdict(set)
    peserta = event.peserta_by_id
    for entry in event.stempel:
        person = peserta.get(entry.peserta)
        if person is not None and person.desa:
            found[person.desa].add(entry.inovasi)
    return found


def check_komitmen(event: Event) -> Iterable[Problem]:
    """A village commits only to innovations it consulted on, on a card signed twice."""
    stamped = stamped_by_desa(event)
    first_card: dict[str, tuple[str, int]] = {}
    in_force = event.komitmen_berlaku
    for entry in event.komitmen:
        desa = event.desa_by_kode.get(entry.desa)
        if desa is None:
            yield locate(entry, field_name="desa", value=entry.desa, **say("BUR-R002", desa=entry.desa))
            continue
        if entry.desa in first_card:
            file, line = first_card[entry.desa]
            yield locate(entry, field_name="desa", value=entry.desa,
                         **say("BUR-K001", desa=desa.nama, berkas=file, baris=line))
        first_card.setdefault(entry.desa, (entry._file, entry._line))
        if in_force.get(entry.desa) is not entry:
            continue  # replaced by a later card: history, not a card to check
        if not entry.ttd_kepala_desa or not entry.ttd_ketua_bpd:
            who = [name for name, signed in (("Kepala Desa", entry.ttd_kepala_desa),
                                             ("Ketua BPD", entry.ttd_ketua_bpd)) if not signed]
            yield locate(entry, field_name="ttd_kepala_desa" if not entry.ttd_kepala_desa else "ttd_ketua_bpd",
                         **say("BUR-K002", desa=desa.nama, siapa=" dan ".join(who)))
        if event.acara and entry.tahun_apbdes != event.acara.tahun_apbdes:
            yield locate(entry, field_name="tahun_apbdes", value=str(entry.tahun_apbdes),
                         **say("BUR-K003", tahun=entry.tahun_apbdes, tahun_acara=event.acara.tahun_apbdes))
        for inovasi_id in entry.inovasi:
            item = event.inovasi_by_id.get(inovasi_id)
            if item is None:
                yield locate(entry, field_name="inovasi", value=inovasi_id, **say("BUR-K004", inovasi=inovasi_id))
                continue
            if inovasi_id in stamped.get(entry.desa, set()):
                continue
            if entry.alasan.get(inovasi_id, "").strip():
                continue
            yield locate(entry, field_name="inovasi", value=inovasi_id,
                         **say("BUR-K005", desa=desa.nama, inovasi=inovasi_id, judul=item.judul))
        for inovasi_id in entry.alasan:
            if inovasi_id not in entry.inovasi:
                yield locate(entry, field_name="alasan", value=inovasi_id, **say("BUR-K006", inovasi=inovasi_id))


LINK_CHECKS: tuple[Callable[[Event], Iterable[Problem]], ...] = (
    check_wilayah,
    check_people,
    check_rooms,
    check_inovasi,
    check_logs,
    check_komitmen,
    check_held_seats,
    check_register,
    check_log_dates,
    check_followup,
)


def check_links(event: Event) -> list[Problem]:
    """Run every cross-file check; without a readable acara.yaml, rooms and desks are not checked."""
    problems: list[Problem] = []
    for check in LINK_CHECKS:
        problems.extend(check(event))
    return problems
