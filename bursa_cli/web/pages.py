"""The pages of `bursa layani`: pairing, one page per desk role, and the induk's own screen.

Pages are server-rendered in Jinja's sandbox with autoescape; the desk logic
in the browser is one plain script (`static/meja.js`) that talks to the JSON
API, so pages and terminal desks share the same answers.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..codes import say
from ..day.area import BAND
from ..day.devices import ROLES, add_device, end_session, redeem_pairing, renew_pairing, revoke_device
from ..errors import PairingRefused
from ..render.qr import qr_svg
from .address import pairing_url
from .auth import COOKIE, csrf_token, from_induk, paired, token_of
from .models import PerangkatMasuk
from .statis import static_url

router = APIRouter()
PAGES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
COOKIE_DAYS = 4

_env = SandboxedEnvironment(loader=FileSystemLoader(PAGES), autoescape=True, undefined=StrictUndefined,
                            trim_blocks=True, lstrip_blocks=True)
_env.globals["statis"] = static_url


def render(name: str, status: int = 200, request: Request | None = None, **context) -> HTMLResponse:
    """A page; with `request`, the base template also learns the server's mode (the rehearsal's band).

    A page is always checked with the induk (its static files are not: statis.py)."""
    if request is not None:
        hub = request.app.state.hub
        context.setdefault("gladi", BAND if getattr(hub, "gladi", False) else "")
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status,
                        headers={"Cache-Control": "no-cache"})


def refusal_page(request: Request, status: int, message: str, judul: str = "", kode: str = "",
                 **extra) -> HTMLResponse:
    """A refusal for a browser: its message, and its code small beside it for the helpdesk."""
    judul = judul or ("Perangkat belum dipasangkan" if status == 401 else "Ditolak")
    return render("pesan.html", status, request, judul=judul, pesan=message, kode=kode, **extra)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    hub = request.app.state.hub
    host = request.client.host if request.client else ""
    if host in ("127.0.0.1", "::1"):
        return RedirectResponse("/induk", status_code=303)
    if hub.authenticate(request.cookies.get(COOKIE, "")) is not None:
        return RedirectResponse("/meja", status_code=303)
    return refusal_page(request, 401, say("BUR-W001")["message"], kode="BUR-W001")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)


QR_TITLES = {"BUR-W011": "QR ini sudah dipakai", "BUR-W012": "QR ini sudah kedaluwarsa",
             "BUR-W013": "QR tidak dikenal"}
QR_NOTE = ("Setiap QR pemasangan memasangkan satu ponsel, sekali, dan hanya berlaku beberapa menit. Petugas "
           "laptop induk membuat QR baru untuk ponsel ini di layar induk (tombol \"QR baru\"), lalu ponsel ini "
           "memindainya dengan aplikasi kamera.")


@router.get("/pasang", include_in_schema=False)
def pair(request: Request, k: str = Query("", max_length=100)) -> Response:
    """Open a pairing QR: this browser gets a session of its own, the QR is spent, the address bar is cleared."""
    hub = request.app.state.hub
    try:
        device, session = redeem_pairing(hub.root, k, zona=hub.day.acara.zona_waktu)
    except PairingRefused as refused:
        return refusal_page(request, 410 if refused.code != "BUR-W013" else 401, refused.message,
                            judul=QR_TITLES[refused.code], keterangan=QR_NOTE, kode=refused.code)
    response = RedirectResponse("/meja", status_code=303)
    response.set_cookie(COOKIE, session, max_age=COOKIE_DAYS * 86400, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")
    return response


@router.get("/meja", include_in_schema=False)
def desk(request: Request, device=Depends(paired)) -> HTMLResponse:
    hub = request.app.state.hub
    return render("meja.html", request=request, device=device, peran=ROLES[device.peran], data=hub.about(device),
                  csrf=csrf_token(hub.secret, device.id), dekoder=static_url("vendor/jsQR.js"))


@router.get("/meja-sw.js", include_in_schema=False)
def service_worker() -> Response:
    """The desk pages' service worker, from the site's root so that its scope can be /meja."""
    return FileResponse(STATIC / "sw-meja.js", media_type="text/javascript", headers={"Cache-Control": "no-cache"})


@router.post("/keluar", include_in_schema=False)
async def leave(request: Request) -> Response:
    """Unpair this browser: a form of the desk page, with its CSRF token in the form (never a link
    another site can open)."""
    hub = request.app.state.hub
    token, by_cookie = token_of(request)
    device = hub.authenticate(token)
    if device is None:
        code = "BUR-W002" if token else "BUR-W001"
        return refusal_page(request, 401, say(code)["message"], kode=code)
    sent = parse_qs((await request.body()).decode("utf-8", "replace")).get("csrf", [""])[0]
    if not hmac.compare_digest(sent, csrf_token(hub.secret, device.id)):
        return refusal_page(request, 403, say("BUR-W003", halaman="meja")["message"], kode="BUR-W003")
    if by_cookie:
        end_session(hub.root, token)
    response = render("pesan.html", judul="Perangkat dilepas",
                      pesan="Browser ini tidak lagi terpasang. Untuk memakainya lagi, minta QR pemasangan baru "
                            "ke petugas laptop induk.")
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/induk", include_in_schema=False, dependencies=[Depends(from_induk)])
def induk(request: Request) -> HTMLResponse:
    """The laptop induk's own screen: where desks connect, and the paired devices."""
    hub = request.app.state.hub
    base = request.app.state.base_url
    return render("induk.html", request=request, acara=hub.day.acara.nama, alamat=base, alamat_semua=_urls(request),
                  perangkat=hub.devices(), peran=ROLES, meja=sorted(hub.day.event.meja_ruang),
                  csrf=csrf_token(hub.secret, "induk"), menit=request.app.state.qr_minutes)


