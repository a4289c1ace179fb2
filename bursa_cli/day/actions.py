"""Recording the day: check-in, stamps, ratings, Kartu Ide and Kartu Komitmen.

Each function checks its input against the event, writes one durable log
entry through `logwrite` and returns what the desk should show. A refusal
(unknown id, innovation not served at the desk) raises `Refused`; a repeat
of an earlier entry raises `Repeat` unless `ulang=True`, so the caller can
ask the officer first. Nothing here prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from pydantic import ValidationError

from datetime import datetime

from ..codes import say
from ..indo import hari_tanggal
from ..errors import BursaError, ExitCode, UsageError
from ..schema.event import translate
from ..schema.models import PERAN_DESA, Inovasi, Komitmen, Peserta, PesertaBaru
from ..schema.types import BIDANG_LABEL, SPARE_CARD, days_from
from .latihan import is_practice
from .refusals import rehearsed
from .logwrite import append_entry, header_for, holds_kind_lock, kind_locked, log_path
from .seat import seat_of
from .state import Day, Seen

ID_LIKE = re.compile(r"^[A-Za-z]{1,4}-[A-Za-z0-9-]*\d$")
YEAR = re.compile(r"^\d{4}$")
NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
ID_ENTRI = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # as IdEntri in schema.types


class Refused(UsageError):
    """An entry the desk must not record; the loop says why and carries on.

    `code`, when known, is the refusal's problem code (`bursa_cli.codes`)."""

    exit_code = ExitCode.DATA

    def __init__(self, message: str, *args, code: str = "", level: str = "", **kwargs):
        super().__init__(message, *args, **kwargs)
        self.code = code


class Duplicate(BursaError):
    """An entry sent again under the same `id_entri`: it was recorded before and is not written twice."""

    exit_code = ExitCode.OK

    def __init__(self, earlier: Seen):
        super().__init__(f"Sudah tercatat ({earlier.file} baris {earlier.line}, pukul {earlier.jam}).")
        self.earlier = earlier


class Repeat(BursaError):
    """The same entry was recorded before; recording it again needs `ulang=True`."""

    def __init__(self, message: str, earlier: Seen):
        super().__init__(message, hint="Tambahkan --ulang bila memang perlu dicatat lagi.")
        self.earlier = earlier


# --------------------------------------------------------------------------- registrasi


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
        _check_resent(day, "registrasi", id_entri, peserta=peserta.id)
        if peserta.id in day.checked_in:
            return None
        return _entry(day, id_entri, petugas=perangkat, peserta=peserta.id)

    shown = _record(day, "registrasi", perangkat, decide)
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
            raise Refused(f"'{kartu}' bukan nomor Kartu ID cadangan (TAMU-001 dst.).")
    if not (nama or "").strip():
        raise Refused("Nama peserta baru wajib diisi.")
    data = {"nama": nama.strip(), "peran": peran.strip(), "desa": (desa or "").strip() or None,
            "instansi": (instansi or "").strip() or None, "telepon": normal_phone(telepon)}
    data = {k: v for k, v in data.items() if v is not None}
    try:
        new = PesertaBaru.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise Refused(f"Data peserta baru tidak sah ({where}): {translate(err, PesertaBaru, err['loc'])}") from None
    if new.peran in PERAN_DESA and not new.desa:
        raise Refused(f"Peserta dengan peran {new.peran} wajib menyebut desanya.")
    if new.desa and new.desa not in day.desa:
        raise Refused(f"Desa {new.desa} tidak ada di desa.yaml.")
    chosen: list[str] = []
    day.refresh(("registrasi",))

    def decide() -> dict[str, Any]:
        # The id is chosen and written under the kind's lock: two desks never share it.
        _check_resent(day, "registrasi", id_entri, **({"peserta": kartu} if kartu else {}))
        if kartu is not None:
            _check_spare_card_unused(day, kartu)
        chosen[:] = [kartu or _next_walk_in_id(day, perangkat)]
        return _entry(day, id_entri, petugas=perangkat, peserta=chosen[0],
                      tanpa_undangan=new.model_dump(exclude_none=True))

    shown = _record(day, "registrasi", perangkat, decide)
    day.refresh(("registrasi",))
    new_id = chosen[0]
    peserta = day.walk_ins[new_id]
    return CheckIn(peserta, seat_of(day.event, new_id), list(day.acara.bursa_kit), shown, walk_in=True)


