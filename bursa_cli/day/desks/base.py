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
StepKind = Literal["pindai", "pilih", "angka", "teks", "ya_tidak"]
View = Callable[[Peserta], dict[str, Any]]  # a participant as the asking device may see them


class Masuk(Model):
    """What every entry a desk sends has: its own id, so a resend is never written twice."""

    id_entri: IdEntri


@dataclass(frozen=True)
class Step:
    """One question of a desk's dialogue, filling one field of its request.

    `kind`: pindai (a Kartu ID scanned or typed), pilih (a number from a list), angka,
    teks, ya_tidak. `source` names where a list comes from (`Desk.sources` computes it
    from the day); `optional`: an empty answer leaves the field empty instead of
    cancelling the entry.
    """

    field: str
    ask: str
    kind: StepKind = "teks"
    source: str = ""
    optional: bool = False

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
