"""Checks that cross files: every reference points at something that exists.

Each check is a function `(event) -> Iterable[Problem]`, listed in `LINK_CHECKS`;
a problem is placed at the line of the item that holds the bad reference.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from ..errors import WARNING, Problem
from ..schema.event import Event, locate
from ..schema.models import PERAN_DESA
from ..schema.types import BIDANG_SHORT, is_kelurahan, kecamatan_of
from ..seating import check_held_seats


def _missing(kind: str, key: str, where: str = "") -> str:
    return f"{kind} '{key}' tidak ada{where}."


def _place(event: Event, item, ruang: str, meja: str) -> Iterable[Problem]:
    """The room and desk `item` names exist, and the desk stands in that room.

    Rooms and desks are listed in acara.yaml: without it they are unknown, not missing.
    """
    if event.acara is None:
        return
    if ruang and ruang not in event.ruang_by_kode:
        yield locate(item, _missing("Ruang", ruang, " di acara.yaml"), "ruang", value=ruang)
    if meja:
        room = event.meja_ruang.get(meja)
        if room is None:
            yield locate(item, _missing("Meja", meja, " di ruang bursa mana pun"), "meja", value=meja)
        elif ruang and room != ruang:
            yield locate(item, f"Meja {meja} ada di ruang {room}, bukan di ruang {ruang}.", "meja", value=meja)


def check_wilayah(event: Event) -> Iterable[Problem]:
    """Villages lie in the event's kecamatan and are desa, not kelurahan."""
    if event.acara is None:
        return
    kabupaten = event.acara.wilayah.kode
    for index, kecamatan in enumerate(event.acara.wilayah.kecamatan):
        if not kecamatan.kode.startswith(kabupaten + "."):
            yield locate(event.acara, f"Kecamatan {kecamatan.kode} ({kecamatan.nama}) bukan bagian "
                         f"dari {event.acara.wilayah.nama} ({kabupaten}).",
                         f"wilayah.kecamatan.{index}.kode", value=kecamatan.kode)
    for desa in event.desa:
        if is_kelurahan(desa.kode):
            yield locate(desa, f"{desa.nama} ({desa.kode}) adalah kelurahan: kelurahan tidak memiliki "
                         "APBDes sehingga bukan peserta Bursa Inovasi Desa.", "kode", value=desa.kode)
        elif kecamatan_of(desa.kode) not in event.kecamatan_nama:
            yield locate(desa, f"Desa {desa.nama} ({desa.kode}) berada di kecamatan "
                         f"{kecamatan_of(desa.kode)}, yang tidak tercantum di acara.yaml "
                         "(wilayah.kecamatan).", "kode", value=desa.kode)


def check_people(event: Event) -> Iterable[Problem]:
    """Participants' villages exist; committee members' OPD and places exist."""
    for peserta in event.peserta:
        if peserta.peran in PERAN_DESA and not peserta.desa:
            yield locate(peserta, f"Peserta {peserta.nama} berperan {peserta.peran} tetapi desanya "
                         "tidak diisi.", "desa")
        if peserta.desa and peserta.desa not in event.desa_by_kode:
            yield locate(peserta, _missing("Desa", peserta.desa, " di desa.yaml"), "desa", value=peserta.desa)
        if peserta.desa and is_kelurahan(peserta.desa):
            yield locate(peserta, f"{peserta.desa} adalah kode kelurahan: kelurahan bukan peserta "
                         "Bursa Inovasi Desa.", "desa", value=peserta.desa)
    for anggota in event.panitia:
        if anggota.opd and anggota.opd not in event.opd_by_id:
            yield locate(anggota, _missing("OPD", anggota.opd, " di opd.yaml"), "opd", value=anggota.opd)
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
            yield locate(event.acara, f"Kode ruang {ruang.kode} dipakai dua kali; kode ruang harus unik.",
                         f"{where}.kode", value=ruang.kode)
        rooms[ruang.kode] = index
        for slot, meja in enumerate(ruang.meja):
            if meja in seen:
                yield locate(event.acara, f"Meja {meja} tercantum di ruang {seen[meja]} dan {ruang.kode}; "
                             "kode meja harus unik.", f"{where}.meja.{slot}", value=meja)
            seen[meja] = ruang.kode
        if ruang.jenis != "bursa" and (ruang.meja or ruang.bidang):
            yield locate(event.acara, f"Ruang {ruang.kode} berjenis {ruang.jenis}; meja konsultasi dan "
                         "bidang hanya untuk ruang bursa.", f"{where}.jenis", value=ruang.kode)


