"""Who may ask what: paired devices only, each limited to its role and desk.

A device proves itself with its token, either as `Authorization: Bearer` (the
terminal desks, scripts) or as the HttpOnly cookie set when its pairing URL
was opened (the pages). A cookie is sent by the browser on its own, so a
write made with it must also carry the page's CSRF token, which only a page
served to that device knows.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import HTTPException, Request

from ..day.devices import ROLES, Perangkat

COOKIE = "bursa_perangkat"
CSRF_HEADER = "x-bursa-csrf"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


class Refusal(HTTPException):
    """An HTTP refusal whose Indonesian `pesan` the answer carries."""


def csrf_token(secret: bytes, device_id: str) -> str:
    return hmac.new(secret, f"csrf:{device_id}".encode(), hashlib.sha256).hexdigest()[:40]


def token_of(request: Request) -> tuple[str, bool]:
    """The token the request carries and whether it came in the cookie."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip(), False
    return request.cookies.get(COOKIE, ""), True


async def paired(request: Request) -> Perangkat:
    """The device making this request; 401 when it carries no valid token."""
    hub = request.app.state.hub
    token, by_cookie = token_of(request)
    if not token:
        raise Refusal(401, "Perangkat ini belum dipasangkan. Pindai QR pemasangan dari `bursa perangkat tambah`.")
    device = hub.authenticate(token)
    if device is None:
        raise Refusal(401, "Token perangkat tidak dikenal atau sudah dicabut. Minta QR pemasangan baru ke "
                           "petugas laptop induk.")
    if by_cookie and request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent, csrf_token(hub.secret, device.id)):
            raise Refusal(403, "Permintaan ditolak: tidak datang dari halaman meja ini (CSRF). Muat ulang halaman.")
    return device


def role(*allowed: str):
    """A dependency: the paired device, refused with 403 unless its role is one of `allowed`.

    It calls `paired` itself rather than depending on it: one dependency to solve
    per request instead of two, on the routes every desk calls for each entry.
    """
    async def check(request: Request) -> Perangkat:
        device = await paired(request)
        if device.peran not in allowed:
            names = ", ".join(ROLES[r] for r in allowed)
            raise Refusal(403, f"Perangkat {device.id} ({ROLES[device.peran]}) tidak boleh melakukan ini; "
                               f"hanya untuk: {names}.")
        return device
    return check


def from_induk(request: Request) -> None:
    """The laptop induk's own screen: only from this laptop itself, and only with its CSRF token for writes."""
    host = request.client.host if request.client else ""
    if host not in LOOPBACK:
        raise Refusal(403, "Layar induk hanya dapat dibuka di laptop induk sendiri.")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent, csrf_token(request.app.state.hub.secret, "induk")):
            raise Refusal(403, "Permintaan ditolak: tidak datang dari layar induk (CSRF). Muat ulang halaman.")
