"""The JSON API under /api/v1/: what the pages and the terminal desks send.

Each route parses its request, checks the device's role, calls one `Hub`
method and returns its answer; nothing here reads or writes a log.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..day.devices import Perangkat
from .auth import paired, role
from .models import IdeMasuk, Jawaban, KomitmenMasuk, NilaiMasuk, PesertaBaruMasuk, RegistrasiMasuk, StempelMasuk

router = APIRouter(prefix="/api/v1")
DESKS = ("registrasi", "stempel", "nilai", "ide", "komitmen")


def _answer(jawaban: Jawaban) -> Response:
    # Serialised by pydantic in one step, not dumped to a dict and then to JSON.
    return Response(jawaban.model_dump_json(), status_code=jawaban.http_status, media_type="application/json")


def _hub(request: Request):
    return request.app.state.hub


@router.get("/saya")
def about(request: Request, device: Perangkat = Depends(paired)) -> dict:
    """Who this device is, and what its desk page needs to start."""
    return _hub(request).about(device)


@router.get("/peserta/{peserta_id}")
def peserta(peserta_id: str, request: Request, device: Perangkat = Depends(role(*DESKS))) -> dict:
    return _hub(request).peserta(device, peserta_id)


@router.get("/peserta")
def cari_peserta(request: Request, cari: str = Query(..., min_length=1, max_length=100),
                 device: Perangkat = Depends(role("registrasi", "komitmen", "ide"))) -> list[dict]:
    return _hub(request).search_peserta(device, cari)


@router.get("/desa")
def cari_desa(request: Request, cari: str = Query(..., min_length=1, max_length=100),
              device: Perangkat = Depends(role("registrasi", "komitmen", "ide"))) -> list[dict]:
    return _hub(request).search_desa(cari)


@router.get("/desa/{kode}")
def desa(kode: str, request: Request, device: Perangkat = Depends(role("komitmen"))) -> dict:
    """A village at Jendela 3, with its stamps from every desk."""
    return _hub(request).desa(kode)


@router.post("/registrasi")
async def registrasi(asked: RegistrasiMasuk, request: Request,
               device: Perangkat = Depends(role("registrasi"))) -> Response:
    return _answer(await _hub(request).register(device, asked))


@router.post("/registrasi/baru")
async def registrasi_baru(asked: PesertaBaruMasuk, request: Request,
                    device: Perangkat = Depends(role("registrasi"))) -> Response:
    return _answer(await _hub(request).register_walk_in(device, asked))


@router.post("/stempel")
async def stempel(asked: StempelMasuk, request: Request, device: Perangkat = Depends(role("stempel"))) -> Response:
    return _answer(await _hub(request).stamp(device, asked))


@router.post("/penilaian")
async def penilaian(asked: NilaiMasuk, request: Request, device: Perangkat = Depends(role("nilai"))) -> Response:
    return _answer(await _hub(request).rate(device, asked))


@router.post("/ide")
async def ide(asked: IdeMasuk, request: Request, device: Perangkat = Depends(role("ide"))) -> Response:
    return _answer(await _hub(request).idea(device, asked))


@router.post("/komitmen")
async def komitmen(asked: KomitmenMasuk, request: Request,
             device: Perangkat = Depends(role("komitmen"))) -> Response:
    return _answer(await _hub(request).commit(device, asked))


@router.get("/sertifikat/{kode}.pdf")
def sertifikat(kode: str, request: Request, device: Perangkat = Depends(role("komitmen"))) -> Response:
    """One village's certificate, rendered on the spot for Jendela 3."""
    data, name = _hub(request).certificate(kode)
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/ringkasan")
def ringkasan(request: Request, device: Perangkat = Depends(role("pantau", "komitmen"))) -> dict:
    """The board of the day: registrations, stamps per room and desk, commitments per bidang."""
    return _hub(request).summary()
