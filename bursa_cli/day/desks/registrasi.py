"""The registration desk: a participant arrives (`registrasi`), or someone not invited (`registrasi/baru`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from pydantic import Field, ValidationError

from ...errors import Refused
from ...schema.event import translate
from ...schema.models import PERAN_DESA, PERAN_LABEL, Peserta, PesertaBaru
from ...schema.types import SPARE_CARD
from ..actions import check_name, check_resent, entry_of, known_peserta, normal_phone, record_entry
from ..refusals import rehearsed
from ..seat import seat_of
from ..state import Day, Seen
from .base import Desk, Masuk, Reply, Step, View


class RegistrasiMasuk(Masuk):
    peserta: str = Field(min_length=1, max_length=80)


class PesertaBaruMasuk(Masuk):
    nama: str = Field(min_length=1, max_length=200)
    peran: str = Field(min_length=1, max_length=40)
    desa: Optional[str] = Field(None, max_length=40)
    instansi: Optional[str] = Field(None, max_length=200)
    telepon: Optional[str] = Field(None, max_length=40)
    kartu: Optional[str] = Field(None, max_length=40, description="Nomor Kartu ID cadangan, TAMU-001 dst.")


@dataclass
class CheckIn:
    peserta: Peserta
    seat: str
    kit: list[str]
    file: str = ""
    earlier: Seen | None = None  # set when the participant had already checked in
    walk_in: bool = False


@rehearsed("registrasi")
def check_in(day: Day, perangkat: str, peserta_id: str, id_entri: str | None = None) -> CheckIn:
    """Record that a participant arrived; a second check-in is reported, not written."""
    check_name(perangkat, "--perangkat")
    day.refresh(("registrasi",))
    peserta = known_peserta(day, peserta_id)
    seat = seat_of(day.event, peserta.id)

    def decide() -> dict[str, Any] | None:
        check_resent(day, "registrasi", id_entri, peserta=peserta.id)
        if peserta.id in day.checked_in:
            return None
        return entry_of(day, id_entri, petugas=perangkat, peserta=peserta.id)

    shown = record_entry(day, "registrasi", perangkat, decide)
    if shown is None:
        earlier = day.checked_in[peserta.id]
        return CheckIn(peserta, seat, [], earlier.file, earlier)
    return CheckIn(peserta, seat, list(day.acara.bursa_kit), shown)


@rehearsed("registrasi")
def add_walk_in(day: Day, perangkat: str, nama: str, peran: str, desa: str | None = None,
                instansi: str | None = None, telepon: str | None = None, kartu: str | None = None,
                id_entri: str | None = None) -> CheckIn:
    """Register someone not on the list: under the number of the spare Kartu ID they
    were handed (`kartu`, TAMU-NNN), or else under a fresh id W-<perangkat>-NNN."""
    check_name(perangkat, "--perangkat")
    if kartu is not None:
        kartu = kartu.strip().upper()
        if not SPARE_CARD.match(kartu):
            raise Refused.coded("BUR-M025", kartu=kartu)
    if not (nama or "").strip():
        raise Refused.coded("BUR-M024")
    data = {"nama": nama.strip(), "peran": peran.strip(), "desa": (desa or "").strip() or None,
            "instansi": (instansi or "").strip() or None, "telepon": normal_phone(telepon)}
    data = {k: v for k, v in data.items() if v is not None}
    try:
        new = PesertaBaru.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise Refused.coded("BUR-M026", isian=where, sebab=translate(err, PesertaBaru, err["loc"])) from None
    if new.peran in PERAN_DESA and not new.desa:
        raise Refused.coded("BUR-M027", peran=new.peran)
    if new.desa and new.desa not in day.desa:
        raise Refused.coded("BUR-M016", desa=new.desa)
    chosen: list[str] = []
    day.refresh(("registrasi",))

    def decide() -> dict[str, Any]:
        # The id is chosen and written under the kind's lock: two desks never share it.
        check_resent(day, "registrasi", id_entri, **({"peserta": kartu} if kartu else {}))
        if kartu is not None:
            _check_spare_card_unused(day, kartu)
        chosen[:] = [kartu or _next_walk_in_id(day, perangkat)]
        return entry_of(day, id_entri, petugas=perangkat, peserta=chosen[0],
                      tanpa_undangan=new.model_dump(exclude_none=True))

    shown = record_entry(day, "registrasi", perangkat, decide)
    day.refresh(("registrasi",))
    new_id = chosen[0]
    peserta = day.walk_ins[new_id]
    return CheckIn(peserta, seat_of(day.event, new_id), list(day.acara.bursa_kit), shown, walk_in=True)


def _check_spare_card_unused(day: Day, kartu: str) -> None:
    if kartu in day.listed:
        raise Refused.coded("BUR-M028", kartu=kartu)
    earlier = day.checked_in.get(kartu)
    if earlier is not None:
        owner = day.walk_ins.get(kartu)
        raise Refused.coded("BUR-M029", kartu=kartu, oleh=f" oleh {owner.nama}" if owner else "",
                            berkas=earlier.file, baris=earlier.line)


def _next_walk_in_id(day: Day, perangkat: str) -> str:
    prefix = f"W-{perangkat}-"
    used = [int(key[len(prefix):]) for key in day.checked_in
            if key.startswith(prefix) and key[len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:03d}"


def _arrived(day: Day, result: CheckIn, view: View) -> Reply:
    data = {"peserta": view(result.peserta), "kursi": result.seat, "bursa_kit": result.kit}
    if result.earlier is not None:
        return Reply("sudah_hadir", f"{result.peserta.nama} sudah registrasi pukul {result.earlier.jam} di "
                     f"{result.earlier.by}.", result.earlier.file, result.earlier.line, data)
    return Reply("tercatat", f"{result.peserta.nama} ({result.peserta.id}) tercatat hadir.", result.file, data=data)


def _added(day: Day, result: CheckIn, view: View) -> Reply:
    return Reply("tercatat", f"{result.peserta.nama} tercatat sebagai {result.peserta.id}.", result.file,
                 data={"peserta": view(result.peserta), "kursi": result.seat, "bursa_kit": result.kit})


def _roles(day: Day, name: str) -> dict[str, list[dict[str, Any]]]:
    return {"peran_peserta": [{"id": key, "label": label} for key, label in PERAN_LABEL.items()]}


DESK = Desk(
    peran="registrasi", path="registrasi", kind="registrasi", title="Registrasi", model=RegistrasiMasuk,
    record=lambda day, name, asked: check_in(day, name, asked.peserta, id_entri=asked.id_entri),
    answer=_arrived,
    intro="Pindai Kartu ID atau ketik id peserta; ketik nama/desa untuk mencari; pindai Kartu ID cadangan "
          "atau ketik +baru untuk peserta tanpa undangan.",
    steps=(Step("peserta", "Id / nama / desa:", "pindai", cari=True, baru="registrasi/baru"),),
)

WALK_IN = Desk(
    peran="registrasi", path="registrasi/baru", kind="registrasi", title="Peserta tanpa undangan",
    model=PesertaBaruMasuk,
    record=lambda day, name, asked: add_walk_in(day, name, asked.nama, asked.peran, desa=asked.desa,
                                                instansi=asked.instansi, telepon=asked.telepon,
                                                kartu=asked.kartu, id_entri=asked.id_entri),
    answer=_added,
    intro="Peserta tanpa undangan (kosongkan nama untuk batal).",
    steps=(Step("nama", "Nama lengkap:"), Step("peran", "Peran (nomor):", "pilih", "peran_peserta"),
           Step("desa", "Desa (kode atau nama):", "desa", when=lambda values: values.get("peran") in PERAN_DESA),
           Step("instansi", "Instansi (boleh kosong):", optional=True,
                when=lambda values: values.get("peran") not in PERAN_DESA),
           Step("telepon", "Nomor HP (boleh kosong):", optional=True, read=lambda text, round: normal_phone(text))),
    sources=_roles,
)
