"""Who may ask what: paired devices only, each limited to its role and desk.

A device proves itself with its token as `Authorization: Bearer` (the
terminal desks, scripts), or with the session the browser was given in an
HttpOnly cookie when it opened its pairing QR (the pages). A cookie is sent by
the browser on its own, so a write made with it must also carry the page's
CSRF token, which only a page served to that device knows. Every refusal
carries a BUR-W code and its Indonesian message.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import HTTPException, Request

from ..codes import say
from ..day.devices import ROLES, Perangkat

COOKIE = "bursa_perangkat"
CSRF_HEADER = "x-bursa-csrf"
MODE_HEADER = "x-bursa-mode"  # "gladi" or "hari": the mode a desk page was opened in
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


class Refusal(HTTPException):
    """An HTTP refusal whose Indonesian `pesan` and code (BUR-W...) the answer carries."""

    def __init__(self, status: int, message: str, code: str):
        super().__init__(status, message)
        self.kode = code

    @classmethod
    def coded(cls, code: str, status: int, **fields) -> "Refusal":
        """The refusal `code` of the catalogue, answered with HTTP `status`."""
        return cls(status, say(code, **fields)["message"], code)


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
        raise Refusal.coded("BUR-W001", 401)
    # The guard has checked an API request's token already, before its body was read.
    device = request.scope.get("state", {}).get("device") or hub.authenticate(token)
    if device is None:
        raise Refusal.coded("BUR-W002", 401)
    if by_cookie and request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent, csrf_token(hub.secret, device.id)):
            raise Refusal.coded("BUR-W003", 403, halaman="meja")
    mode = request.headers.get(MODE_HEADER)
    if mode and (mode == "gladi") != bool(getattr(hub, "gladi", False)):
        # A page left open since the rehearsal (or opened for the day) talking to the other mode:
        # its queued entries are dropped, never written to the wrong logs.
        raise Refusal.coded("BUR-G006", 409, halaman="gladi bersih" if mode == "gladi" else "hari-H",
                      induk="hari-H" if mode == "gladi" else "gladi bersih")
    return device


def role(*allowed: str):
    """A dependency: the paired device, refused with 403 unless its role is one of `allowed`.

    It calls `paired` itself rather than depending on it: one dependency to solve
    per request instead of two, on the routes every desk calls for each entry.
    """
    async def check(request: Request) -> Perangkat:
        device = await paired(request)
        if device.peran not in allowed:
            raise Refusal.coded("BUR-W004", 403, perangkat=device.id, peran=ROLES[device.peran],
                          boleh=", ".join(ROLES[r] for r in allowed))
        return device
    return check


def from_induk(request: Request) -> None:
    """The laptop induk's own screen: only from this laptop itself, and only with its CSRF token for writes.

    The guard has refused other clients and foreign Host names already; this checks again, for an
    app served without it.
    """
    host = request.client.host if request.client else ""
    if host not in LOOPBACK:
        raise Refusal.coded("BUR-W007", 403)
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent, csrf_token(request.app.state.hub.secret, "induk")):
            raise Refusal.coded("BUR-W003", 403, halaman="layar induk")


async def at_a_desk(request: Request) -> Perangkat:
    """A dependency: a paired device of a role with a desk in the registry (`day/desks/`), which may
    look a participant up; read when asked, so a role added to the registry needs nothing here."""
    from ..day.desks import DESKS

    return await role(*dict.fromkeys(desk.peran for desk in DESKS))(request)