def _urls(request: Request) -> list[tuple[str, str, bool]]:
    """(url, interface, chosen) for every LAN address of this laptop, when it has more than one."""
    base = request.app.state.base_url
    scheme, _, rest = base.partition("://")
    port = rest.rpartition(":")[2] if rest.count(":") == 1 else ""
    urls = [(f"{scheme}://{a.ip}" + (f":{port}" if port else ""), a.antarmuka) for a in request.app.state.addresses]
    return [(url, name, url == base) for url, name in urls] if len(urls) > 1 else []


def _pairing_answer(request: Request, made) -> JSONResponse:
    url = pairing_url(request.app.state.base_url, made.kode)
    return JSONResponse({"status": "tercatat", "pesan": f"QR pemasangan {made.device.id} dibuat.",
                         "data": {"id": made.device.id, "url": url, "qr": qr_svg(url), "sampai": made.sampai[11:16]}})


@router.post("/induk/perangkat", include_in_schema=False, dependencies=[Depends(from_induk)])
def add(asked: PerangkatMasuk, request: Request) -> JSONResponse:
    hub = request.app.state.hub
    made = add_device(hub.root, asked.peran, asked.meja or None, asked.nama,
                      known_desks=set(hub.day.event.meja_ruang), zona=hub.day.acara.zona_waktu,
                      berlaku=request.app.state.qr_minutes)
    return _pairing_answer(request, made)


@router.post("/induk/perangkat/{device_id}/qr", include_in_schema=False, dependencies=[Depends(from_induk)])
def new_qr(device_id: str, request: Request) -> JSONResponse:
    """A new pairing QR for a device whose QR was used or has expired."""
    hub = request.app.state.hub
    return _pairing_answer(request, renew_pairing(hub.root, device_id, zona=hub.day.acara.zona_waktu,
                                                  berlaku=request.app.state.qr_minutes))


@router.post("/induk/perangkat/{device_id}/cabut", include_in_schema=False, dependencies=[Depends(from_induk)])
def revoke(device_id: str, request: Request) -> JSONResponse:
    hub = request.app.state.hub
    gone = revoke_device(hub.root, device_id, zona=hub.day.acara.zona_waktu)
    return JSONResponse({"status": "tercatat", "pesan": f"Perangkat {gone.id} dicabut."})
