"""Jendela 3: a village's Kartu Komitmen (its chosen innovations, APBDes year and signatures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from pydantic import Field

from ...codes import say
from ...errors import Refused, Repeat
from ...indo import hari_tanggal
from ...schema.models import Inovasi, Komitmen
from ...schema.types import days_from
from ..actions import YEAR, check_name, check_resent, entry_of, known_desa, menu_inovasi, record_entry
from ..refusals import rehearsed
from ..state import Day, Seen
from .base import Desk, Masuk, Reply, Round, Step, View, inovasi_json


class KomitmenMasuk(Masuk):
    desa: str = Field(min_length=1, max_length=80)
    inovasi: list[str] = Field(min_length=1, max_length=20)
    tahun_apbdes: Optional[int] = None
    ttd_kepala_desa: bool
    ttd_ketua_bpd: bool
    alasan: dict[str, str] = Field(default_factory=dict)
    ulang: bool = False


@dataclass
class Stamped:
    inovasi: Inovasi
    count: int  # stamps by participants of the village


@dataclass
class Committed:
    desa: str
    inovasi: list[Inovasi]
    tahun_apbdes: int
    file: str
    unsigned: list[str] = field(default_factory=list)  # "Kepala Desa", "Ketua BPD"
    unstamped: dict[str, str] = field(default_factory=dict)  # id -> reason
    replaced: Seen | None = None


def stamped_for_desa(day: Day, desa: str) -> list[Stamped]:
    """Menu innovations stamped for any participant of the village, most stamps first."""
    day.refresh(("registrasi", "stempel"))
    counts: dict[str, int] = {}
    for (peserta_id, inovasi_id) in day.stamps:
        peserta = day.peserta(peserta_id)
        if peserta is not None and peserta.desa == desa:
            counts[inovasi_id] = counts.get(inovasi_id, 0) + 1
    found = [Stamped(day.menu[i], n) for i, n in counts.items() if i in day.menu]
    return sorted(found, key=lambda s: (-s.count, s.inovasi.id))


def off_day_for_desa(day: Day, desa: str) -> str:
    """At Jendela 3 on the day: how many of the village's stamps in `log/` are dated outside the
    event day (data gladi?), as a warning to show; empty when there are none, and in a rehearsal."""
    if day.gladi:
        return ""
    zona, tanggal = day.acara.zona_waktu, day.acara.tanggal
    count = 0
    for (peserta_id, _inovasi), seen in day.stamps.items():
        peserta = day.peserta(peserta_id)
        if peserta is None or peserta.desa != desa:
            continue
        try:
            when = datetime.fromisoformat(seen.waktu)
        except ValueError:
            continue
        count += days_from(when, tanggal, zona) != 0
    if not count:
        return ""
    said = say("BUR-G004", jumlah=count, hari=hari_tanggal(tanggal), nasib="ikut terhitung sebagai stempel desa ini")
    return f"{said['message']} ({said['code']})"


def year_bounds() -> tuple[int, int]:
    """The APBDes years a Kartu Komitmen accepts, as the model states them."""
    limits = {type(m).__name__: m for m in Komitmen.model_fields["tahun_apbdes"].metadata}
    return limits["Ge"].ge, limits["Le"].le


def read_year(text: str | None, default: int) -> int:
    """The APBDes year typed at Jendela 3: empty means `default`, else a 4-digit year in range."""
    text = (text or "").strip()
    if not text:
        return default
    low, high = year_bounds()
    if not YEAR.match(text):
        raise Refused.coded("BUR-M017", tahun=text, contoh=default)
    if not low <= int(text) <= high:
        raise Refused.coded("BUR-M018", tahun=text, awal=low, akhir=high)
    return int(text)


@rehearsed("komitmen")
def record_commitment(day: Day, perangkat: str, desa: str, inovasi: list[str],
                      tahun_apbdes: int | None, ttd_kepala_desa: bool, ttd_ketua_bpd: bool,
                      alasan: dict[str, str] | None = None, ulang: bool = False,
                      id_entri: str | None = None) -> Committed:
    """Record a village's Kartu Komitmen; an unstamped innovation needs a reason.

    A card without both signatures is recorded (the paper exists and must
    not be lost) and reported back in `unsigned`; `bursa validasi` flags it.
    """
    check_name(perangkat, "--perangkat")
    day.refresh(("komitmen",))
    kode = known_desa(day, desa)
    chosen: list[Inovasi] = []
    for inovasi_id in inovasi:
        found = menu_inovasi(day, inovasi_id)
        if found not in chosen:
            chosen.append(found)
    if not chosen:
        raise Refused.coded("BUR-M019")
    tahun = int(tahun_apbdes or day.acara.tahun_apbdes)
    low, high = year_bounds()
    if not low <= tahun <= high:
        raise Refused.coded("BUR-M018", tahun=tahun, awal=low, akhir=high)
    stamped = {s.inovasi.id for s in stamped_for_desa(day, kode)}
    reasons = {k.strip().upper(): v.strip() for k, v in (alasan or {}).items() if v and v.strip()}
    unstamped: dict[str, str] = {}
    for item in chosen:
        if item.id in stamped:
            continue
        reason = reasons.get(item.id.upper())
        if not reason:
            raise Refused.coded("BUR-M020", inovasi=item.id, judul=item.judul, desa=day.desa_label(kode))
        unstamped[item.id] = reason
    replaced: list[Seen | None] = [None]

    def decide() -> dict[str, Any]:
        check_resent(day, "komitmen", id_entri, desa=kode)
        earlier = replaced[0] = day.commitments.get(kode)
        if earlier is not None and not ulang:
            raise Repeat.coded("BUR-M021", earlier=earlier, desa=day.desa_label(kode), jam=earlier.jam,
                              berkas=earlier.file, baris=earlier.line)
        entry = entry_of(day, id_entri, petugas=perangkat, desa=kode, inovasi=[i.id for i in chosen],
                       tahun_apbdes=tahun, ttd_kepala_desa=bool(ttd_kepala_desa),
                       ttd_ketua_bpd=bool(ttd_ketua_bpd), alasan=unstamped or None)
        Komitmen.model_validate(entry)  # the entry must load back exactly as written
        return entry

    file = record_entry(day, "komitmen", perangkat, decide)
    earlier = replaced[0]
    unsigned = [who for who, ok in (("Kepala Desa", ttd_kepala_desa), ("Ketua BPD", ttd_ketua_bpd)) if not ok]
    return Committed(kode, chosen, tahun, file, unsigned, unstamped, earlier)


def _committed(day: Day, result: Committed, view: View) -> Reply:
    from ...certify.codes import key_state

    label = day.desa_label(result.desa)
    data: dict[str, Any] = {"desa": result.desa, "label": label, "inovasi": [inovasi_json(i) for i in result.inovasi],
                            "tahun_apbdes": result.tahun_apbdes, "alasan": result.unstamped,
                            "belum_ditandatangani": result.unsigned}
    if result.replaced is not None:
        data["menggantikan"] = result.replaced.jam
    pesan = f"Kartu Komitmen {label} tercatat, APBDes {result.tahun_apbdes}."
    if result.unsigned:
        pesan += f" Belum ditandatangani {' dan '.join(result.unsigned)}: sertifikat belum dapat dicetak."
    elif key_state(day.root) != "ada":  # offered only when it can be made; the card itself is recorded
        pesan += " " + say("BUR-W026")["message"]
    else:
        data["sertifikat"] = f"/api/v1/sertifikat/{result.desa}.pdf"
    return Reply("tercatat", pesan, result.file, data=data)


def _commit(day: Day, name: str, asked: KomitmenMasuk) -> Committed:
    kode = known_desa(day, asked.desa)
    return record_commitment(day, name, kode, asked.inovasi, asked.tahun_apbdes, asked.ttd_kepala_desa,
                             asked.ttd_ketua_bpd, asked.alasan, asked.ulang, id_entri=asked.id_entri)


def _menu(day: Day, name: str) -> dict[str, list[dict[str, Any]]]:
    return {"inovasi": [inovasi_json(i) for i in day.menu.values()]}


def _stamped_here(round: Round) -> list[dict[str, Any]]:
    """What Jendela 3 offers: the village's stamped innovations, most stamps first."""
    return (round.desa or {}).get("stempel") or []


