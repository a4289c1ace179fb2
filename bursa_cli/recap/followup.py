"""The follow-up recap: where every commitment stands after the fair, across one or more events.

`followup_state` reads one loaded event and gives one `Langkah` per commitment in
force (a village and an innovation on its Kartu Komitmen), with its latest step.
`build_followup` counts them per kabupaten, kecamatan, innovation, bidang and
P2KTD. It never prints and never writes.

Rules that are not obvious:
- The latest step is the one written last (`waktu`), so a step back with its
  reason is the commitment's state (see `schema.followup.history`).
- A commitment counts as budgeted (and its rupiah in the totals) while its
  latest step is apbdes, pelaksanaan or selesai; the amount and fund are those
  of its latest apbdes entry, which corrects an earlier one. A commitment that
  stepped back to rkp-desa or was dropped is no longer budgeted.
- Replicated ("tingkat replikasi") means carried out: pelaksanaan or selesai.
- Past its APBDes year with no news: no step at all, and `per` (today by
  default) is after 31 December of the year its card names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable

from ..schema.event import Event
from ..schema.followup import TAHAP_ORDER, committed_pairs, history
from ..schema.types import BIDANG_LABEL, BIDANG_ORDER, kecamatan_of

TANPA_KABAR = "tanpa-kabar"
BUDGETED = ("apbdes", "pelaksanaan", "selesai")
CARRIED_OUT = ("pelaksanaan", "selesai")
NO_P2KTD = "-"


@dataclass
class Langkah:
    """One commitment in force and its latest known step."""

    kabupaten: str
    kecamatan_kode: str
    kecamatan: str
    desa_kode: str
    desa: str
    inovasi: str
    judul: str
    bidang: str
    tahun_apbdes: int
    tahap: str = TANPA_KABAR
    tanggal: date | None = None
    nilai: int | None = None
    sumber: str | None = None
    perdes: str | None = None
    p2ktd: list[str] = field(default_factory=list)
    keterangan: str = ""
    alasan: str = ""
    langkah: int = 0  # how many steps were recorded
    waktu: datetime | None = None  # when the latest step was written

    @property
    def dianggarkan(self) -> bool:
        return self.tahap in BUDGETED

    @property
    def anggaran(self) -> int:
        """The rupiah that stands budgeted for this commitment (0 when not budgeted)."""
        return (self.nilai or 0) if self.dianggarkan else 0


@dataclass
class Hitungan:
    """The counts of one group of commitments (a kecamatan, an innovation, a bidang, ...)."""

    kunci: str
    nama: str
    induk: str = ""  # the kabupaten, or the bidang of an innovation
    per_tahap: Counter = field(default_factory=Counter)  # latest step -> commitments
    desa: set = field(default_factory=set)
    nilai: Counter = field(default_factory=Counter)  # fund -> rupiah budgeted

    @property
    def komitmen(self) -> int:
        return sum(self.per_tahap.values())

    def sampai(self, tahap: str) -> int:
        """Commitments whose latest step is `tahap` or further on the way (dropped ones excluded)."""
        later = TAHAP_ORDER[TAHAP_ORDER.index(tahap):TAHAP_ORDER.index("batal")]
        return sum(self.per_tahap[t] for t in later)

    @property
    def dilaksanakan(self) -> int:
        return sum(self.per_tahap[t] for t in CARRIED_OUT)

    @property
    def tingkat(self) -> float | None:
        """Replication rate: carried out or finished, per commitment (None without commitments)."""
        return self.dilaksanakan / self.komitmen if self.komitmen else None

    @property
    def nilai_total(self) -> int:
        return sum(self.nilai.values())

    def add(self, row: Langkah) -> None:
        self.per_tahap[row.tahap] += 1
        self.desa.add((row.kabupaten, row.desa_kode))
        if row.dianggarkan and row.nilai:
            self.nilai[row.sumber or "lainnya"] += row.nilai


@dataclass
class FollowupRecap:
    """Every view of the follow-up recap."""

    acara: list[str]
    per: date
    ringkasan: Hitungan
    langkah: list[Langkah]
    kabupaten: list[Hitungan]
    kecamatan: list[Hitungan]
    inovasi: list[Hitungan]
    bidang: list[Hitungan]
    p2ktd: list[Hitungan]
    batal: list[Langkah]
    lewat_tahun: list[Langkah]  # past their APBDes year with no news
    alasan: list[tuple[str, int]]  # reason for dropping -> commitments, most frequent first

    def ringkasan_dict(self) -> dict[str, int]:
        """The `ringkasan` of the JSON: commitments in force by their latest step, and the rupiah budgeted."""
        s = self.ringkasan
        return {"komitmen": s.komitmen, "rkp_desa": s.per_tahap["rkp-desa"], "apbdes": s.per_tahap["apbdes"],
                "pelaksanaan": s.per_tahap["pelaksanaan"], "selesai": s.per_tahap["selesai"],
                "batal": s.per_tahap["batal"], "tanpa_kabar": s.per_tahap[TANPA_KABAR],
                "nilai_apbdes": int(s.nilai_total)}


def followup_state(event: Event) -> list[Langkah]:
    """One row per commitment in force of `event`, with its latest follow-up step."""
    kabupaten = event.acara.wilayah.nama if event.acara else ""
    steps = history(event.tindak_lanjut)
    rows: list[Langkah] = []
    for (kode, ino_id), card in sorted(committed_pairs(event.komitmen_berlaku).items()):
        desa = event.desa_by_kode.get(kode)
        item = event.inovasi_by_id.get(ino_id)
        if desa is None or item is None:
            continue  # validasi reports it (BUR-R002, BUR-K004)
        kec = kecamatan_of(kode)
        row = Langkah(kabupaten=kabupaten, kecamatan_kode=kec, kecamatan=event.kecamatan_nama.get(kec, kec),
                      desa_kode=kode, desa=desa.nama, inovasi=ino_id, judul=item.judul, bidang=item.bidang,
                      tahun_apbdes=card.tahun_apbdes)
        _apply(row, steps.get((kode, ino_id), ()))
        rows.append(row)
    return rows


def _apply(row: Langkah, steps: Iterable) -> None:
    helpers: dict[str, None] = {}
    for entry in steps:
        row.langkah += 1
        row.tahap, row.tanggal, row.waktu = entry.tahap, entry.tanggal, entry.waktu
        row.keterangan = entry.keterangan or ""
        row.alasan = entry.alasan or "" if entry.tahap == "batal" else ""
        if entry.tahap == "apbdes":
            row.nilai, row.sumber, row.perdes = entry.nilai, entry.sumber, entry.perdes
        helpers.update(dict.fromkeys(entry.p2ktd))
    row.p2ktd = list(helpers)


def build_followup(states: list[tuple[str, list[Langkah], dict[str, str]]], per: date | None = None) -> FollowupRecap:
    """Count the commitments of one or more events by where they stand.

    Each of `states` is (event name, its rows, its P2KTD id -> name). P2KTD are
    kept apart per kabupaten: each district keeps its own directory and ids.
    """
    per = per or date.today()
    ringkasan = Hitungan("semua", "Semua")
    kabupaten: dict[str, Hitungan] = {}
    kecamatan: dict[tuple, Hitungan] = {}
    inovasi: dict[tuple, Hitungan] = {}
    bidang = {key: Hitungan(key, BIDANG_LABEL[key]) for key in BIDANG_ORDER}
    p2ktd: dict[tuple, Hitungan] = {}
    rows: list[Langkah] = []
    for acara, event_rows, names in states:
        for row in event_rows:
            rows.append(row)
            ringkasan.add(row)
            kabupaten.setdefault(acara, Hitungan(acara, row.kabupaten)).add(row)
            kecamatan.setdefault((row.kabupaten, row.kecamatan_kode),
                                 Hitungan(row.kecamatan_kode, row.kecamatan, row.kabupaten)).add(row)
            inovasi.setdefault((row.kabupaten, row.inovasi),
                               Hitungan(row.inovasi, row.judul, row.kabupaten)).add(row)
            bidang[row.bidang].add(row)
            for provider in row.p2ktd or [NO_P2KTD]:
                name = "(belum ada P2KTD yang mendampingi)" if provider == NO_P2KTD else names.get(provider, provider)
                p2ktd.setdefault((row.kabupaten, provider), Hitungan(provider, name, row.kabupaten)).add(row)
    dropped = [r for r in rows if r.tahap == "batal"]
    late = [r for r in rows if r.tahap == TANPA_KABAR and per > date(r.tahun_apbdes, 12, 31)]
    reasons = Counter(" ".join(r.alasan.split()) or "(tanpa alasan)" for r in dropped)
    return FollowupRecap(
        acara=[name for name, _, _ in states], per=per, ringkasan=ringkasan, langkah=rows,
        kabupaten=list(kabupaten.values()),
        kecamatan=sorted(kecamatan.values(), key=lambda h: (h.induk, h.kunci)),
        inovasi=sorted(inovasi.values(), key=lambda h: (-h.komitmen, -h.dilaksanakan, h.induk, h.kunci)),
        bidang=list(bidang.values()),
        p2ktd=sorted(p2ktd.values(), key=lambda h: (h.kunci == NO_P2KTD, h.induk, h.kunci)),
        batal=sorted(dropped, key=lambda r: (r.kabupaten, r.desa_kode, r.inovasi)),
        lewat_tahun=sorted(late, key=lambda r: (r.kabupaten, r.desa_kode, r.inovasi)),
        alasan=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def by_kecamatan(rows: Iterable[Langkah]) -> dict[str, list[Langkah]]:
    """Rows grouped by kecamatan code, in code order (for the export and the letters)."""
    grouped: dict[str, list[Langkah]] = defaultdict(list)
    for row in rows:
        grouped[row.kecamatan_kode].append(row)
    return dict(sorted(grouped.items()))
