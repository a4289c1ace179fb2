"""Who receives a letter: the groups of `rapat.penerima` turned into addressees.

Each addressee knows how it is written after "Yth." on the letter, the lines
below it, and what the distribution list shows. An office is addressed by the
office ("Yth. Camat Bulu", "Yth. Kepala Desa Bulu"), even when its holder is
known; "Sdr." and a name stand only where there is no office to name: a member
of the TIK or the Panitia, a programme expert, a facilitator, each invited in
person. Villages are taken from
desa.yaml (every village is invited, even one whose people are not yet in
peserta.yaml: the letter then goes to the office), people from peserta.yaml
and panitia.yaml. The meetings (each stage's `rapat` block, and the day itself)
say which groups each letter goes to.

Why outside render/: the check rules (`check/requirements.py`) ask the same
question the letters do, whether a meeting has anyone to invite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from .errors import UsageError
from .schema.models import TAHAPAN_JUDUL
from .schema.types import kecamatan_of

GROUP_LABEL = {
    "opd": "Kepala OPD",
    "tik": "Tim Inovasi Kabupaten",
    "panitia": "Panitia",
    "kepala-desa": "Kepala Desa",
    "ketua-bpd": "Ketua BPD",
    "camat": "Camat",
    "p2ktd": "P2KTD",
    "ta-p3md": "TA P3MD",
    "pendamping": "Pendamping Desa",
}
# Invited to the day itself when acara.yaml says nothing else.
HARI_H_GROUPS = ("camat", "opd", "kepala-desa", "ketua-bpd", "p2ktd", "ta-p3md", "pendamping")


@dataclass
class Penerima:
    """One addressee of a letter."""

    kelompok: str  # the group code of rapat.penerima
    yth: str  # written after "Yth."
    baris: list[str] = field(default_factory=list)  # further lines of the address
    nama: str = ""  # the person's name, when known
    jabatan: str = ""  # office, for the distribution list
    instansi: str = ""  # agency or village, for the distribution list
    kunci: str = ""  # stable id (for de-duplication and the CSV)
    keterangan: str = ""  # under "Jabatan/Instansi" in the distribution list (never a street address)

    @property
    def kelompok_label(self) -> str:
        return GROUP_LABEL.get(self.kelompok, self.kelompok)


def head_title(wilayah_nama: str) -> str:
    """"Kabupaten Temanggung" -> "Bupati Temanggung"; "Kota Magelang" -> "Wali Kota Magelang"."""
    if wilayah_nama.startswith("Kabupaten "):
        return "Bupati " + wilayah_nama.removeprefix("Kabupaten ")
    if wilayah_nama.startswith("Kota "):
        return "Wali Kota " + wilayah_nama.removeprefix("Kota ")
    return "Bupati " + wilayah_nama


def recipients(event: Any, groups: list[str] | tuple[str, ...]) -> list[Penerima]:
    """The addressees of the given groups, in group order, each person once."""
    out: list[Penerima] = []
    seen: set[str] = set()
    for group in groups:
        for person in _GROUPS[group](event):
            if person.kunci in seen:
                continue
            seen.add(person.kunci)
            out.append(person)
    return out


def _kabupaten(event) -> str:
    return event.acara.wilayah.nama


def _with_region(office: str, region: str) -> str:
    return office if region.lower() in office.lower() else f"{office} {region}"


def _opd(event) -> list[Penerima]:
    own = event.acara.penyelenggara.singkatan.upper()
    region = _kabupaten(event)
    return [Penerima("opd", _with_region(o.kepala, region), [], "", o.kepala, o.nama, f"opd:{o.id}", o.nama)
            for o in event.opd if o.id.upper() != own]  # the organiser does not invite itself


def _team(tim: str):
    def people(event) -> list[Penerima]:
        out = []
        for a in event.panitia:
            if a.tim != tim:
                continue
            agency = a.instansi or (event.opd_by_id[a.opd].nama if a.opd in event.opd_by_id else "")
            office = a.jabatan or ""
            if agency and agency.lower() not in office.lower():
                office = f"{office}, {agency}" if office else agency
            line = f"{a.kedudukan} {'Tim Inovasi Kabupaten' if tim == 'TIK' else 'Panitia'}"
            lines = [x for x in (office, f"({line})") if x]
            out.append(Penerima(tim.lower(), f"Sdr. {a.nama}", lines, a.nama, a.jabatan or "", agency,
                                f"anggota:{a.id}", " ".join(lines)))
        return out

    return people


def _village(peran: str, office: str):
    def people(event) -> list[Penerima]:
        named: dict[str, Any] = {}
        for p in event.peserta:
            if p.peran == peran and p.desa and p.desa not in named:
                named[p.desa] = p
        out = []
        for desa in event.desa:
            kec = event.kecamatan_of_desa(desa.kode)
            title = f"{office} {desa.nama}"
            lines = [f"Kecamatan {kec}"] if kec else []
            person = named.get(desa.kode)  # addressed by the office all the same; the name is for the lists
            key = f"peserta:{person.id}" if person is not None else f"{peran}:{desa.kode}"
            out.append(Penerima(peran, title, lines, person.nama if person else "", title, f"Desa {desa.nama}",
                                key, ", ".join([f"Desa {desa.nama}", *lines])))
        return out

    return people


def _camat(event) -> list[Penerima]:
    named = {}
    for p in event.peserta:
        if p.peran == "camat":
            kode = p.kecamatan or (kecamatan_of(p.desa) if p.desa else None)
            if kode:
                named.setdefault(kode, p)
    out = []
    for kec in event.acara.wilayah.kecamatan:
        title = f"Camat {kec.nama}"
        person = named.get(kec.kode)
        key = f"peserta:{person.id}" if person is not None else f"camat:{kec.kode}"
        out.append(Penerima("camat", title, [], person.nama if person else "", title, f"Kecamatan {kec.nama}",
                            key, f"Kecamatan {kec.nama}"))
    return out


def _p2ktd(event) -> list[Penerima]:
    return [Penerima("p2ktd", f"Pimpinan {p.nama}", [p.alamat] if p.alamat else [], "", "Pimpinan",
                     p.nama, f"p2ktd:{p.id}", f"Pimpinan {p.nama}") for p in event.p2ktd]


def _role(peran: str):
    def people(event) -> list[Penerima]:
        out = []
        for p in event.peserta:
            if p.peran != peran:
                continue
            office = p.jabatan or GROUP_LABEL[peran]
            # "Pendamping Desa" above "Pendamping Desa Kecamatan X" says it twice: keep the fuller line
            lines = [p.instansi] if p.instansi and office.lower() in p.instansi.lower() else \
                [x for x in (office, p.instansi) if x]
            out.append(Penerima(peran, f"Sdr. {p.nama}", lines, p.nama, office, p.instansi or "",
                                f"peserta:{p.id}", ", ".join(lines)))
        if peran == "ta-p3md":  # programme experts may sit in the committee file instead
            for a in event.panitia:
                if a.instansi and "P3MD" in a.instansi.upper():
                    lines = [a.jabatan or "Tenaga Ahli", a.instansi]
                    out.append(Penerima(peran, f"Sdr. {a.nama}", lines, a.nama, a.jabatan or "Tenaga Ahli",
                                        a.instansi, f"anggota:{a.id}", ", ".join(lines)))
        return out

    return people


_GROUPS = {
    "opd": _opd,
    "tik": _team("TIK"),
    "panitia": _team("Panitia"),
    "kepala-desa": _village("kepala-desa", "Kepala Desa"),
    "ketua-bpd": _village("ketua-bpd", "Ketua BPD"),
    "camat": _camat,
    "p2ktd": _p2ktd,
    "ta-p3md": _role("ta-p3md"),
    "pendamping": _role("pendamping"),
}


# --------------------------------------------------------------------------- meetings

HARI_H = "hari-h"
HAL = {
    "rapat-pembukaan": "Undangan Rapat Persiapan Bursa Inovasi Desa",
    "pembekalan": "Undangan Pembekalan Tim Inovasi Kabupaten dan Panitia",
    "sortir": "Undangan Rapat Pemilahan Inovasi Desa",
    "rapat-bursa": "Undangan Rapat Bursa Inovasi Desa",
    "gladi-bersih": "Undangan Gladi Bersih Bursa Inovasi Desa",
    HARI_H: "Undangan Bursa Inovasi Desa",
}


@dataclass
class Pertemuan:
    """A meeting to invite to: a stage's `rapat` block, or the day itself."""

    kode: str
    hal: str
    tanggal: date
    mulai: time
    selesai: time | None
    tempat: str
    acara: str
    groups: list[str]
    tembusan: list[str]
    item: Any  # where it was read, for problems


def meetings(event) -> list[Pertemuan]:
    """Every meeting with a `rapat` block, in stage order, then the day itself."""
    out = []
    for tahap in event.tahapan:
        r = tahap.rapat
        if r is None:
            continue
        hal = HAL.get(tahap.kode, f"Undangan {TAHAPAN_JUDUL[tahap.kode]}")
        out.append(Pertemuan(tahap.kode, hal, r.tanggal, r.mulai, r.selesai, r.tempat, r.acara,
                             list(r.penerima), list(r.tembusan), tahap))
    a = event.acara
    out.append(Pertemuan(HARI_H, HAL[HARI_H], a.tanggal, a.jam_mulai, a.jam_selesai,
                         f"{a.tempat.nama}, {a.tempat.alamat}", a.nama, list(HARI_H_GROUPS), [], a))
    return out


def chosen_meetings(event, rapat: str | None = None) -> list[Pertemuan]:
    """Every meeting, or only the one `rapat` (`--rapat`) names; an unknown name stops the run."""
    found = meetings(event)
    if not rapat:
        return found
    chosen = [m for m in found if m.kode == rapat]
    if not chosen:
        raise UsageError.coded("BUR-U015", rapat=rapat, daftar=', '.join(m.kode for m in found))
    return chosen
