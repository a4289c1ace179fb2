"""The JSON API under /api/v1/: what the pages and the terminal desks send.

Each route parses its request, checks the device's role, calls one `Hub`
method and returns its answer; nothing here reads or writes a log. The desks'
POST routes are made from the registry in `day/desks/`, one per desk.
"""

from __future__ import annotations

import inspect
from typing import Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from ..day.devices import Perangkat
from .auth import at_a_desk, paired, role
from ..day.desks import DESKS as DESK_REGISTRY, Desk, Masuk
from .models import Jawaban, Ringkasan
from .contract import EVERY_ROUTE, document, entry_responses, responses

router = APIRouter(prefix="/api/v1")


def _answer(jawaban: Jawaban) -> Response:
    # Serialised by pydantic in one step, not dumped to a dict and then to JSON.
    return Response(jawaban.model_dump_json(), status_code=jawaban.http_status, media_type="application/json")


def _hub(request: Request):
    return request.app.state.hub


@router.get("/saya", responses=responses(*EVERY_ROUTE))
def about(request: Request, device: Perangkat = Depends(paired)) -> dict:
    """Who this device is, and what its desk page needs to start."""
    return _hub(request).about(device)


@router.get("/peserta/{peserta_id}", responses=responses(*EVERY_ROUTE, 403, 404, 503))
def peserta(peserta_id: str, request: Request, device: Perangkat = Depends(at_a_desk)) -> dict:
    return _hub(request).peserta(device, peserta_id)


@router.get("/peserta", responses=responses(*EVERY_ROUTE, 403, 422, 503))
def cari_peserta(request: Request, cari: str = Query(..., min_length=1, max_length=100),
                 device: Perangkat = Depends(role("registrasi", "komitmen", "ide"))) -> list[dict]:
    return _hub(request).search_peserta(device, cari)


@router.get("/desa", responses=responses(*EVERY_ROUTE, 403, 422))
def cari_desa(request: Request, cari: str = Query(..., min_length=1, max_length=100),
              device: Perangkat = Depends(at_a_desk)) -> list[dict]:
    return _hub(request).search_desa(cari)


@router.get("/desa/{kode}", responses=responses(*EVERY_ROUTE, 403, 404, 503))
def desa(kode: str, request: Request, device: Perangkat = Depends(role("komitmen"))) -> dict:
    """A village at Jendela 3, with its stamps from every desk."""
    return _hub(request).desa(kode)


def _desk_route(desk: Desk) -> Callable:
    """The POST route of one desk: its request model in, the desk's answer out."""
    async def record(asked: Masuk, request: Request, device: Perangkat = Depends(role(desk.peran))) -> Response:
        return _answer(await _hub(request).record(desk, device, asked))

    # FastAPI reads the body's model from the signature: each desk's own, not the base.
    signature = inspect.signature(record)
    record.__signature__ = signature.replace(parameters=[
        signature.parameters["asked"].replace(annotation=desk.model),
        signature.parameters["request"].replace(annotation=Request),
        signature.parameters["device"].replace(annotation=Perangkat),
    ], return_annotation=Response)
    record.__name__ = desk.route
    record.__doc__ = f"{desk.title}: catat satu entri."
    return record


def desk_router() -> APIRouter:
    """One POST route per desk of the registry, as it stands when the app is made."""
    desks = APIRouter(prefix="/api/v1")
    for desk in DESK_REGISTRY:
        desks.add_api_route(f"/{desk.path}", _desk_route(desk), methods=["POST"], name=desk.route,
                            responses=entry_responses())
    return desks


@router.get("/sertifikat/{kode}.pdf",
            responses=responses(*EVERY_ROUTE, 403, 404, 422, 503, media="application/pdf"))
def sertifikat(kode: str, request: Request, device: Perangkat = Depends(role("komitmen"))) -> Response:
    """One village's certificate, rendered on the spot for Jendela 3."""
    data, name = _hub(request).certificate(kode)
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/ringkasan", responses=responses(*EVERY_ROUTE, 403, 503))
def ringkasan(request: Request, device: Perangkat = Depends(role("pantau", "komitmen"))) -> Ringkasan:
    """The board of the day: registrations, stamps per room and desk, commitments per bidang."""
    return _hub(request).summary()


@router.get("/openapi.json", responses=responses(*EVERY_ROUTE))
def contract(request: Request, device: Perangkat = Depends(paired)) -> dict:
    """This API's contract (OpenAPI): every route, every status it answers, and the codes it carries."""
    return JSONResponse(document(request.app))