def check_inovasi(event: Event) -> Iterable[Problem]:
    """Innovations point at OPD, P2KTD, rooms and desks that exist and fit."""
    for inovasi in event.inovasi:
        if inovasi.opd_pengkaji not in event.opd_by_id:
            yield locate(inovasi, _missing("OPD", inovasi.opd_pengkaji, " di opd.yaml"), "opd_pengkaji",
                         value=inovasi.opd_pengkaji)
        if inovasi.sortir.opd and inovasi.sortir.opd not in event.opd_by_id:
            yield locate(inovasi, _missing("OPD", inovasi.sortir.opd, " di opd.yaml"), "sortir.opd",
                         value=inovasi.sortir.opd)
        for p2ktd in inovasi.p2ktd:
            if p2ktd not in event.p2ktd_by_id:
                yield locate(inovasi, _missing("P2KTD", p2ktd, " di p2ktd.yaml"), "p2ktd", value=p2ktd)
        yield from _place(event, inovasi, inovasi.ruang, inovasi.meja)
        ruang = event.ruang_by_kode.get(inovasi.ruang) if inovasi.ruang else None
        if ruang is not None and ruang.jenis != "bursa":
            yield locate(inovasi, f"Ruang {ruang.kode} bukan ruang bursa.", "ruang", value=inovasi.ruang)
        elif ruang is not None and ruang.bidang and inovasi.bidang not in ruang.bidang:
            yield locate(inovasi, f"Inovasi bidang {BIDANG_SHORT[inovasi.bidang]} ditempatkan di "
                         f"{ruang.nama}, yang menampung bidang "
                         f"{', '.join(BIDANG_SHORT[b] for b in ruang.bidang)}.", "ruang",
                         value=inovasi.ruang, level=WARNING)


