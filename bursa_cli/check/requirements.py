"""What each document needs before it can be printed, as check rules run by `bursa validasi`.

Every refusal a `bursa cetak JENIS` can give is a rule here, so validasi finds
it first at its file:line. Each problem names the documents it blocks
(`needed_by`) and the preparation stage whose documents need it (`stage`):
`bursa validasi --tahap` counts it from that stage on, and the gate of
`cetak JENIS` refuses on it whatever the stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from .. import indo
from ..codes import say
from ..errors import Problem
from ..kinds import KIND_BY_NAME
from ..penerima import HARI_H, meetings, recipients
from ..schema.event import Event, locate
from ..schema.models import TAHAPAN_KODE
from ..schema.types import is_kelurahan, number_pattern_fault
from ..seating import check_seating, needs_seat
from ..stands import assign_stands


KIND_LABEL = {"undangan": "undangan", "sk": "SK", "sertifikat": "sertifikat", "daftar-hadir": "daftar hadir"}


# The stage of what only the day itself produces (the Kartu Komitmen): none of the ten.
DAY = ""


def _needed(problem: Problem | dict, kinds: tuple[str, ...], stage: str | None = None) -> Problem:
    """`problem` marked with the documents it blocks, and its stage: `stage`, else the earliest
    stage among the documents'."""
    if stage is None:
        stage = min((KIND_BY_NAME[k].stage for k in kinds), key=TAHAPAN_KODE.index)
    return replace(problem, needed_by=kinds, stage=stage)


