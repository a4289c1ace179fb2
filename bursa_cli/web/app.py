"""The ASGI app of `bursa layani`: the API, the desk pages and their static files.

Nothing is fetched from outside: every script and style is served from the
package, and the desk pages use the phone's own fonts. Text answers are
gzipped and static files kept by the browser under versioned names (statis.py),
so a desk opens on a weak hotspot. Every answer carries strict security
headers, and every refusal is JSON with an Indonesian `pesan` and a BUR-W code
(or an Indonesian page for a browser). `guard.Guard` stands in front of it all.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from ..codes import say
from ..errors import BursaError, Forbidden, NotFound
from . import api, pages
from .address import Alamat
from .guard import BodyRefused, Guard
from .hub import Hub
from .statis import VersionedStatic

SECURITY_HEADERS = {
    # Scripts, styles and images from this server only: markup typed at a desk can never run.
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
                                "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # a pairing URL carries a token: never pass it on
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
}


def create_app(root: Path, hub: Hub | None = None, base_url: str = "http://127.0.0.1:8000",
               addresses: tuple[Alamat, ...] = (), qr_minutes: int = 15, gladi: bool = False) -> FastAPI:
    """The server for the event at `root` (its `Hub` opened here unless given).

    `base_url` is the address desks are given, `addresses` every LAN address of this laptop
    (shown on /induk), `qr_minutes` how long a pairing QR made on /induk stays valid, `gladi`
    the rehearsal (entries in gladi/log/).
    """
    app = FastAPI(title="bursa layani", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.hub = hub or Hub(Path(root), gladi)
    app.state.base_url = base_url
    app.state.addresses = addresses
    app.state.qr_minutes = qr_minutes
    app.include_router(api.desk_router())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/statis", VersionedStatic(), name="statis")

    app.add_middleware(GZipMiddleware, minimum_size=600)  # innermost: compresses what the app answers
    app.add_middleware(Guard, hub=app.state.hub)
    app.add_middleware(SecurityHeaders)  # outermost: the guard's refusals carry the headers too

    @app.exception_handler(StarletteHTTPException)
    async def refused(request: Request, exc: StarletteHTTPException):
        cause = exc.__cause__
        if isinstance(cause, BodyRefused):  # too big or too slow while the route read it
            return _refusal(cause.status, cause.code, **cause.fields)
        code = getattr(exc, "kode", "")
        if not code:
            if exc.status_code in (404, 405):
                return _refusal(exc.status_code, "BUR-W010", alamat=request.url.path[:80])
            # FastAPI's own "There was an error parsing the body", in English: said again in Indonesian.
            return _refusal(exc.status_code, "BUR-W006", rincian="isinya tidak dapat dibaca sebagai JSON")
        if request.method == "GET" and not request.url.path.startswith("/api/") and exc.status_code in (401, 403):
            return pages.refusal_page(request, exc.status_code, str(exc.detail), kode=code)
        return _refusal(exc.status_code, code, pesan=str(exc.detail))

    @app.exception_handler(BodyRefused)
    async def body_refused(request: Request, exc: BodyRefused):
        return _refusal(exc.status, exc.code, **exc.fields)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for error in exc.errors()[:5]:
            where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
            parts.append(f"{where or 'isi'}: {_message(error)}")
        return _refusal(422, "BUR-W006", rincian="; ".join(parts))

    @app.exception_handler(BursaError)
    async def data_problem(request: Request, exc: BursaError):
        status = 403 if isinstance(exc, Forbidden) else 404 if isinstance(exc, NotFound) else 422
        detail = exc.message
        code = getattr(exc, "code", "") or "BUR-W016"  # a desk's refusal may carry its own (errors.Refused)
        if exc.problems:
            first = exc.problems[0]
            detail += f" ({first.location()}: {first.message})"
            code = first.code or code
        return _answer(status, detail, code)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):
        # A bug keeps its traceback (uvicorn prints it); the desk still gets an answer it can show.
        return _refusal(500, "BUR-W018")

    @app.exception_handler(OSError)
    async def cannot_write(request: Request, exc: OSError):
        # A full disk or a read-only log: nothing was recorded, and the desk keeps the entry queued.
        where = f" {exc.filename}" if exc.filename else ""
        return _refusal(503, "BUR-W015", berkas=where, sebab=exc.strerror or str(exc))

    return app


class SecurityHeaders:
    """Add `SECURITY_HEADERS` (and no-store for the API) to every answer.

    A plain ASGI middleware: Starlette's `BaseHTTPMiddleware` costs the event
    loop more than a desk's whole entry does.
    """

    def __init__(self, app):
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = self.headers + ([(b"cache-control", b"no-store")] if scope["path"].startswith("/api/") else [])

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def _answer(status: int, pesan: str, code: str) -> JSONResponse:
    return JSONResponse({"status": "ditolak", "pesan": pesan, "kode": code}, status_code=status)


def _refusal(status: int, code: str, pesan: str = "", **fields) -> JSONResponse:
    """A refusal with the catalogue's message for `code` (or `pesan`, already said from it)."""
    return _answer(status, pesan or say(code, **fields)["message"], code)


MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci ini tidak dikenal",
    "string_too_short": "tidak boleh kosong",
    "string_too_long": "terlalu panjang",
    "int_parsing": "harus angka bulat",
    "bool_parsing": "harus true atau false",
    "string_type": "harus teks",
    "list_type": "harus daftar",
    "dict_type": "harus pasangan kunci dan nilai",
    "json_invalid": "bukan JSON yang sah",
    "string_pattern_mismatch": "bentuknya tidak sah",
    "too_short": "tidak boleh kosong",
    "too_long": "terlalu banyak",
}


def _message(error: dict) -> str:
    return MESSAGES.get(error.get("type", ""), "nilainya tidak sah")
