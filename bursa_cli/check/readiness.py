"""Is each preparation stage ready? Judged from the data the stage must have produced.

One function per stage, registered in `STAGE_CHECKS` in the order of the ten
stages. Each yields problems placed at the data that is missing or short.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Callable, Iterable

from ..errors import Problem
from ..schema.event import Event, locate
from ..schema.models import TAHAPAN_JUDUL, TAHAPAN_KODE, Tahap
from ..seating import check_seating


def _meeting(event: Event, kode: str, needs: tuple[str, ...]) -> Iterable[Problem]:
    """A stage that is a meeting needs its date, place and invitees (for the undangan)."""
    tahap = event.tahap_by_kode.get(kode)
    if tahap is None:
        return
    if tahap.rapat is None:
        yield locate(tahap, "Rincian rapat (rapat: tanggal, mulai, tempat, acara, penerima) belum diisi; "
                     "undangan tidak dapat dibuat.", "rapat")
        return
    for group in needs:
        if group not in tahap.rapat.penerima:
            yield locate(tahap, f"Rapat ini seharusnya mengundang '{group}'.", "rapat.penerima")
    if event.acara and tahap.rapat.tanggal > event.acara.tanggal:
        yield locate(tahap, "Tanggal rapat jatuh setelah hari acara.", "rapat.tanggal",
                     value=tahap.rapat.tanggal.isoformat())


def ready_konsultasi_agenda(event: Event) -> Iterable[Problem]:
    acara = event.acara
    if not acara.penyelenggara.bidang_pelaksana:
        yield locate(acara, "Bidang pelaksana yang ditugasi Kepala Dinas belum diisi.",
                     "penyelenggara.bidang_pelaksana")
    if not event.opd:
        yield Problem("Belum ada OPD yang ditetapkan ikut serta (opd.yaml kosong).", file="opd.yaml", line=1)


def ready_tempat(event: Event) -> Iterable[Problem]:
    if not any(r.jenis == "pleno" for r in event.acara.tempat.ruang):
        yield locate(event.acara, "Belum ada ruang pleno (Jendela 1).", "tempat.ruang")


def ready_rapat_pembukaan(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "rapat-pembukaan", ("opd",))


def ready_sk(event: Event) -> Iterable[Problem]:
    for tim in ("TIK", "Panitia"):
        members = [a for a in event.panitia if a.tim == tim]
        if not members:
            yield Problem(f"Belum ada anggota {tim} di panitia.yaml.", file="panitia.yaml", line=1)
            continue
        if not any(a.kedudukan.strip().lower() == "ketua" for a in members):
            yield locate(members[0], f"{tim} belum memiliki Ketua (kedudukan: Ketua).", "kedudukan")
    for anggota in event.panitia:
        if not anggota.nip and not anggota.instansi:
            yield locate(anggota, f"{anggota.nama}: NIP belum diisi (wajib di lampiran SK; "
                         "untuk non-ASN isi 'instansi').", "nip")
        if not anggota.jabatan:
            yield locate(anggota, f"{anggota.nama}: jabatan belum diisi.", "jabatan")
        if anggota.nip and not anggota.pangkat:
            yield locate(anggota, f"{anggota.nama}: pangkat belum diisi.", "pangkat")
    if event.acara.dokumen.penanda_tangan_sk == "bupati" and event.acara.bupati is None:
        yield locate(event.acara, "SK ditandatangani Bupati, tetapi data bupati belum diisi.", "bupati")


def ready_pembekalan(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "pembekalan", ("tik", "panitia"))


def ready_sortir(event: Event) -> Iterable[Problem]:
    if not event.inovasi:
        yield Problem("Belum ada inovasi di inovasi.yaml.", file="inovasi.yaml", line=1)
    for inovasi in event.inovasi:
        if inovasi.sortir.keputusan == "belum":
            yield locate(inovasi, f"{inovasi.id} ({inovasi.judul}) belum diputuskan dalam rapat sortir.",
                         "sortir.keputusan")
        elif not inovasi.sortir.opd:
            yield locate(inovasi, f"{inovasi.id}: OPD yang memutuskan belum diisi.", "sortir.opd")
    if event.inovasi and not event.inovasi_terpilih:
        yield Problem("Tidak ada inovasi yang dipertahankan.", file="inovasi.yaml", line=1)


def ready_rapat_bursa(event: Event) -> Iterable[Problem]:
    shown_at: set[str] = set()
    for inovasi in event.inovasi_terpilih:
        if not inovasi.ruang:
            yield locate(inovasi, f"{inovasi.id} ({inovasi.judul}) belum ditempatkan di ruang bursa.", "ruang")
        if not inovasi.meja:
            yield locate(inovasi, f"{inovasi.id} ({inovasi.judul}) belum punya meja konsultasi.", "meja")
        else:
            shown_at.add(inovasi.meja)
    staffed = {a.meja for a in event.panitia if a.tim == "TIK" and a.meja}
    for index, ruang in enumerate(event.acara.tempat.ruang):
        for slot, meja in enumerate(ruang.meja):
            where = f"tempat.ruang.{index}.meja.{slot}"
            if meja not in staffed:
                yield locate(event.acara, f"Meja {meja} belum dijaga konsultan TIK (panitia.yaml: meja: {meja}).",
                             where, value=meja)
            if meja not in shown_at:
                yield locate(event.acara, f"Meja {meja} tidak melayani inovasi mana pun.", where, value=meja)


def ready_survei_lokasi(event: Event) -> Iterable[Problem]:
    rooms = event.acara.tempat.ruang
    confirmed = sum(1 for p in event.peserta if p.konfirmasi == "ya")
    for jenis, label in (("pleno", "Jendela 1 (pleno)"), ("bursa", "Jendela 2 (bursa)"),
                         ("jendela3", "Jendela 3"), ("registrasi", "meja registrasi")):
        if not any(r.jenis == jenis for r in rooms):
            yield locate(event.acara, f"Ruang untuk {label} belum ditentukan.", "tempat.ruang")
    for index, ruang in enumerate(rooms):
        if ruang.jenis == "pleno" and ruang.kapasitas < confirmed:
            yield locate(event.acara, f"{ruang.nama} hanya muat {ruang.kapasitas} orang, padahal "
                         f"{confirmed} peserta sudah konfirmasi hadir.", f"tempat.ruang.{index}.kapasitas",
                         value=str(ruang.kapasitas))
    bursa = [(i, r) for i, r in enumerate(rooms) if r.jenis == "bursa"]
    total = sum(r.kapasitas for _, r in bursa)
    if bursa and total < confirmed:
        yield locate(event.acara, f"Ruang bursa bersama-sama hanya muat {total} orang untuk "
                     f"{confirmed} peserta.", f"tempat.ruang.{bursa[0][0]}.kapasitas", value=str(total))
    if any(r.jenis == "pleno" for r in rooms):
        yield from check_seating(event)  # everyone who is coming gets a seat in the pleno


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
            yield locate(acara, f"{MATERI_LABEL[name]} hanya {have}, padahal ada {needed} {of_what}.",
                         f"materi.{name}", value=str(have))
    if not acara.bursa_kit:
        yield locate(acara, "Isi Bursa Kit belum ditentukan.", "bursa_kit")
    if not acara.susunan_acara:
        yield locate(acara, "Susunan acara belum diisi.", "susunan_acara")
    pending = [p for p in event.peserta if p.konfirmasi == "belum"]
    if pending:
        yield locate(pending[0], f"{len(pending)} peserta belum konfirmasi kehadiran "
                     f"(yang pertama: {pending[0].nama}).", "konfirmasi")


def ready_gladi_bersih(event: Event) -> Iterable[Problem]:
    yield from _meeting(event, "gladi-bersih", ("panitia",))
    tahap = event.tahap_by_kode.get("gladi-bersih")
    if tahap and tahap.rapat and tahap.rapat.tanggal != event.acara.tanggal - timedelta(days=1):
        yield locate(tahap, "Gladi bersih seharusnya sehari sebelum acara (H-1).", "rapat.tanggal",
                     value=tahap.rapat.tanggal.isoformat())


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

    @property
    def ready(self) -> bool:
        return not self.problems

    @property
    def status(self) -> str:
        return self.tahap.status if self.tahap else "belum"


def check_tahapan_list(event: Event) -> list[Problem]:
    """tahapan.yaml lists the ten stages, each once, in order."""
    problems = []
    codes = [t.kode for t in event.tahapan]
    missing = [k for k in TAHAPAN_KODE if k not in codes]
    if missing and "tahapan.yaml" in event.sources:
        problems.append(Problem(f"Tahapan belum lengkap; yang belum ada: {', '.join(missing)}.",
                                file="tahapan.yaml", line=1, column=1))
    present = [k for k in codes if k in TAHAPAN_KODE]
    expected = [k for k in TAHAPAN_KODE if k in present]
    if present != expected:
        for tahap, want in zip(event.tahapan, expected):
            if tahap.kode != want:
                problems.append(locate(tahap, f"Urutan tahapan keliru: di sini seharusnya '{want}'.", "kode",
                                       value=tahap.kode))
                break
    return problems


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
        result.enforced = index <= limit if up_to else (tahap is not None and tahap.status == "selesai")
        results.append(result)
    return results


def _for_stage(problem: Problem, kode: str) -> Problem:
    return replace(problem, stage=kode)
