"""Checks of the follow-up log (`log/tindak-lanjut/`): each step follows a commitment in force.

A problem is placed at the line of the entry, on the field that is wrong.
"""

from __future__ import annotations

from typing import Iterable

from ..codes import say
from ..errors import Problem
from ..schema.event import Event, locate
from ..schema.followup import TAHAP_RANK, TindakLanjut, committed_pairs, history
from ..indo import tanggal as tanggal_text


def check_followup(event: Event) -> Iterable[Problem]:
    """Every follow-up entry names a commitment in force, in a plausible order, with its fields;
    no village commits, as new, to an innovation it already carries out."""
    yield from _already_running(event)
    if not event.tindak_lanjut:
        return
    pairs = committed_pairs(event.komitmen_berlaku)
    fair = event.acara.tanggal if event.acara else None
    for steps in history(event.tindak_lanjut).values():
        previous: TindakLanjut | None = None
        for entry in steps:
            card = pairs.get((entry.desa, entry.inovasi))
            if entry.desa not in event.desa_by_kode:
                yield locate(entry, field_name="desa", value=entry.desa, **say("BUR-R002", desa=entry.desa))
            elif card is None:
                desa = event.desa_by_kode[entry.desa]
                yield locate(entry, field_name="inovasi", value=entry.inovasi,
                             **say("BUR-F001", desa=f"{desa.nama} ({desa.kode})", inovasi=entry.inovasi))
            if fair and entry.tanggal < fair:
                yield locate(entry, field_name="tanggal", value=str(entry.tanggal),
                             **say("BUR-F002", tanggal=tanggal_text(entry.tanggal), tanggal_acara=tanggal_text(fair)))
            yield from _fields(event, entry, card)
            if previous is not None:
                yield from _order(entry, previous)
            previous = entry


def _fields(event: Event, entry: TindakLanjut, card) -> Iterable[Problem]:
    if entry.tahap == "apbdes":
        if entry.nilai is None:
            yield locate(entry, field_name="tahap", value=entry.tahap, **say("BUR-F005"))
        missing = [name for name, value in (("sumber", entry.sumber), ("perdes", entry.perdes)) if not value]
        if missing:
            yield locate(entry, field_name="tahap", value=entry.tahap,
                         **say("BUR-F006", isian=" dan ".join(missing)))
        if card is not None and entry.tanggal.year not in (card.tahun_apbdes - 1, card.tahun_apbdes):
            yield locate(entry, field_name="tanggal", value=str(entry.tanggal),
                         **say("BUR-F007", tanggal=tanggal_text(entry.tanggal), tahun=card.tahun_apbdes,
                               tahun_lalu=card.tahun_apbdes - 1))
    else:
        for name in ("nilai", "sumber", "perdes"):
            if getattr(entry, name) is not None:
                yield locate(entry, field_name=name, **say("BUR-F010", isian=name, untuk="apbdes", tahap=entry.tahap))
    if entry.tahap == "batal":
        if not (entry.alasan or "").strip():
            yield locate(entry, field_name="tahap", value=entry.tahap, **say("BUR-F009"))
    elif entry.alasan is not None:
        yield locate(entry, field_name="alasan", **say("BUR-F010", isian="alasan", untuk="batal", tahap=entry.tahap))
    for provider in entry.p2ktd:
        if provider not in event.p2ktd_by_id:
            yield locate(entry, field_name="p2ktd", value=provider, **say("BUR-F008", p2ktd=provider))


def _order(entry: TindakLanjut, previous: TindakLanjut) -> Iterable[Problem]:
    where = {"tahap_lalu": previous.tahap, "berkas": previous._file, "baris": previous._line}
    if TAHAP_RANK[entry.tahap] < TAHAP_RANK[previous.tahap]:
        if not (entry.keterangan or "").strip():
            yield locate(entry, field_name="tahap", value=entry.tahap, **say("BUR-F004", tahap=entry.tahap, **where))
    elif entry.tanggal < previous.tanggal:
        yield locate(entry, field_name="tanggal", value=str(entry.tanggal),
                     **say("BUR-F003", tanggal=tanggal_text(entry.tanggal),
                           tanggal_lalu=tanggal_text(previous.tanggal), **where))


def _already_running(event: Event) -> Iterable[Problem]:
    for kode, card in event.komitmen_berlaku.items():
        desa = event.desa_by_kode.get(kode)
        if desa is None or not desa.inovasi_berjalan:
            continue
        for inovasi in card.inovasi:
            if inovasi in desa.inovasi_berjalan:
                item = event.inovasi_by_id.get(inovasi)
                yield locate(card, field_name="inovasi", value=inovasi,
                             **say("BUR-F015", desa=desa.nama, inovasi=inovasi, judul=item.judul if item else "-"))
