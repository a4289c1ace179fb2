"""What one desk declares: its role, log kind, request, how it records, its answer and its dialogue.

A `Desk` is data, as `render.kinds.Kind` is for documents: the server adds a
route for it, the terminal loop runs its steps, the browser page reads the same
steps. Nothing here knows the web or the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from ...schema.models import Model, Peserta
from ...schema.types import IdEntri
from ..state import Day

Status = Literal["tercatat", "sudah_tercatat", "sudah_hadir", "perlu_konfirmasi", "ditolak"]
StepKind = Literal["pindai", "desa", "pilih", "pilih_banyak", "angka", "teks", "ya_tidak", "alasan"]
View = Callable[[Peserta], dict[str, Any]]  # a participant as the asking device may see them


class Masuk(Model):
    """What every entry a desk sends has: its own id, so a resend is never written twice."""

    id_entri: IdEntri


@dataclass
class Round:
    """What one round of a desk's dialogue has seen, as the laptop induk shows it.

    `about` is the device's `/api/v1/saya` and `sources` its desk's lists; `peserta`
    and `desa` the views of the participant and the village a step looked up;
    `offered` the list each `pilih` step showed, by field; `values` the answers so
    far. The terminal builds it from the event folder or from the induk alike, so a
    step's functions see the same.
    """

    about: dict[str, Any]
    sources: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    peserta: dict[str, Any] | None = None
    desa: dict[str, Any] | None = None
    offered: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


Offer = Callable[[Round], list[dict[str, Any]]]


@dataclass(frozen=True)
class Step:
    """One question of a desk's dialogue, filling one field of its request.

    `kind`:
    - pindai: a participant's Kartu ID scanned or typed, looked up first (with `cari`,
      a name or a village is searched too; with `baru`, "+baru" or a spare Kartu ID
      opens the dialogue of the desk at that path, for someone not invited);
    - desa: a village by code or name, or by a scanned participant's Kartu ID (with
      `look`, the village's stamps are fetched and shown);
    - pilih / pilih_banyak: one, or several separated by commas, from a numbered list
      (`source` names a list of `Desk.sources`; `offer` computes it from what was seen);
    - angka, teks, ya_tidak;
    - alasan: one text for each item `each` names, kept as {item: text}.

    `optional`: an empty answer leaves the field empty instead of cancelling the entry;
    `default` names the key of `/saya` whose value an empty answer takes. `read` turns
    a typed answer into the field's value, refusing a wrong one (asked again). `when`
    asks the step only when it says yes to the answers so far.
    """

    field: str
    ask: str
    kind: StepKind = "teks"
    source: str = ""
    optional: bool = False
    cari: bool = False
    baru: str = ""
    look: bool = False
    default: str = ""
    read: Callable[[str, Round], Any] | None = None
    offer: Offer | None = None
    when: Callable[[dict[str, Any]], bool] | None = None
    each: Callable[[Round], list[str]] | None = None

    def offered(self, round: Round) -> list[dict[str, Any]]:
        """The numbered list this step shows."""
        if self.offer is not None:
            return self.offer(round)
        return round.sources.get(self.source, [])

    def as_json(self) -> dict[str, Any]:
        return {"isian": self.field, "tanya": self.ask, "jenis": self.kind, "sumber": self.source,
                "boleh_kosong": self.optional}


@dataclass
class Reply:
    """A desk's answer to one request: what `web.models.Jawaban` carries, without the web."""

    status: Status
    pesan: str
    berkas: str | None = None
    baris: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    kode: str | None = None

    def fields(self) -> dict[str, Any]:
        # Shallow: the answer is serialised once right after, so copying `data` deeply (asdict) is waste.
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Desk:
    """One desk role. `record(day, name, asked)` writes the entry (or raises `Refused`,
    `Repeat`, `Duplicate`); `answer(day, result, view)` says what happened.

    `steps` are its dialogue, `intro` the line its terminal shows first, `again` the
    question asked before an entry that repeats an earlier one is sent with `ulang`;
    `opens(day, name, given)` checks, at a laptop with the event folder, what the
    command's options said before the first question (refusing a typo at once).
    `path` is the route under /api/v1/ and the name its request is sent to; `named_by`
    says which name of the device its log carries: its own (`perangkat`) or its
    consultation desk's (`meja`, the stamp desks). `sources` gives each list a step
    picks from, for one device (see `Step.source`).
    """

    peran: str
    path: str
    kind: str
    title: str
    model: type[Masuk]
    record: Callable[[Day, str, Any], Any]
    answer: Callable[[Day, Any, View], Reply]
    steps: tuple[Step, ...] = ()
    intro: str = ""
    again: str = "Catat lagi?"
    opens: Callable[[Day, str, dict[str, Any]], None] | None = None
    named_by: Literal["perangkat", "meja"] = "perangkat"
    sources: Callable[[Day, str], dict[str, list[dict[str, Any]]]] | None = None

    @property
    def route(self) -> str:
        """The route's name (its OpenAPI operation), e.g. registrasi_baru."""
        return self.path.replace("/", "_")

    def steps_json(self) -> list[dict[str, Any]]:
        return [step.as_json() for step in self.steps]


def inovasi_json(inovasi) -> dict[str, Any]:
    """A menu innovation as the desks show it."""
    from ...schema.types import BIDANG_LABEL

    return {"id": inovasi.id, "judul": inovasi.judul, "bidang": inovasi.bidang,
            "bidang_label": BIDANG_LABEL.get(inovasi.bidang, inovasi.bidang), "meja": inovasi.meja}