def _without_stamp(round: Round) -> list[str]:
    """The chosen menu innovations never stamped for the village: each needs a reason."""
    stamped = {item["id"] for item in _stamped_here(round)}
    menu = {item["id"].upper(): item["id"] for item in round.about.get("inovasi") or []}
    return [menu[item.upper()] for item in round.values.get("inovasi") or []
            if item.upper() in menu and menu[item.upper()] not in stamped]


DESK = Desk(
    peran="komitmen", path="komitmen", kind="komitmen", title="Kartu Komitmen", model=KomitmenMasuk,
    record=_commit, answer=_committed,
    intro="Untuk setiap kartu: desa (kode, nama, atau pindai Kartu ID Kepala Desa), inovasi pilihan, "
          "tahun APBDes dan tanda tangan.",
    steps=(Step("desa", "Desa / id peserta:", "desa", look=True),
           Step("inovasi", "Inovasi pilihan (nomor dari daftar atau id, pisahkan dengan koma):", "pilih_banyak",
                offer=_stamped_here),
           Step("alasan", "{item} tidak pernah distempel untuk desa ini. Alasan memilihnya:", "alasan",
                each=_without_stamp),
           Step("tahun_apbdes", "Tahun APBDes:", "angka", default="tahun_apbdes",
                read=lambda text, round: read_year(text, round.about.get("tahun_apbdes") or 0)),
           Step("ttd_kepala_desa", "Ditandatangani Kepala Desa?", "ya_tidak"),
           Step("ttd_ketua_bpd", "Ditandatangani Ketua BPD?", "ya_tidak")),
    again="Ganti dengan kartu ini?",
    sources=_menu,
)
