"""Is each preparation stage ready? Judged from the data the stage must have produced.

One function per stage, registered in `STAGE_CHECKS` in the order of the ten
stages. Each yields problems placed at the data that is missing or short.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Callable, Iterable

from ..certify.codes import KEY_FILE, key_state
from ..codes import say
from ..errors import Problem
from ..schema.event import Event, locate
from ..schema.models import TAHAPAN_JUDUL, TAHAPAN_KODE, Tahap
from ..indo import tanggal


def _meeting(event: Event, kode: str, needs: tuple[str, ...]) -> Iterable[Problem]:
    """A stage that is a meeting needs its date, place and invitees (for the undangan)."""
    tahap = event.tahap_by_kode.get(kode)
    if tahap is None:
        return
    if tahap.rapat is None:
        yield locate(tahap, field_name="rapat", **say("BUR-T010"))
        return
    for group in needs:
        if group not in tahap.rapat.penerima:
            yield locate(tahap, field_name="rapat.penerima", **say("BUR-T011", kelompok=group))
    if event.acara and tahap.rapat.tanggal > event.acara.tanggal:
        yield locate(tahap, field_name="rapat.tanggal", value=tahap.rapat.tanggal.isoformat(), **say("BUR-T012"))


def ready_konsultasi_agenda(event: Event) -> Iterable[Problem]:
    acara = event.acara
    if not acara.penyelenggara.bidang_pelaksana:
        yield locate(acara, field_name="penyelenggara.bidang_pelaksana", **say("BUR-T013"))
    if not event.opd:
        yield Problem(file="opd.yaml", line=1, **say("BUR-T014"))


def ready_tempat(event: Event) -> Iterable[Problem]:
    if not any(r.jenis == "pleno" for r in event.acara.tempat.ruang):
        yield locate(event.acara, field_name="tempat.ruang", **say("BUR-T015"))


def ready_rapat_pembukaan(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "rapat-pembukaan", ("opd",))


def ready_sk(event: Event) -> Iterable[Problem]:
    for tim in ("TIK", "Panitia"):
        members = [a for a in event.panitia if a.tim == tim]
        if not members:
            yield Problem(file="panitia.yaml", line=1, **say("BUR-T016", tim=tim))
            continue
        if not any(a.kedudukan.strip().lower() == "ketua" for a in members):
            yield locate(members[0], field_name="kedudukan", **say("BUR-T017", tim=tim))
    for anggota in event.panitia:  # NIP, jabatan and the signer are requirements of the SK (requirements.py)
        if anggota.nip and not anggota.pangkat:
            yield locate(anggota, field_name="pangkat", **say("BUR-T020", nama=anggota.nama))


def ready_pembekalan(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "pembekalan", ("tik", "panitia"))


def ready_sortir(event: Event) -> Iterable[Problem]:
    if not event.inovasi:
        yield Problem(file="inovasi.yaml", line=1, **say("BUR-T022"))
    for inovasi in event.inovasi:
        if inovasi.sortir.keputusan == "belum":
            yield locate(inovasi, field_name="sortir.keputusan",
                         **say("BUR-T023", id=inovasi.id, judul=inovasi.judul))
        elif not inovasi.sortir.opd:
            yield locate(inovasi, field_name="sortir.opd", **say("BUR-T024", id=inovasi.id))
    if event.inovasi and not event.inovasi_terpilih:
        yield Problem(file="inovasi.yaml", line=1, **say("BUR-T025"))


def ready_rapat_bursa(event: Event) -> Iterable[Problem]:
    shown_at: set[str] = set()
    for inovasi in event.inovasi_terpilih:
        if not inovasi.ruang:
            yield locate(inovasi, field_name="ruang", **say("BUR-T026", id=inovasi.id, judul=inovasi.judul))
        if not inovasi.meja:
            yield locate(inovasi, field_name="meja", **say("BUR-T027", id=inovasi.id, judul=inovasi.judul))
        else:
            shown_at.add(inovasi.meja)
    staffed = {a.meja for a in event.panitia if a.tim == "TIK" and a.meja}
    for index, ruang in enumerate(event.acara.tempat.ruang):
        for slot, meja in enumerate(ruang.meja):
            where = f"tempat.ruang.{index}.meja.{slot}"
            if meja not in staffed:
                yield locate(event.acara, field_name=where, value=meja, **say("BUR-T028", meja=meja))
            if meja not in shown_at:
                yield locate(event.acara, field_name=where, value=meja, **say("BUR-T029", meja=meja))


def ready_survei_lokasi(event: Event) -> Iterable[Problem]:
    rooms = event.acara.tempat.ruang
    confirmed = sum(1 for p in event.peserta if p.konfirmasi == "ya")
    for jenis, label in (("pleno", "Jendela 1 (pleno)"), ("bursa", "Jendela 2 (bursa)"),
                         ("jendela3", "Jendela 3"), ("registrasi", "meja registrasi")):
        if not any(r.jenis == jenis for r in rooms):
            yield locate(event.acara, field_name="tempat.ruang", **say("BUR-T030", ruang=label))
    for index, ruang in enumerate(rooms):
        if ruang.jenis == "pleno" and ruang.kapasitas < confirmed:
            yield locate(event.acara, field_name=f"tempat.ruang.{index}.kapasitas", value=str(ruang.kapasitas),
                         **say("BUR-T031", ruang=ruang.nama, kapasitas=ruang.kapasitas, hadir=confirmed))
    bursa = [(i, r) for i, r in enumerate(rooms) if r.jenis == "bursa"]
    total = sum(r.kapasitas for _, r in bursa)
    if bursa and total < confirmed:
        yield locate(event.acara, field_name=f"tempat.ruang.{bursa[0][0]}.kapasitas", value=str(total),
                     **say("BUR-T032", kapasitas=total, hadir=confirmed))
    # everyone coming has a seat in the pleno: a rule of the denah and Kartu ID (requirements.py)


MATERI_LABEL = {"kartu_komitmen": "Kartu Komitmen", "kartu_id": "Kartu ID", "kartu_ide": "Kartu Ide",
                "stempel": "Stempel", "poster": "Poster"}


def ready_materi(event: Event) -> Iterable[Problem]:
    acara = event.acara
    materi = acara.materi
    attending = sum(1 for p in event.peserta if p.konfirmasi != "tidak")
    desks = sum(len(r.meja) for r in acara.tempat.ruang)
    needs = (
        ("kartu_komitmen", len(event.desa), "desa"),
        ("kartu_id", attending, "peserta"),
        ("kartu_ide", attending, "peserta"),
        ("stempel", desks, "meja konsultasi"),
        ("poster", len(event.inovasi_terpilih), "inovasi terpilih"),
    )
    for name, needed, of_what in needs:
        have = getattr(materi, name)
        if have < needed:
            yield locate(acara, field_name=f"materi.{name}", value=str(have),
                         **say("BUR-T033", materi=MATERI_LABEL[name], ada=have, perlu=needed, satuan=of_what))
    if not acara.bursa_kit:
        yield locate(acara, field_name="bursa_kit", **say("BUR-T034"))
    if not acara.susunan_acara:
        yield locate(acara, field_name="susunan_acara", **say("BUR-T035"))
    pending = [p for p in event.peserta if p.konfirmasi == "belum"]
    if pending:
        yield locate(pending[0], field_name="konfirmasi", **say("BUR-T036", jumlah=len(pending), nama=pending[0].nama))


def ready_gladi_bersih(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "gladi-bersih", ("panitia",))
    tahap = event.tahap_by_kode.get("gladi-bersih")
    if tahap and tahap.rapat and tahap.rapat.tanggal != event.acara.tanggal - timedelta(days=1):
        yield locate(tahap, field_name="rapat.tanggal", value=tahap.rapat.tanggal.isoformat(), **say("BUR-T037"))
    key = key_state(event.root)  # without it no certificate is printed, nor handed over at Jendela 3
    if key != "ada":
        yield Problem(file=KEY_FILE, **say("BUR-T090" if key == "hilang" else "BUR-T091", berkas=KEY_FILE))


STAGE_CHECKS: dict[str, Callable[[Event], Iterable[Problem]]] = {
    "konsultasi-agenda": ready_konsultasi_agenda,
    "tempat": ready_tempat,
    "rapat-pembukaan": ready_rapat_pembukaan,
    "sk": ready_sk,
    "pembekalan": ready_pembekalan,
    "sortir": ready_sortir,
    "rapat-bursa": ready_rapat_bursa,
    "survei-lokasi": ready_survei_lokasi,
    "materi": ready_materi,
    "gladi-bersih": ready_gladi_bersih,
}
assert tuple(STAGE_CHECKS) == TAHAPAN_KODE


@dataclass
class StageResult:
    """One stage: its declared status and what its data still lacks."""

    kode: str
    judul: str
    tahap: Tahap | None
    problems: list[Problem] = field(default_factory=list)
    enforced: bool = False
    blocked: bool = False  # a file it reads could not be read, so it was not judged

    @property
    def ready(self) -> bool:
        return not self.blocked and not self.problems

    @property
    def status(self) -> str:
        return self.tahap.status if self.tahap else "belum"


def check_tahapan_list(event: Event) -> list[Problem]:
    """tahapan.yaml lists the ten stages, each once, in order."""
    problems = []
    codes = [t.kode for t in event.tahapan]
    missing = [k for k in TAHAPAN_KODE if k not in codes]
    if missing and "tahapan.yaml" in event.sources:
        problems.append(Problem(file="tahapan.yaml", line=1, column=1, **say("BUR-T001", kode=", ".join(missing))))
    present = [k for k in codes if k in TAHAPAN_KODE]
    expected = [k for k in TAHAPAN_KODE if k in present]
    if present != expected:
        for tahap, want in zip(event.tahapan, expected):
            if tahap.kode != want:
                problems.append(locate(tahap, field_name="kode", value=tahap.kode, **say("BUR-T002", kode=want)))
                break
    problems.extend(_stage_dates(event))
    return problems


def _stage_dates(event: Event) -> Iterable[Problem]:
    """Stages happen in order and before the event day: a date that runs backwards is a typing slip."""
    hari = event.acara.tanggal if event.acara else None
    previous = None
    for tahap in event.tahapan:
        when = tahap.tanggal or (tahap.rapat.tanggal if tahap.rapat else None)
        if when is None:
            continue
        where = "tanggal" if tahap.tanggal else "rapat.tanggal"
        if hari is not None and when > hari:
            yield locate(tahap, field_name=where, value=when.isoformat(),
                         **say("BUR-T004", tahap=tahap.kode, tanggal=tanggal(when), hari_acara=tanggal(hari)))
        if previous is not None and when < previous[1]:
            yield locate(tahap, field_name=where, value=when.isoformat(),
                         **say("BUR-T003", tahap=tahap.kode, tanggal=tanggal(when), sebelumnya=previous[0],
                               tanggal_sebelumnya=tanggal(previous[1])))
        previous = (tahap.kode, when)


def stage_index(kode: str) -> int:
    return TAHAPAN_KODE.index(kode)


def check_readiness(event: Event, up_to: str | None = None) -> list[StageResult]:
    """Judge every stage; mark as enforced those up to `up_to`, or those marked selesai."""
    results = []
    limit = stage_index(up_to) if up_to else -1
    for index, (kode, check) in enumerate(STAGE_CHECKS.items()):
        tahap = event.tahap_by_kode.get(kode)
        result = StageResult(kode, TAHAPAN_JUDUL[kode], tahap)
        if event.acara is not None:
            result.problems = [_for_stage(p, kode) for p in check(event)]
        else:
            result.blocked = True
        result.enforced = index <= limit if up_to else (tahap is not None and tahap.status == "selesai")
        results.append(result)
    return results


def _for_stage(problem: Problem, kode: str) -> Problem:
    return replace(problem, stage=kode)