def _check_spare_card_unused(day: Day, kartu: str) -> None:
    if kartu in day.listed:
        raise Refused(f"{kartu} adalah id peserta di peserta.yaml, bukan Kartu ID cadangan.")
    earlier = day.checked_in.get(kartu)
    if earlier is not None:
        owner = day.walk_ins.get(kartu)
        raise Refused(f"Kartu ID cadangan {kartu} sudah dipakai{f' oleh {owner.nama}' if owner else ''} "
                      f"({earlier.file} baris {earlier.line}). Berikan kartu cadangan lain.")


def _next_walk_in_id(day: Day, perangkat: str) -> str:
    prefix = f"W-{perangkat}-"
    used = [int(key[len(prefix):]) for key in day.checked_in
            if key.startswith(prefix) and key[len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:03d}"


def search_peserta(day: Day, text: str, limit: int = 20) -> list[Peserta]:
    """Participants whose name, village or kecamatan contains every word of `text`."""
    words = text.lower().split()
    if not words:
        return []
    by_name, by_place = [], []
    for peserta in day.all_peserta():
        name = f"{peserta.id} {peserta.nama}".lower()
        if all(word in name for word in words):
            by_name.append(peserta)
            continue
        haystack = " ".join([name, day.desa_label(peserta.desa), peserta.instansi or ""]).lower()
        if all(word in haystack for word in words):
            by_place.append(peserta)
    return (by_name + by_place)[:limit]  # a name match first: "bulu" is a person before a kecamatan


def search_desa(day: Day, text: str, limit: int = 20) -> list[str]:
    """Village codes whose code, name or kecamatan contains every word of `text`."""
    words = text.lower().split()
    text = text.strip()
    if text in day.desa:
        return [text]
    return [kode for kode in day.desa
            if all(word in f"{kode} {day.desa_label(kode)}".lower() for word in words)][:limit]


# --------------------------------------------------------------------------- stempel, nilai, ide


@dataclass
class Recorded:
    """One entry written (a stamp, a rating or an idea) and where."""

    file: str
    entry: dict[str, Any]
    peserta: Peserta | None = None
    inovasi: Inovasi | None = None


def desk_inovasi(day: Day, meja: str) -> list[Inovasi]:
    """The menu innovations a consultation desk serves (their `meja` in inovasi.yaml)."""
    desks = day.event.meja_ruang
    if meja not in desks:
        known = ", ".join(sorted(desks)) or "(belum ada meja di acara.yaml)"
        raise UsageError(f"Meja '{meja}' tidak ada di acara.yaml (tempat.ruang[].meja).",
                         hint=f"Meja yang dikenal: {known}.")
    served = [i for i in day.menu.values() if i.meja == meja]
    if not served:
        raise UsageError(f"Meja {meja} belum memegang inovasi apa pun.",
                         hint=f"Isi `meja: {meja}` pada inovasi yang dikonsultasikan di meja ini (inovasi.yaml).")
    return served


@rehearsed("stempel")
def stamp(day: Day, meja: str, peserta_id: str, inovasi_id: str | None = None,
          konsultan: str | None = None, ulang: bool = False, id_entri: str | None = None) -> Recorded:
    """Stamp a participant's Kartu Komitmen for an innovation served at `meja`."""
    served = desk_inovasi(day, meja)
    check_konsultan(day, konsultan, meja)
    day.refresh(("registrasi", "stempel"))
    peserta = known_peserta(day, peserta_id)
    inovasi = _served(served, meja, inovasi_id)

    def decide() -> dict[str, Any]:
        _check_resent(day, "stempel", id_entri, peserta=peserta.id, inovasi=inovasi.id)
        earlier = day.stamps.get((peserta.id, inovasi.id))
        if earlier is not None and not ulang:
            raise Repeat(f"{peserta.nama} ({peserta.id}) sudah mendapat stempel {inovasi.id} "
                         f"pukul {earlier.jam} di meja {earlier.by}.", earlier)
        return _entry(day, id_entri, peserta=peserta.id, inovasi=inovasi.id, meja=meja, konsultan=konsultan)

    entries: list[dict[str, Any]] = []
    file = _record(day, "stempel", meja, decide, entries)
    return Recorded(file, entries[0], peserta, inovasi)


def check_konsultan(day: Day, konsultan: str | None, meja: str | None = None) -> None:
    """Refuse a consultant id not in panitia.yaml, or one panitia.yaml puts at another desk
    than `meja`; desks call it before their loop starts."""
    if not konsultan:
        return
    anggota = day.event.panitia_by_id.get(konsultan)
    if anggota is None:
        raise UsageError(f"Konsultan '{konsultan}' tidak ada di panitia.yaml.",
                         hint="Pakai id anggota TIK dari panitia.yaml, mis. --konsultan TIK-01.")
    if meja is None:
        return
    guards = [a for a in day.event.panitia if a.meja == meja]
    if (anggota.meja and anggota.meja != meja) or (guards and anggota not in guards):
        where = f"bertugas di meja {anggota.meja}" if anggota.meja else "tidak tercatat menjaga meja mana pun"
        names = ", ".join(f"{a.id} {a.nama}" for a in guards)
        raise UsageError(f"Konsultan {konsultan} ({anggota.nama}) {where} menurut panitia.yaml "
                         f"(baris {anggota._line}), jadi tidak memberi stempel di meja {meja}.",
                         hint=f"Meja {meja} dijaga {names}." if guards else
                         f"Ubah `meja:` {konsultan} di panitia.yaml bila tugasnya memang dipindah.")


def normal_phone(telepon: str | None) -> str | None:
    """A phone typed at the desk, written the way `bursa impor` writes it (081234567001)."""
    from ..impor.values import BadValue, phone

    if not (telepon or "").strip():
        return None
    try:
        return phone(telepon)
    except BadValue as error:
        raise Refused(f"Nomor HP tidak sah: {error}.") from None


def _served(served: list[Inovasi], meja: str, inovasi_id: str | None) -> Inovasi:
    if not inovasi_id:
        if len(served) == 1:
            return served[0]
        raise Refused(f"Meja {meja} memegang {len(served)} inovasi; sebutkan inovasinya.")
    wanted = inovasi_id.strip().upper()
    for inovasi in served:
        if inovasi.id.upper() == wanted:
            return inovasi
    ids = ", ".join(i.id for i in served)
    raise Refused(f"Inovasi '{inovasi_id.strip()}' tidak dilayani di meja {meja}. "
                  f"Meja ini melayani: {ids}.", code="BUR-H005")


@rehearsed("nilai")
def rate(day: Day, perangkat: str, peserta_id: str, inovasi_id: str, nilai: int | str,
         catatan: str | None = None, ulang: bool = False, id_entri: str | None = None) -> Recorded:
    """Record a participant's rating (1 to 5) of a menu innovation."""
    check_name(perangkat, "--perangkat")
    try:
        score = int(str(nilai).strip())
    except ValueError:
        score = 0
    if not 1 <= score <= 5:
        raise Refused(f"Nilai '{nilai}' tidak sah: harus angka 1 sampai 5.")
    day.refresh(("registrasi", "penilaian"))
    peserta = known_peserta(day, peserta_id)
    inovasi = _menu_inovasi(day, inovasi_id)

    def decide() -> dict[str, Any]:
        _check_resent(day, "penilaian", id_entri, peserta=peserta.id, inovasi=inovasi.id)
        earlier = day.ratings.get((peserta.id, inovasi.id))
        if earlier is not None and not ulang:
            raise Repeat(f"{peserta.nama} ({peserta.id}) sudah menilai {inovasi.id} pukul {earlier.jam}.", earlier)
        return _entry(day, id_entri, petugas=perangkat, peserta=peserta.id, inovasi=inovasi.id, nilai=score,
                      catatan=(catatan or "").strip() or None)

    entries: list[dict[str, Any]] = []
    file = _record(day, "penilaian", perangkat, decide, entries)
    return Recorded(file, entries[0], peserta, inovasi)


@rehearsed("ide")
def record_idea(day: Day, perangkat: str, judul: str, uraian: str | None = None,
                bidang: str | None = None, peserta_id: str | None = None,
                desa: str | None = None, id_entri: str | None = None) -> Recorded:
    """Record a Kartu Ide; the village defaults to the participant's own."""
    check_name(perangkat, "--perangkat")
    if not judul or not judul.strip():
        raise Refused("Kartu Ide tanpa nama inovasi tidak dapat dicatat.")
    day.refresh(("registrasi", "ide"))
    peserta = known_peserta(day, peserta_id) if peserta_id and peserta_id.strip() else None
    bidang = (bidang or "").strip().lower() or None
    if bidang and bidang not in BIDANG_LABEL:
        raise Refused(f"Bidang '{bidang}' tidak dikenal; pilih {', '.join(BIDANG_LABEL)}.")
    desa = (desa or "").strip() or (peserta.desa if peserta else None)
    if desa and desa not in day.desa:
        raise Refused(f"Desa {desa} tidak ada di desa.yaml.")

    def decide() -> dict[str, Any]:
        _check_resent(day, "ide", id_entri, judul=judul.strip())
        return _entry(day, id_entri, petugas=perangkat, judul=judul.strip(), uraian=(uraian or "").strip() or None,
                      bidang=bidang, peserta=peserta.id if peserta else None, desa=desa)

    entries: list[dict[str, Any]] = []
    file = _record(day, "ide", perangkat, decide, entries)
    return Recorded(file, entries[0], peserta)


# --------------------------------------------------------------------------- komitmen


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
        raise Refused(f"Tahun APBDes '{text}' tidak sah: tulis empat angka, mis. {default}.")
    if not low <= int(text) <= high:
        raise Refused(f"Tahun APBDes {text} tidak sah: harus antara {low} dan {high}.")
    return int(text)


def known_desa(day: Day, desa: str) -> str:
    kode = desa.strip()
    if kode not in day.desa:
        raise Refused(f"Desa '{kode}' tidak ada di desa.yaml.")
    return kode


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
        found = _menu_inovasi(day, inovasi_id)
        if found not in chosen:
            chosen.append(found)
    if not chosen:
        raise Refused("Kartu Komitmen harus memuat paling sedikit satu inovasi.")
    tahun = int(tahun_apbdes or day.acara.tahun_apbdes)
    low, high = year_bounds()
    if not low <= tahun <= high:
        raise Refused(f"Tahun APBDes {tahun} tidak sah: harus antara {low} dan {high}.")
    stamped = {s.inovasi.id for s in stamped_for_desa(day, kode)}
    reasons = {k.strip().upper(): v.strip() for k, v in (alasan or {}).items() if v and v.strip()}
    unstamped: dict[str, str] = {}
    for item in chosen:
        if item.id in stamped:
            continue
        reason = reasons.get(item.id.upper())
        if not reason:
            raise Refused(f"{item.id} ({item.judul}) tidak pernah distempel untuk {day.desa_label(kode)}; "
                          "inovasi tanpa stempel hanya diterima dengan alasan.")
        unstamped[item.id] = reason
    replaced: list[Seen | None] = [None]

    def decide() -> dict[str, Any]:
        _check_resent(day, "komitmen", id_entri, desa=kode)
        earlier = replaced[0] = day.commitments.get(kode)
        if earlier is not None and not ulang:
            raise Repeat(f"Kartu Komitmen {day.desa_label(kode)} sudah dicatat pukul {earlier.jam} "
                         f"({earlier.file} baris {earlier.line}); kartu ini belum dicatat.", earlier)
        entry = _entry(day, id_entri, petugas=perangkat, desa=kode, inovasi=[i.id for i in chosen],
                       tahun_apbdes=tahun, ttd_kepala_desa=bool(ttd_kepala_desa),
                       ttd_ketua_bpd=bool(ttd_ketua_bpd), alasan=unstamped or None)
        Komitmen.model_validate(entry)  # the entry must load back exactly as written
        return entry

    file = _record(day, "komitmen", perangkat, decide)
    earlier = replaced[0]
    unsigned = [who for who, ok in (("Kepala Desa", ttd_kepala_desa), ("Ketua BPD", ttd_ketua_bpd)) if not ok]
    return Committed(kode, chosen, tahun, file, unsigned, unstamped, earlier)


# --------------------------------------------------------------------------- shared


def known_peserta(day: Day, peserta_id: str) -> Peserta:
    """The listed participant or walk-in with this id; refused, with the reason, when there is none."""
    peserta = day.peserta(peserta_id or "")
    if peserta is None and is_practice(peserta_id) and not day.gladi:  # a rehearsal's card on the day
        raise Refused(**say("BUR-G003", peserta=peserta_id.strip().upper()))
    if peserta is None and SPARE_CARD.match((peserta_id or "").strip().upper()):
        raise Refused(f"Kartu ID cadangan {peserta_id.strip().upper()} belum didaftarkan. Minta pemegangnya "
                      "ke meja registrasi dulu, yang mencatat nama dan desanya.")
    if peserta is None:
        raise Refused(f"Id peserta '{(peserta_id or '').strip()}' tidak dikenal "
                      "(tidak ada di peserta.yaml maupun di log registrasi).", code="BUR-H002")
    return peserta


def _menu_inovasi(day: Day, inovasi_id: str) -> Inovasi:
    found = day.inovasi(inovasi_id or "")
    if found is None:
        if (inovasi_id or "").strip() in day.event.inovasi_by_id:
            raise Refused(f"Inovasi '{inovasi_id.strip()}' tidak termasuk menu (dicoret atau belum disortir).")
        raise Refused(f"Inovasi '{(inovasi_id or '').strip()}' tidak ada di inovasi.yaml.", code="BUR-H004")
    return found


def check_name(name: str, option: str = "--perangkat") -> None:
    """Refuse a device name that cannot name a log file; desks call it before their loop starts."""
    if not name or not NAME_OK.match(name):
        raise UsageError(f"{option} '{name}' tidak sah: pakai huruf, angka dan tanda hubung saja, mis. REG-1.")


def _entry(day: Day, id_entri: str | None, **fields: Any) -> dict[str, Any]:
    """A log entry: the time first, then the fields that have a value, the client's id last."""
    entry: dict[str, Any] = {"waktu": day.now()}
    entry.update((key, value) for key, value in fields.items() if value is not None)
    if id_entri:
        entry["id_entri"] = id_entri
    return entry


def _record(day: Day, kind: str, name: str, decide: Callable[[], dict[str, Any] | None],
            written: list[dict[str, Any]] | None = None) -> str | None:
    """Check, then check again and append under the lock of the whole kind.

    Why twice: the first check refuses without touching the disk; the second,
    under the lock, sees what another desk wrote a moment ago, so a stamp, a
    check-in or a card is never recorded twice by two desks at once. `decide`
    returns the entry, or None when nothing is to be written; the day is refreshed
    before the second call. When this thread held the lock already (the laptop
    induk writes a batch under it), the action's own look at the logs was made
    under the lock, so the first check stands. Every action therefore looks at
    the kind it writes before it checks.
    """
    held_before = holds_kind_lock(day.base, kind)
    entry = decide()
    if entry is None:
        return None
    if held_before:
        shown = _write(day, kind, name, entry)
    else:
        with kind_locked(day.base, kind):
            day.refresh((kind,))
            entry = decide()
            if entry is None:
                return None
            shown = _write(day, kind, name, entry)
    if written is not None:
        written.append(entry)
    return shown


def _check_resent(day: Day, kind: str, id_entri: str | None, **key: Any) -> None:
    """A resend of an entry already written raises `Duplicate`; the same id on another entry is refused."""
    if id_entri is None:
        return
    if not ID_ENTRI.match(id_entri):
        raise Refused(f"id_entri '{id_entri}' tidak sah: 8 sampai 64 huruf, angka, garis bawah atau tanda hubung.")
    found = day.sent_before(id_entri)
    if found is None:
        return
    found_kind, seen, data = found
    if found_kind == kind and all(str(data.get(field)) == str(value) for field, value in key.items()):
        raise Duplicate(seen)
    raise Refused(f"id_entri {id_entri} sudah dipakai untuk entri lain ({seen.file} baris {seen.line}); "
                  "entri ini tidak dicatat.")


def _write(day: Day, kind: str, name: str, entry: dict[str, Any]) -> str:
    path = log_path(day.base, kind, name)
    day.take_written(kind, append_entry(path, entry, header_for(kind, name)))
    return _shown(day, path)


def _shown(day: Day, path) -> str:
    return path.relative_to(day.root).as_posix()
