"""Recap an event after the day: what each village committed to, and what follows.

`build_recap` takes a loaded `Event` and returns plain dataclasses, one list
per view. It never prints and never writes; `recap.tables` turns the views
into columns for the exports and `present.rekap` shows them.

Rules that are not obvious:
- A village may hand in its Kartu Komitmen more than once (a correction at
  Jendela 3). The latest card (by `waktu`, then by its place in the logs)
  is the one that counts.
- A village *attended* when at least one participant from it registered.
- Ratings: the latest rating of a participant for an innovation counts once.
- With `bidang`, commitments, ideas and innovations outside that bidang are
  left out, so "attended but committed to nothing" means nothing in that bidang.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from ..check.logdates import count_off_day, only_event_day
from ..errors import UsageError
from ..indo import hari_tanggal
from ..schema.event import Event, cards_in_force as latest_cards
from ..schema.models import Ide
from ..schema.types import BIDANG_LABEL, BIDANG_ORDER, BIDANG_SHORT, kecamatan_of



@dataclass
class DesaRecap:
    kode: str
    nama: str
    kecamatan: str
    hadir: bool
    peserta_hadir: int
    stempel: int
    ide: int
    inovasi: list[str] = field(default_factory=list)  # ids committed to (latest card)
    judul: list[str] = field(default_factory=list)
    tahun_apbdes: int | None = None
    ttd_kepala_desa: bool | None = None
    ttd_ketua_bpd: bool | None = None
    kepala_desa: str = ""
    waktu_komitmen: datetime | None = None

    @property
    def komitmen(self) -> int:
        return len(self.inovasi)


@dataclass
class KecamatanRecap:
    kode: str
    nama: str
    desa: int
    desa_hadir: int
    desa_komitmen: int
    komitmen: int
    stempel: int
    ide: int


@dataclass
class InovasiRecap:
    id: str
    judul: str
    bidang: str
    desa_komitmen: int
    konsultasi: int
    nilai_rata: float | None
    jumlah_nilai: int
    biaya: int | None
    desa: list[str] = field(default_factory=list)  # names of the committed villages

    @property
    def perkiraan_anggaran(self) -> int | None:
        """Cost per village times the villages committed: what APBDes will need in total."""
        return None if self.biaya is None else self.biaya * self.desa_komitmen


@dataclass
class BidangRecap:
    bidang: str
    label: str
    inovasi_menu: int
    komitmen: int
    desa_komitmen: int
    ide: int


@dataclass
class P2ktdRecap:
    """One follow-up line: a village needs this provider for this innovation."""

    p2ktd: str
    nama: str
    kontak: str
    desa_kode: str
    desa: str
    kecamatan: str
    inovasi: str
    judul: str
    bidang: str


@dataclass
class IdeRecap:
    judul: str
    uraian: str
    bidang: str
    desa: str
    kecamatan: str
    pengusul: str
    serupa: int  # how many cards propose the same title (case and spaces ignored)


@dataclass
class TanpaKomitmen:
    kode: str
    nama: str
    kecamatan: str
    peserta: list[str]
    stempel: int


@dataclass
class Summary:
    desa_diundang: int
    desa_hadir: int
    peserta_hadir: int
    desa_komitmen: int
    komitmen: int
    kartu_komitmen: int
    stempel: int
    ide: int
    inovasi_menu: int
    perkiraan_anggaran: int


@dataclass
class Recap:
    """Every view of the recap, already filtered."""

    nama_acara: str
    tahun_apbdes: int | None
    filter_kecamatan: list[str]
    filter_bidang: str | None
    ringkasan: Summary
    desa: list[DesaRecap]
    kecamatan: list[KecamatanRecap]
    inovasi: list[InovasiRecap]
    bidang: list[BidangRecap]
    p2ktd: list[P2ktdRecap]
    ide: list[IdeRecap]
    tanpa_komitmen: list[TanpaKomitmen]
    # Kartu Ide from people outside the invited villages (TA P3MD, pendamping, OPD): their own row
    ide_luar_desa: int = 0
    # Entries of log/ dated outside the event day (data gladi?), and whether they were counted
    luar_hari: int = 0
    luar_hari_dihitung: bool = True
    hari_acara: str = ""  # "Kamis, 12 November 2026", for that note


def resolve_kecamatan(event: Event, wanted: Iterable[str]) -> list[str]:
    """Kecamatan codes for what the user typed (codes or names, any case)."""
    by_name = {nama.casefold(): kode for kode, nama in event.kecamatan_nama.items()}
    codes: list[str] = []
    for text in wanted:
        typed = text.strip()
        if typed in event.kecamatan_nama:
            codes.append(typed)
            continue
        bare = typed.casefold().removeprefix("kecamatan ").removeprefix("kec. ").strip()
        if bare in by_name:
            codes.append(by_name[bare])
            continue
        known = ", ".join(f"{k} {n}" for k, n in sorted(event.kecamatan_nama.items()))
        raise UsageError.coded("BUR-U016", kecamatan=text, daftar=known)
    return codes


def resolve_bidang(text: str | None) -> str | None:
    if text is None:
        return None
    typed = text.strip().casefold()
    aliases = {"sdm": "psdm", "ekonomi": "kewirausahaan", "infra": "infrastruktur"}
    typed = aliases.get(typed, typed)
    if typed not in BIDANG_LABEL:
        raise UsageError.coded("BUR-U017", bidang=text)
    return typed


@dataclass
class _Scope:
    """What the recap counts: the villages of the chosen kecamatan, the innovations of the chosen bidang."""

    event: Event
    kec_codes: list[str]
    bidang: str | None
    desa: list  # the villages in scope, in the order of desa.yaml
    desa_codes: set[str]

    def in_bidang(self, ino_id: str) -> bool:
        if not self.bidang:
            return True
        inovasi = self.event.inovasi_by_id.get(ino_id)
        return inovasi is not None and inovasi.bidang == self.bidang


def build_recap(event: Event, kecamatan: Iterable[str] | str | None = None,
                bidang: str | None = None, event_day_only: bool = False) -> Recap:
    """All views of the recap for `event`, limited to some kecamatan and/or one bidang.

    Entries of `log/` dated outside the event day are counted in, and their number is
    reported; `event_day_only` leaves them out (`rekap --hanya-hari-acara`)."""
    off_day = count_off_day(event).total
    if event_day_only and off_day:
        event = only_event_day(event)
    scope = _scope(event, [kecamatan] if isinstance(kecamatan, str) else kecamatan, bidang)
    hadir = _attendance(scope)
    stempel_desa, konsultasi = _stamps(scope)
    ideas = [i for i in event.ide if _idea_kept(i, event, scope.kec_codes, scope.desa_codes, scope.bidang)]
    ide_desa: Counter[str] = Counter(_idea_desa(i, event) for i in ideas)
    desa_rows = _desa_rows(scope, hadir, stempel_desa, ide_desa)
    inovasi_rows = _inovasi_rows(scope, desa_rows, konsultasi, _ratings(scope))
    summary = Summary(
        desa_diundang=len(desa_rows), desa_hadir=sum(r.hadir for r in desa_rows),
        peserta_hadir=sum(r.peserta_hadir for r in desa_rows),
        desa_komitmen=sum(bool(r.inovasi) for r in desa_rows),
        komitmen=sum(r.komitmen for r in desa_rows),
        kartu_komitmen=sum(1 for r in desa_rows if r.inovasi),
        stempel=sum(konsultasi.values()), ide=len(ideas),
        inovasi_menu=sum(1 for i in event.inovasi_terpilih if scope.in_bidang(i.id)),
        perkiraan_anggaran=sum(r.perkiraan_anggaran or 0 for r in inovasi_rows),
    )
    return Recap(
        nama_acara=event.acara.nama if event.acara else "",
        tahun_apbdes=event.acara.tahun_apbdes if event.acara else None,
        filter_kecamatan=[f"{event.kecamatan_nama[k]}" for k in scope.kec_codes],
        filter_bidang=scope.bidang, ringkasan=summary, desa=desa_rows, kecamatan=_kecamatan_rows(scope, desa_rows),
        inovasi=inovasi_rows, bidang=_bidang_rows(scope, desa_rows, ideas), p2ktd=_p2ktd_rows(event, desa_rows),
        ide=_ide_rows(event, ideas), tanpa_komitmen=_without_commitment(event, desa_rows, hadir),
        ide_luar_desa=len(ideas) - sum(ide_desa[r.kode] for r in desa_rows),
        luar_hari=off_day, luar_hari_dihitung=not event_day_only,
        hari_acara=hari_tanggal(event.acara.tanggal) if event.acara else "",
    )


def _scope(event: Event, kecamatan: Iterable[str] | None, bidang: str | None) -> _Scope:
    kec_codes = resolve_kecamatan(event, kecamatan or [])
    desa = [d for d in event.desa if not kec_codes or kecamatan_of(d.kode) in kec_codes]
    return _Scope(event, kec_codes, resolve_bidang(bidang), desa, {d.kode for d in desa})


def _attendance(scope: _Scope) -> dict[str, set[str]]:
    """The participants of each village in scope who registered (each counted once)."""
    hadir: dict[str, set[str]] = defaultdict(set)
    for entry in scope.event.registrasi:
        person = scope.event.peserta_by_id.get(entry.peserta)
        if person is not None and person.desa in scope.desa_codes:
            hadir[person.desa].add(entry.peserta)
    return hadir


def _stamps(scope: _Scope) -> tuple[Counter[str], Counter[str]]:
    """The stamps per village in scope, and the consultations per innovation."""
    stempel_desa: Counter[str] = Counter()
    konsultasi: Counter[str] = Counter()
    for stamp in scope.event.stempel:
        if not scope.in_bidang(stamp.inovasi):
            continue
        person = scope.event.peserta_by_id.get(stamp.peserta)
        desa = person.desa if person is not None else None
        if scope.kec_codes and desa not in scope.desa_codes:
            continue
        konsultasi[stamp.inovasi] += 1
        if desa in scope.desa_codes:
            stempel_desa[desa] += 1
    return stempel_desa, konsultasi


def _ratings(scope: _Scope) -> dict[str, list[int]]:
    """The ratings of each innovation: the latest of each participant counts once."""
    latest: dict[tuple[str, str], int] = {}
    for rating in sorted(scope.event.penilaian, key=lambda r: r.waktu.timestamp()):
        person = scope.event.peserta_by_id.get(rating.peserta)
        if scope.kec_codes and (person is None or person.desa not in scope.desa_codes):
            continue
        if scope.in_bidang(rating.inovasi):
            latest[(rating.peserta, rating.inovasi)] = rating.nilai
    nilai: dict[str, list[int]] = defaultdict(list)
    for (_, ino_id), value in latest.items():
        nilai[ino_id].append(value)
    return nilai


def _desa_rows(scope: _Scope, hadir: dict[str, set[str]], stempel_desa: Counter[str],
               ide_desa: Counter[str]) -> list[DesaRecap]:
    event = scope.event
    cards = {kode: card for kode, card in latest_cards(event.komitmen).items() if kode in scope.desa_codes}
    kepala = event.kepala_desa_nama
    rows: list[DesaRecap] = []
    for desa in sorted(scope.desa, key=lambda d: d.kode):
        card = cards.get(desa.kode)
        chosen = _unique(i for i in card.inovasi if scope.in_bidang(i)) if card else []
        row = DesaRecap(
            kode=desa.kode, nama=desa.nama, kecamatan=event.kecamatan_of_desa(desa.kode),
            hadir=bool(hadir.get(desa.kode)), peserta_hadir=len(hadir.get(desa.kode, ())),
            stempel=stempel_desa[desa.kode], ide=ide_desa[desa.kode],
            inovasi=chosen, judul=[_title(event, i) for i in chosen],
            kepala_desa=kepala.get(desa.kode, ""),
        )
        if card and chosen:
            row.tahun_apbdes = card.tahun_apbdes
            row.ttd_kepala_desa = card.ttd_kepala_desa
            row.ttd_ketua_bpd = card.ttd_ketua_bpd
            row.waktu_komitmen = card.waktu
        rows.append(row)
    return rows


def _inovasi_rows(scope: _Scope, desa_rows: list[DesaRecap], konsultasi: Counter[str],
                  nilai: dict[str, list[int]]) -> list[InovasiRecap]:
    committed_by_ino: dict[str, list[str]] = defaultdict(list)
    for row in desa_rows:
        for ino_id in row.inovasi:
            committed_by_ino[ino_id].append(row.nama)
    rows = []
    event = scope.event
    shown_ids = [i.id for i in event.inovasi if (i.kept or i.id in committed_by_ino) and scope.in_bidang(i.id)]
    for ino_id in shown_ids:
        ino = event.inovasi_by_id[ino_id]
        values = nilai.get(ino_id, [])
        rows.append(InovasiRecap(
            id=ino.id, judul=ino.judul, bidang=ino.bidang,
            desa_komitmen=len(committed_by_ino.get(ino_id, [])), konsultasi=konsultasi[ino_id],
            nilai_rata=round(sum(values) / len(values), 2) if values else None,
            jumlah_nilai=len(values), biaya=ino.biaya, desa=committed_by_ino.get(ino_id, []),
        ))
    rows.sort(key=lambda r: (-r.desa_komitmen, -r.konsultasi, r.id))
    return rows


def _kecamatan_rows(scope: _Scope, desa_rows: list[DesaRecap]) -> list[KecamatanRecap]:
    event = scope.event
    kec_order = [k for k in (event.acara.wilayah.kecamatan if event.acara else [])
                 if not scope.kec_codes or k.kode in scope.kec_codes]
    out = []
    for kec in kec_order:
        rows = [r for r in desa_rows if kecamatan_of(r.kode) == kec.kode]
        out.append(KecamatanRecap(
            kode=kec.kode, nama=kec.nama, desa=len(rows),
            desa_hadir=sum(r.hadir for r in rows), desa_komitmen=sum(bool(r.inovasi) for r in rows),
            komitmen=sum(r.komitmen for r in rows), stempel=sum(r.stempel for r in rows),
            ide=sum(r.ide for r in rows),
        ))
    return out


def _bidang_rows(scope: _Scope, desa_rows: list[DesaRecap], ideas: list[Ide]) -> list[BidangRecap]:
    event = scope.event
    out = []
    for key in BIDANG_ORDER:
        if scope.bidang and key != scope.bidang:
            continue
        ids = {i.id for i in event.inovasi if i.bidang == key}
        out.append(BidangRecap(
            bidang=key, label=BIDANG_LABEL[key],
            inovasi_menu=sum(1 for i in event.inovasi_terpilih if i.bidang == key),
            komitmen=sum(1 for r in desa_rows for i in r.inovasi if i in ids),
            desa_komitmen=sum(1 for r in desa_rows if any(i in ids for i in r.inovasi)),
            ide=sum(1 for i in ideas if i.bidang == key),
        ))
    return out


def _p2ktd_rows(event: Event, desa_rows: list[DesaRecap]) -> list[P2ktdRecap]:
    """One row per provider (P2KTD) of each innovation a village committed to."""
    out = []
    for row in desa_rows:
        for ino_id in row.inovasi:
            ino = event.inovasi_by_id.get(ino_id)
            for provider_id in (ino.p2ktd if ino else []):
                provider = event.p2ktd_by_id.get(provider_id)
                out.append(P2ktdRecap(
                    p2ktd=provider_id, nama=provider.nama if provider else "(tidak terdaftar)",
                    kontak=(provider.kontak or "") if provider else "",
                    desa_kode=row.kode, desa=row.nama, kecamatan=row.kecamatan,
                    inovasi=ino_id, judul=ino.judul, bidang=ino.bidang,
                ))
    out.sort(key=lambda r: (r.p2ktd, r.desa_kode, r.inovasi))
    return out


def _ide_rows(event: Event, ideas: list[Ide]) -> list[IdeRecap]:
    """The ideas, the most often repeated first."""
    same = Counter(_norm(i.judul) for i in ideas)
    out = []
    for idea in ideas:
        desa_kode = _idea_desa(idea, event)
        person = event.peserta_by_id.get(idea.peserta) if idea.peserta else None
        desa = event.desa_by_kode.get(desa_kode) if desa_kode else None
        out.append(IdeRecap(
            judul=idea.judul, uraian=idea.uraian or "", bidang=idea.bidang or "",
            desa=desa.nama if desa else "", kecamatan=event.kecamatan_of_desa(desa_kode) if desa_kode else "",
            pengusul=person.nama if person else "", serupa=same[_norm(idea.judul)],
        ))
    out.sort(key=lambda r: (-r.serupa, BIDANG_ORDER.index(r.bidang) if r.bidang else 9, _norm(r.judul), r.desa))
    return out


def _without_commitment(event: Event, desa_rows: list[DesaRecap], hadir: dict[str, set[str]]) -> list[TanpaKomitmen]:
    """The villages that attended but committed to nothing (in the bidang chosen)."""
    return [TanpaKomitmen(
        kode=r.kode, nama=r.nama, kecamatan=r.kecamatan,
        peserta=sorted(event.peserta_by_id[p].nama for p in hadir[r.kode]), stempel=r.stempel,
    ) for r in desa_rows if r.hadir and not r.inovasi]


def bidang_short(key: str) -> str:
    return BIDANG_SHORT.get(key, key)


def _idea_desa(idea: Ide, event: Event) -> str | None:
    if idea.desa:
        return idea.desa
    person = event.peserta_by_id.get(idea.peserta) if idea.peserta else None
    return person.desa if person else None


def _idea_kept(idea: Ide, event: Event, kec_codes: list[str], desa_codes: set[str],
               bidang: str | None) -> bool:
    if bidang and idea.bidang != bidang:
        return False
    if kec_codes:
        return _idea_desa(idea, event) in desa_codes
    return True


def _title(event: Event, ino_id: str) -> str:
    ino = event.inovasi_by_id.get(ino_id)
    return ino.judul if ino else ino_id


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())