def _documents(kinds: tuple[str, ...]) -> str:
    names = [KIND_LABEL.get(k, k) for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def _at(event: Event, path: tuple, **said) -> Problem:
    source = event.sources.get("acara.yaml")
    if source is None:
        return Problem(file="acara.yaml", path=".".join(map(str, path)), **said)
    return source.problem(path, **said)


def _signer(event: Event, pejabat, path: tuple, who: str, kinds: tuple[str, ...],
            needs_nip: bool) -> Iterable[Problem]:
    """A signer has a name and office and, for a civil servant, rank and NIP."""
    dokumen = _documents(kinds)
    if pejabat is None:
        yield _needed(_at(event, path, **say("BUR-C001", siapa=who, dokumen=dokumen)), kinds)
        return
    if needs_nip and not pejabat.nip:
        yield _needed(_at(event, path + ("nip",), **say("BUR-C002", siapa=who, dokumen=dokumen)), kinds)
    if needs_nip and not pejabat.pangkat:
        yield _needed(_at(event, path + ("pangkat",), **say("BUR-C003", siapa=who, dokumen=dokumen)), kinds)
    if pejabat.status == "an" and not pejabat.atas_nama:
        yield _needed(_at(event, path + ("atas_nama",), **say("BUR-C004", siapa=who)), kinds)


def need_signers(event: Event) -> Iterable[Problem]:
    """The Kepala Dinas signs every letter; the SK and certificates are signed as `penanda_tangan_sk` says."""
    acara = event.acara
    by_bupati = acara.dokumen.penanda_tangan_sk == "bupati"
    dinas_kinds = ("undangan",) if by_bupati else ("undangan", "sk", "sertifikat")
    yield from _signer(event, acara.penyelenggara.kepala, ("penyelenggara", "kepala"), "Kepala Dinas",
                       dinas_kinds, needs_nip=True)
    if by_bupati and acara.bupati is None:
        yield _needed(_at(event, ("dokumen", "penanda_tangan_sk"), **say("BUR-C010")), ("sk", "sertifikat"))
    elif by_bupati:
        yield from _signer(event, acara.bupati, ("bupati",), "Bupati", ("sk", "sertifikat"), needs_nip=False)


def need_kop(event: Event) -> Iterable[Problem]:
    """The kop carries the emblem, a file inside the event folder, unless the event says on purpose
    that it has none."""
    logo = event.acara.penyelenggara.logo
    if not logo:
        if not event.acara.dokumen.kop_tanpa_lambang:
            yield _needed(_at(event, ("penyelenggara",), **say("BUR-C080")), ("undangan", "sk"))
        return
    root = Path(event.root).resolve()
    path = Path(event.root) / logo
    kinds = ("undangan", "sk")
    if not path.is_file():
        yield _needed(_at(event, ("penyelenggara", "logo"), value=logo, **say("BUR-R017", logo=logo)), kinds)
    elif not path.resolve().is_relative_to(root):
        yield _needed(_at(event, ("penyelenggara", "logo"), value=logo, **say("BUR-R018", logo=logo)), kinds)


def need_letter_town(event: Event) -> Iterable[Problem]:
    """The town letters are written in is a real name, not the "(isi ...)" that `bursa init` left."""
    from ..scaffold import is_blank

    wilayah = event.acara.wilayah
    if is_blank(wilayah.ibu_kota):
        kinds = ("undangan", "sk", "daftar-hadir")
        yield _needed(_at(event, ("wilayah", "ibu_kota"), value=wilayah.ibu_kota,
                          **say("BUR-T060", nilai=wilayah.ibu_kota, wilayah=wilayah.nama,
                                dokumen=_documents(kinds))), kinds)


def need_numbering(event: Event) -> Iterable[Problem]:
    """The letter-number pattern can be filled in, and gives every letter its own running number."""
    pola = event.acara.penomoran.pola
    fault = number_pattern_fault(pola)
    if fault:
        yield _needed(_at(event, ("penomoran", "pola"), value=pola, **say("BUR-C020", pola=pola, rincian=fault)),
                      ("undangan", "sk"))


def need_invitees(event: Event) -> Iterable[Problem]:
    """Every meeting has someone to invite, and the day's attendance list someone coming.

    A meeting counts from its own stage (the day's letter from the materi stage,
    when invitations are confirmed), not from the first letter's.
    """
    for meeting in meetings(event):
        stage = "materi" if meeting.kode == HARI_H else meeting.kode
        if not recipients(event, meeting.groups):
            # the day invites every village and kecamatan of acara.yaml; a meeting, its rapat.penerima
            where = "wilayah.kecamatan" if meeting.kode == HARI_H else "rapat.penerima"
            problem = locate(meeting.item, field_name=where, **say(
                "BUR-C021", rapat=meeting.kode, kelompok=", ".join(meeting.groups) or "(kosong)"))
            yield _needed(replace(problem, rapat=meeting.kode), ("undangan", "daftar-hadir"), stage)
    if not any(p.konfirmasi != "tidak" for p in event.peserta):
        yield _needed(Problem(file="peserta.yaml", line=1, column=1, rapat=HARI_H, **say("BUR-C022")), ("daftar-hadir",),
                      "materi")


def need_stands(event: Event) -> Iterable[Problem]:
    """Every kept innovation stands in a Bursa room: written, by its desk, or the one room of its bidang."""
    stands = assign_stands(event)
    for inovasi in event.inovasi_terpilih:
        if stands[inovasi.id].ruang is None:
            yield _needed(locate(inovasi, field_name="ruang", **say("BUR-C023", id=inovasi.id,
                                                                    judul=inovasi.judul)), ("poster", "katalog"))


def need_seating(event: Event) -> Iterable[Problem]:
    """Everyone coming has a seat in the Ruang Pleno: the seat list and every Kartu ID print it."""
    for problem in check_seating(event):
        yield _needed(problem, ("denah", "kartu-id"))


def need_certificates(event: Event) -> Iterable[Problem]:
    """The verification page publishes the codes of certificates, so it waits for the first Kartu Komitmen
    in force signed by both the Kepala Desa and the Ketua BPD.

    Why no stage: the cards are handed in on the day, after every preparation
    stage; validasi notes it, and `cetak halaman-verifikasi` refuses until then.
    """
    if not any(c.ttd_kepala_desa and c.ttd_ketua_bpd for c in event.komitmen_berlaku.values()):
        yield _needed(Problem(file="log/komitmen", **say("BUR-C024")), ("halaman-verifikasi",), DAY)


def need_verification_address(event: Event) -> Iterable[Problem]:
    """A certificate's QR leads to the published verification page only when its address is known."""
    if not (event.acara.dokumen.alamat_verifikasi or "").strip():
        yield _needed(_at(event, ("dokumen",), **say("BUR-C081")), ("sertifikat",))


def need_badge_names(event: Event) -> Iterable[Problem]:
    """Every name printed on a Kartu ID fits its card: shrunk within limits and wrapped, never clipped."""
    from ..textfit import BADGE_SIZES, BADGE_NAME, badge_name

    dokumen = event.acara.dokumen
    smallest = BADGE_SIZES[-1] * BADGE_NAME[dokumen.ukuran_kartu_id][1]
    for person in event.peserta:
        if needs_seat(person) and badge_name(person.nama, dokumen.ukuran_kartu_id, dokumen.huruf) is None:
            yield _needed(locate(person, field_name="nama", value=person.nama, **say(
                "BUR-C082", nama=person.nama, ukuran=dokumen.ukuran_kartu_id,
                ukuran_huruf=f"{smallest:g}".replace(".", ","))), ("kartu-id",))


def need_sk(event: Event) -> Iterable[Problem]:
    """The SK's appendix lists every TIK and Panitia member with NIP (or instansi) and office."""
    members = [a for a in event.panitia if a.tim in ("TIK", "Panitia")]
    kinds = ("sk",)
    if not members:
        yield _needed(Problem(file="panitia.yaml", line=1, column=1, **say("BUR-C008")), kinds)
    for anggota in members:
        if not anggota.nip and not anggota.instansi:
            yield _needed(locate(anggota, field_name="nip", **say("BUR-C007", nama=anggota.nama)), kinds)
        if not anggota.jabatan and not anggota.instansi:
            yield _needed(locate(anggota, field_name="jabatan", **say("BUR-C009", nama=anggota.nama,
                                                                      id=anggota.id)), kinds)
    if not event.acara.sk.mengingat:
        yield _needed(_at(event, ("sk", "mengingat"), **say("BUR-C005")), kinds)


_CITED = re.compile(r"^(Undang-Undang|Peraturan|Keputusan|Instruksi)\b", re.I)
_NUMBERED = re.compile(r"\bNomor\s+\S+\s+Tahun\s+\d{4}\b", re.I)


def need_citations(event: Event) -> Iterable[Problem]:
    """Each regulation in sk.mengingat has its number and year, and an amendment names the last one.

    Why a warning, not a placeholder: a decree is signed as printed, so a missing
    part must be found before printing, at its line.
    """
    for index, text in enumerate(event.acara.sk.mengingat):
        text = " ".join(text.split())
        if not _CITED.match(text):
            continue
        missing = []
        if not _NUMBERED.search(text):
            missing.append("nomor dan tahun peraturannya")
        if re.search(r"\bdiubah\b", text, re.I) and not re.search(r"\bterakhir dengan\b", text, re.I) \
                and re.search(r"\bbeberapa kali\b", text, re.I):
            missing.append("perubahan terakhirnya (\"terakhir dengan ...\")")
        if missing:
            yield _needed(_at(event, ("sk", "mengingat", index), value=text[:60],
                              **say("BUR-C017", butir=index + 1, kurang=" dan ".join(missing))), ("sk",))


def need_programme(event: Event) -> Iterable[Problem]:
    """The day's programme has no unaccounted gap, and no two items share a room at the same time.

    Items in different rooms may run together (Jendela 2 and 3): the susunan acara
    marks them as parallel, so only a shared room is a clash.
    """
    items = event.acara.susunan_acara

    def minutes(value) -> int:
        return value.hour * 60 + value.minute

    order = sorted(range(len(items)), key=lambda i: minutes(items[i].mulai))
    covered, open_ended = None, False  # the end of everything before, in minutes; an item "until done"
    for index in order:
        item = items[index]
        start = minutes(item.mulai)
        if covered is not None and not open_ended and start > covered:
            yield _needed(_at(event, ("susunan_acara", index, "mulai"), value=indo.jam_angka(item.mulai),
                              **say("BUR-C018", dari=f"{covered // 60:02d}.{covered % 60:02d}",
                                    sampai=indo.jam_angka(item.mulai), no=index + 1)), ("susunan-acara",))
        if item.selesai is None:
            open_ended = True
        else:
            covered = max(covered or 0, minutes(item.selesai))
    for a, first in enumerate(items):
        for b in range(a + 1, len(items)):
            second = items[b]
            if not first.ruang or first.ruang != second.ruang or not first.selesai or not second.selesai:
                continue
            if minutes(first.mulai) < minutes(second.selesai) and minutes(second.mulai) < minutes(first.selesai):
                yield _needed(_at(event, ("susunan_acara", b, "mulai"), value=indo.jam_angka(second.mulai),
                                  **say("BUR-C019", no=b + 1, lain=a + 1, ruang=second.ruang)), ("susunan-acara",))


def need_kepala_desa(event: Event) -> Iterable[Problem]:
    """A certificate is written to the Kepala Desa of each village whose Kartu Komitmen is in force."""
    cards = event.komitmen_berlaku
    kepala = event.kepala_desa_nama
    for kode, card in sorted(cards.items()):
        village = event.desa_by_kode.get(kode)
        if village is not None and kode not in kepala:
            yield _needed(locate(card, field_name="desa", value=kode, **say("BUR-C006", desa=village.nama)),
                          ("sertifikat", "halaman-verifikasi"))


def need_village_roles(event: Event) -> Iterable[Problem]:
    """The Kartu Komitmen prints the names of the Kepala Desa and the Ketua BPD of every village:
    a missing one is left blank (a warning), a doubled one would print the wrong name (an error)."""
    from .links import check_village_roles, missing_village_roles

    for problem in missing_village_roles(event):
        yield _needed(problem, ("kartu-komitmen",))
    for problem in check_village_roles(event):
        yield _needed(problem, ("kartu-komitmen", "sertifikat"))


def need_materials(event: Event) -> Iterable[Problem]:
    """What the kit's documents are made from: the programme, the villages, the menu, the people.

    These are progress, not mistakes: before the stage they belong to they are not
    shown (the stage's readiness counts them), but `cetak` refuses on them any time.
    """
    acara = event.acara
    if not acara.susunan_acara:
        yield _needed(_at(event, ("susunan_acara",), **say("BUR-C011")), ("susunan-acara",))
    if not [d for d in event.desa if not is_kelurahan(d.kode)]:
        yield _needed(Problem(file="desa.yaml", line=1, column=1, **say("BUR-C012")), ("kartu-komitmen",))
    if not any(r.jenis == "bursa" for r in acara.tempat.ruang):
        yield _needed(_at(event, ("tempat", "ruang"), **say("BUR-C013")), ("kartu-komitmen",))
    if not event.inovasi_terpilih:
        yield _needed(Problem(file="inovasi.yaml", line=1, column=1, **say("BUR-C014")), ("poster", "katalog"))
    coming = sum(1 for p in event.peserta if needs_seat(p))
    if not coming:
        yield _needed(Problem(file="peserta.yaml", line=1, column=1, **say("BUR-C015")), ("kartu-id",))
    elif acara.materi.kartu_id <= coming:
        yield _needed(_at(event, ("materi", "kartu_id"), value=str(acara.materi.kartu_id),
                          **say("BUR-C016", jumlah=acara.materi.kartu_id, peserta=coming)), ("kartu-cadangan",))


# rule, the files it reads (skipped, with one note, when one of them could not be read), what it
# checks, and whether it is shown before its stage (a mistake) or only from it on (progress)
REQUIREMENTS: tuple[tuple[Callable[[Event], Iterable[Problem]], tuple[str, ...], str, bool], ...] = (
    (need_signers, ("acara.yaml",), "penanda tangan surat, SK dan sertifikat", True),
    (need_kop, ("acara.yaml",), "lambang di kop surat", True),
    (need_numbering, ("acara.yaml",), "pola nomor surat", True),
    (need_letter_town, ("acara.yaml",), "tempat penulisan surat", True),
    (need_invitees, ("acara.yaml", "tahapan.yaml", "desa.yaml", "peserta.yaml", "panitia.yaml", "opd.yaml",
                     "p2ktd.yaml"), "penerima undangan dan daftar hadir", True),
    (need_stands, ("acara.yaml", "inovasi.yaml"), "ruang bursa setiap inovasi", True),
    (need_seating, ("acara.yaml", "peserta.yaml"), "tempat duduk di ruang pleno", True),
    (need_certificates, ("acara.yaml", "desa.yaml", "peserta.yaml"), "sertifikat untuk halaman verifikasi",
     True),
    (need_verification_address, ("acara.yaml",), "alamat halaman verifikasi di QR sertifikat", False),
    (need_badge_names, ("acara.yaml", "peserta.yaml"), "nama yang muat di Kartu ID", True),
    (need_sk, ("acara.yaml", "panitia.yaml"), "lampiran SK", True),
    (need_citations, ("acara.yaml",), "dasar hukum Mengingat SK", True),
    (need_programme, ("acara.yaml",), "jam susunan acara", True),
    (need_kepala_desa, ("acara.yaml", "desa.yaml", "peserta.yaml"), "Kepala Desa di sertifikat", True),
    (need_village_roles, ("desa.yaml", "peserta.yaml"), "nama di Kartu Komitmen", True),
    (need_materials, ("acara.yaml", "desa.yaml", "inovasi.yaml", "peserta.yaml"), "bahan Bursa Kit", False),
)
PROGRESS = {"BUR-C011", "BUR-C012", "BUR-C013", "BUR-C014", "BUR-C015", "BUR-C016", "BUR-C022"}


def check_requirements(event: Event, kind: str | None = None) -> list[Problem]:
    """Every print requirement (or only those of document `kind`) that the event does not meet."""
    problems: list[Problem] = []
    if event.acara is None:
        return problems
    for rule, files, _label, _early in REQUIREMENTS:
        if any(f in event.unreadable for f in files):
            continue
        problems.extend(p for p in rule(event) if kind is None or kind in p.needed_by)
    return problems