def check_logs(event: Event) -> Iterable[Problem]:
    """Log entries point at participants, innovations, desks and villages that exist."""
    peserta = event.peserta_by_id
    inovasi = event.inovasi_by_id
    listed = {p.id for p in event.peserta}

    seen_checkin: dict[str, tuple[str, int]] = {}
    for entry in event.registrasi:
        if entry.tanpa_undangan:
            if entry.peserta in listed:
                yield locate(entry, f"Id {entry.peserta} sudah dipakai di peserta.yaml; peserta tanpa "
                             "undangan perlu id baru.", "peserta", value=entry.peserta)
            if entry.tanpa_undangan.desa and entry.tanpa_undangan.desa not in event.desa_by_kode:
                yield locate(entry, _missing("Desa", entry.tanpa_undangan.desa, " di desa.yaml"),
                             "tanpa_undangan.desa", value=entry.tanpa_undangan.desa)
        elif entry.peserta not in peserta:
            yield locate(entry, _missing("Peserta", entry.peserta, " di peserta.yaml"), "peserta",
                         value=entry.peserta)
        if entry.peserta in seen_checkin:
            file, line = seen_checkin[entry.peserta]
            yield locate(entry, f"Peserta {entry.peserta} sudah registrasi sebelumnya ({file} baris {line}).",
                         "peserta", value=entry.peserta, level=WARNING)
        else:
            seen_checkin[entry.peserta] = (entry._file, entry._line)

    for entry in event.stempel:
        if entry.peserta not in peserta:
            yield locate(entry, _missing("Peserta", entry.peserta), "peserta", value=entry.peserta)
        item = inovasi.get(entry.inovasi)
        if item is None:
            yield locate(entry, _missing("Inovasi", entry.inovasi, " di inovasi.yaml"), "inovasi",
                         value=entry.inovasi)
        if event.acara is not None:  # desks are listed in acara.yaml
            if entry.meja not in event.meja_ruang:
                yield locate(entry, _missing("Meja", entry.meja, " di ruang bursa mana pun"), "meja",
                             value=entry.meja)
            elif item is not None and item.meja != entry.meja:
                yield locate(entry, f"Meja {entry.meja} tidak melayani inovasi {entry.inovasi} "
                             f"({item.judul}); inovasi itu ada di meja {item.meja or '-'}.", "inovasi",
                             value=entry.inovasi)
        file_desk = entry._file.rsplit("/", 1)[-1].removesuffix(".yaml")
        if file_desk != entry.meja:
            yield locate(entry, f"Stempel meja {entry.meja} tercatat di log meja {file_desk}.", "meja",
                         value=entry.meja, level=WARNING)
        if entry.konsultan:
            konsultan = event.panitia_by_id.get(entry.konsultan)
            if konsultan is None:
                yield locate(entry, _missing("Konsultan", entry.konsultan, " di panitia.yaml"), "konsultan",
                             value=entry.konsultan)
            elif konsultan.meja != entry.meja:
                yield locate(entry, f"Konsultan {konsultan.nama} tidak ditugaskan di meja {entry.meja}.",
                             "konsultan", value=entry.konsultan, level=WARNING)

    for entry in event.penilaian:
        if entry.peserta not in peserta:
            yield locate(entry, _missing("Peserta", entry.peserta), "peserta", value=entry.peserta)
        if entry.inovasi not in inovasi:
            yield locate(entry, _missing("Inovasi", entry.inovasi), "inovasi", value=entry.inovasi)

    for entry in event.ide:
        if entry.peserta and entry.peserta not in peserta:
            yield locate(entry, _missing("Peserta", entry.peserta), "peserta", value=entry.peserta)
        if entry.desa and entry.desa not in event.desa_by_kode:
            yield locate(entry, _missing("Desa", entry.desa, " di desa.yaml"), "desa", value=entry.desa)


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
            yield locate(entry, _missing("Desa", entry.desa, " di desa.yaml"), "desa", value=entry.desa)
            continue
        if entry.desa in first_card:
            file, line = first_card[entry.desa]
            yield locate(entry, f"Kartu Komitmen Desa {desa.nama} sudah dicatat di {file} baris {line}; "
                         "yang terakhir yang dipakai.", "desa", value=entry.desa, level=WARNING)
        first_card.setdefault(entry.desa, (entry._file, entry._line))
        if in_force.get(entry.desa) is not entry:
            continue  # replaced by a later card: history, not a card to check
        if not entry.ttd_kepala_desa or not entry.ttd_ketua_bpd:
            who = [name for name, signed in (("Kepala Desa", entry.ttd_kepala_desa),
                                             ("Ketua BPD", entry.ttd_ketua_bpd)) if not signed]
            yield locate(entry, f"Kartu Komitmen Desa {desa.nama} belum ditandatangani "
                         f"{' dan '.join(who)}; komitmen sah bila ditandatangani keduanya.",
                         "ttd_kepala_desa" if not entry.ttd_kepala_desa else "ttd_ketua_bpd")
        if event.acara and entry.tahun_apbdes != event.acara.tahun_apbdes:
            yield locate(entry, f"Tahun APBDes {entry.tahun_apbdes} berbeda dengan tahun acara "
                         f"({event.acara.tahun_apbdes}).", "tahun_apbdes",
                         value=str(entry.tahun_apbdes), level=WARNING)
        for inovasi_id in entry.inovasi:
            item = event.inovasi_by_id.get(inovasi_id)
            if item is None:
                yield locate(entry, _missing("Inovasi", inovasi_id, " di inovasi.yaml"), "inovasi",
                             value=inovasi_id)
                continue
            if inovasi_id in stamped.get(entry.desa, set()):
                continue
            if entry.alasan.get(inovasi_id, "").strip():
                continue
            yield locate(entry, f"Desa {desa.nama} berkomitmen pada {inovasi_id} ({item.judul}) tanpa "
                         "stempel konsultasi dari meja mana pun; tulis alasannya di 'alasan' bila "
                         "memang disetujui.", "inovasi", value=inovasi_id)
        for inovasi_id in entry.alasan:
            if inovasi_id not in entry.inovasi:
                yield locate(entry, f"'alasan' menyebut {inovasi_id}, yang tidak ada di daftar inovasi "
                             "kartu ini.", "alasan", value=inovasi_id, level=WARNING)


LINK_CHECKS: tuple[Callable[[Event], Iterable[Problem]], ...] = (
    check_wilayah,
    check_people,
    check_rooms,
    check_inovasi,
    check_logs,
    check_komitmen,
    check_held_seats,
)


def check_links(event: Event) -> list[Problem]:
    """Run every cross-file check; without a readable acara.yaml, rooms and desks are not checked."""
    problems: list[Problem] = []
    for check in LINK_CHECKS:
        problems.extend(check(event))
    return problems
