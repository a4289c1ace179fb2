"""The pages of `bursa layani`: pairing, one page per desk role, and the induk's own screen.

Pages are server-rendered in Jinja's sandbox with autoescape; the desk logic
in the browser is one plain script (`static/meja.js`) that talks to the JSON
API, so pages and terminal desks share the same answers.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..day.devices import ROLES, add_device, revoke_device
from ..render.qr import qr_svg
from .address import pairing_url
from .auth import COOKIE, csrf_token, from_induk, paired
from .models import PerangkatMasuk

router = APIRouter()
PAGES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
COOKIE_DAYS = 4

_env = SandboxedEnvironment(loader=FileSystemLoader(PAGES), autoescape=True, undefined=StrictUndefined,
                            trim_blocks=True, lstrip_blocks=True)


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def refusal_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("pesan.html", status, judul="Perangkat belum dipasangkan" if status == 401 else "Ditolak",
                  pesan=message)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    hub = request.app.state.hub
    host = request.client.host if request.client else ""
    if host in ("127.0.0.1", "::1"):
        return RedirectResponse("/induk", status_code=303)
    if hub.authenticate(request.cookies.get(COOKIE, "")) is not None:
        return RedirectResponse("/meja", status_code=303)
    return refusal_page(request, 401, "Perangkat ini belum dipasangkan. Pindai QR pemasangan yang diberikan "
                                      "petugas laptop induk.")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/pasang", include_in_schema=False)
def pair(request: Request, t: str = Query("", max_length=100)) -> Response:
    """Open a pairing URL: the token becomes this browser's cookie and leaves the address bar."""
    hub = request.app.state.hub
    device = hub.authenticate(t)
    if device is None:
        return refusal_page(request, 401, "QR pemasangan ini tidak dikenal atau sudah dicabut. Minta QR baru ke "
                                          "petugas laptop induk.")
    response = RedirectResponse("/meja", status_code=303)
    response.set_cookie(COOKIE, t, max_age=COOKIE_DAYS * 86400, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
    return response


@router.get("/meja", include_in_schema=False)
def desk(request: Request, device=Depends(paired)) -> HTMLResponse:
    hub = request.app.state.hub
    return render("meja.html", device=device, peran=ROLES[device.peran], data=hub.about(device),
                  csrf=csrf_token(hub.secret, device.id))


@router.get("/meja-sw.js", include_in_schema=False)
def service_worker() -> Response:
    """The desk pages' service worker, from the site's root so that its scope can be /meja."""
    return FileResponse(STATIC / "sw-meja.js", media_type="text/javascript", headers={"Cache-Control": "no-cache"})


@router.get("/keluar", include_in_schema=False)
def leave() -> Response:
    response = render("pesan.html", judul="Perangkat dilepas",
                      pesan="Perangkat ini tidak lagi terpasang. Pindai QR pemasangan untuk memasangkannya lagi.")
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/induk", include_in_schema=False, dependencies=[Depends(from_induk)])
def induk(request: Request) -> HTMLResponse:
    """The laptop induk's own screen: where desks connect, and the paired devices."""
    hub = request.app.state.hub
    base = request.app.state.base_url
    return render("induk.html", acara=hub.day.acara.nama, alamat=base, qr=qr_svg(base),
                  perangkat=hub.devices(), peran=ROLES, meja=sorted(hub.day.event.meja_ruang),
                  csrf=csrf_token(hub.secret, "induk"))


@router.post("/induk/perangkat", include_in_schema=False, dependencies=[Depends(from_induk)])
def add(asked: PerangkatMasuk, request: Request) -> JSONResponse:
    hub = request.app.state.hub
    made = add_device(hub.root, asked.peran, asked.meja or None, asked.nama,
                      known_desks=set(hub.day.event.meja_ruang), zona=hub.day.acara.zona_waktu)
    url = pairing_url(request.app.state.base_url, made.token)
    return JSONResponse({"status": "tercatat", "pesan": f"Perangkat {made.device.id} dibuat.",
                         "data": {"id": made.device.id, "url": url, "qr": qr_svg(url)}})


@router.post("/induk/perangkat/{device_id}/cabut", include_in_schema=False, dependencies=[Depends(from_induk)])
def revoke(device_id: str, request: Request) -> JSONResponse:
    hub = request.app.state.hub
    gone = revoke_device(hub.root, device_id, zona=hub.day.acara.zona_waktu)
    return JSONResponse({"status": "tercatat", "pesan": f"Perangkat {gone.id} dicabut."})
