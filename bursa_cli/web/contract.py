"""The desk API's contract, as data: every status each route answers, with its answer model and codes.

A route passes `responses(...)` to its decorator; the OpenAPI document built
from the routes (`document`) then says exactly what a desk can get back. It is
served to paired devices at /api/v1/openapi.json (FastAPI's own /docs and
/openapi.json stay off), and a test drives every route with each role's token
against it. A status not listed here is a bug.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import Field

from .. import __version__
from ..schema.models import Model
from .models import Jawaban

KODE = r"^BUR-[A-Z][0-9]{3}$"


class Penolakan(Model):
    """Every answer that is not 200: a refusal, or a question before an entry is recorded again."""

    status: Literal["ditolak", "perlu_konfirmasi"]
    pesan: str = Field(description="Pesan berbahasa Indonesia untuk petugas meja")
    kode: str = Field(pattern=KODE, description="Kode masalah dari katalog; `bursa validasi --jelaskan KODE`")
    berkas: Optional[str] = Field(None, description="Log tempat entri yang sama tercatat (perlu_konfirmasi)")
    baris: Optional[int] = None
    data: dict[str, Any] = Field(default_factory=dict)


# status -> (what it means, the codes it carries); "..." stands for the codes of the desks' own refusals.
STATUSES: dict[int, tuple[str, tuple[str, ...]]] = {
    401: ("Perangkat belum dipasangkan, atau token/sesinya tidak dikenal atau sudah dicabut.",
          ("BUR-W001", "BUR-W002")),
    403: ("Peran atau meja perangkat ini tidak boleh melakukan ini, atau tanda CSRF halaman tidak cocok.",
          ("BUR-W003", "BUR-W004", "BUR-W024")),
    404: ("Peserta, desa atau Kartu Komitmen yang disebut alamatnya tidak ada.",
          ("BUR-W031", "BUR-W032", "BUR-W025", "BUR-W010", "...")),
    408: ("Isi permintaan terlalu lambat datang.", ("BUR-W009",)),
    409: ("Halaman dibuka untuk mode lain (gladi/hari-H), atau entri yang sama sudah tercatat dan perlu "
          "dikonfirmasi (status perlu_konfirmasi).", ("BUR-G006", "BUR-W030", "...")),
    413: ("Isi permintaan lebih besar dari batasnya.", ("BUR-W005",)),
    422: ("Isi atau pilihan permintaan tidak sah, atau entri ditolak meja (peserta atau inovasi tidak "
          "dikenal, nilai di luar 1-5, dsb.).", ("BUR-W006", "BUR-W016", "BUR-W026", "...")),
    503: ("Laptop induk tidak dapat membaca atau menulis log; entri BELUM tercatat dan dikirim ulang.",
          ("BUR-W015", "BUR-M110")),
}

EVERY_ROUTE = (401, 409, 413)  # the guard and the device check stand before every route
READS_LOGS = (503,)
ENTRY = (*EVERY_ROUTE, 403, 408, 422, *READS_LOGS)  # a desk's POST of one entry


def responses(*statuses: int, answer: type | None = None, media: str = "") -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route answering `statuses` besides 200 (each a `Penolakan` with its codes);
    `answer` is the 200's model, `media` its content type when it is not JSON (a PDF)."""
    declared: dict[int | str, dict[str, Any]] = {}
    if answer is not None:
        declared[200] = {"model": answer}
    if media:
        declared[200] = {"content": {media: {"schema": {"type": "string", "format": "binary"}}},
                         "description": "Berkasnya"}
    for status in sorted(set(statuses)):
        meaning, codes = STATUSES[status]
        shown = ", ".join(c for c in codes if c != "...") + (", dan kode penolakan meja" if "..." in codes else "")
        declared[status] = {"model": Penolakan, "description": f"{meaning} Kode: {shown}."}
    return declared


def entry_responses() -> dict[int | str, dict[str, Any]]:
    """What a desk's POST of one entry answers: `Jawaban` when recorded, else a `Penolakan`."""
    return responses(*ENTRY, answer=Jawaban)


def document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of the desk API (/api/v1/ only), built once per app."""
    built = getattr(app.state, "contract", None)
    if built is None:
        built = get_openapi(title="bursa layani: API meja", version=__version__, routes=app.routes,
                            description="Jawaban laptop induk untuk meja yang sudah dipasangkan. Setiap "
                                        "penolakan membawa `pesan` dan `kode` dari katalog kode masalah.")
        ours = [(path, item) for path, item in built["paths"].items() if path.startswith("/api/v1/")]
        # The app tries the desks' POST routes first (every entry takes one); the document lists the
        # reading routes first, then the desks' writes, each in the order they are declared.
        built["paths"] = dict(sorted(ours, key=lambda pair: "post" in pair[1]))
        _own_validation_answer(built)
        built["components"]["securitySchemes"] = {"token": {"type": "http", "scheme": "bearer"}}
        built["security"] = [{"token": []}]
        app.state.contract = built
    return built


def _own_validation_answer(built: dict[str, Any]) -> None:
    """FastAPI documents its own 422 body for a route with parameters; this server answers a
    `Penolakan` (BUR-W006) instead, so the document says so."""
    ours = responses(422)[422]
    for item in built["paths"].values():
        for operation in item.values():
            answer = operation.get("responses", {}).get("422")
            if answer and "HTTPValidationError" in str(answer):
                operation["responses"]["422"] = {
                    "description": ours["description"],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Penolakan"}}}}
    for name in ("HTTPValidationError", "ValidationError"):
        built["components"]["schemas"].pop(name, None)
