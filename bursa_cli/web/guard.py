"""What keeps strangers on the Wi-Fi from hurting the laptop induk.

Two layers, both before any route runs:

- `Guard`, an ASGI middleware: refuses an API request without a valid token
  or session, and any body over `MAX_BODY`, before a byte of the body is read
  (and closes the connection, so the rest is never taken in); answers
  `/induk` only to this laptop, by the name 127.0.0.1 or localhost (DNS
  rebinding); and gives up on a body that trickles in.
- `guarded_protocol`, uvicorn's HTTP protocol with a deadline for the request
  headers (uvicorn itself waits for them forever) and a cap on the
  connections one address may hold.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter

from ..codes import say

MAX_BODY = 128 * 1024  # a Kartu Komitmen with a reason for each of 20 innovations is under 100 KB
BODY_SECONDS = 15  # between two pieces of a body
HEADER_SECONDS = 10  # from the first byte of a request (or of the connection) to its last header
IDLE_SECONDS = 5  # a kept-alive connection with no new request (uvicorn's timeout_keep_alive)
PER_ADDRESS = 32  # connections one address may hold; a browser opens about 6
LOOPBACK = ("127.0.0.1", "::1")
INDUK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def _size(limit: int) -> str:
    return f"{limit // 1024} KB"


def refusal_body(code: str, **fields) -> bytes:
    return json.dumps({"status": "ditolak", "pesan": say(code, **fields)["message"], "kode": code}).encode()


class Guard:
    """The ASGI middleware described above; `hub` authenticates devices."""

    def __init__(self, app, hub, max_body: int = MAX_BODY, body_seconds: float = BODY_SECONDS):
        self.app = app
        self.hub = hub
        self.max_body = max_body
        self.body_seconds = body_seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refused = self._refusal(scope)
        if refused is not None:
            status, code, fields = refused
            return await _send_refusal(send, status, code, fields)
        await self.app(scope, self._bounded(receive), send)

    def _refusal(self, scope) -> tuple[int, str, dict] | None:
        headers = _headers(scope)
        path = scope["path"]
        if path == "/induk" or path.startswith("/induk/"):
            client = scope.get("client") or ("", 0)
            if client[0] not in LOOPBACK:
                return 403, "BUR-W007", {}
            host = _host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in INDUK_HOSTS:
                return 403, "BUR-W008", {"host": host[:60]}
        elif path.startswith("/api/"):
            token = _token(headers)
            if not token:
                return 401, "BUR-W001", {}
            device = self.hub.authenticate(token)
            if device is None:
                return 401, "BUR-W002", {}
            scope.setdefault("state", {})["device"] = device  # `auth.paired` takes it from here
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            return 413, "BUR-W005", {"batas": _size(self.max_body)}
        return None

    def _bounded(self, receive):
        """`receive` that gives up on a body over the limit (sent in chunks) or one that stalls."""
        taken = 0

        async def bounded():
            nonlocal taken
            try:
                # A deadline on this task rather than `wait_for`, which runs each `receive` as a task of
                # its own: a body that is already there is then taken without a turn of the event loop.
                async with asyncio.timeout(self.body_seconds):
                    message = await receive()
            except TimeoutError:
                raise BodyRefused.coded("BUR-W009", 408) from None
            if message["type"] == "http.request":
                taken += len(message.get("body", b""))
                if taken > self.max_body:
                    raise BodyRefused.coded("BUR-W005", 413, batas=_size(self.max_body))
            return message
        return bounded


class BodyRefused(Exception):
    """A body found too big or too slow while a route was reading it; answered by the app."""

    def __init__(self, status: int, code: str, fields: dict):
        super().__init__(code)
        self.status, self.code, self.fields = status, code, fields

    @classmethod
    def coded(cls, code: str, status: int, **fields) -> "BodyRefused":
        """The refusal `code` of the catalogue (its `fields` filled in when answered), with HTTP `status`."""
        return cls(status, code, fields)


async def _send_refusal(send, status: int, code: str, fields: dict) -> None:
    body = refusal_body(code, **fields)
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        # The body not read yet is never read: uvicorn closes the connection after this answer.
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _headers(scope) -> dict[bytes, bytes]:
    return {name: value for name, value in scope.get("headers", ())}


def _host_name(host: str) -> str:
    """The host part of a Host header, without its port, in lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


def _token(headers: dict[bytes, bytes]) -> str:
    """The token a request carries: `Authorization: Bearer`, or the pages' session cookie."""
    from .auth import COOKIE

    header = headers.get(b"authorization", b"").decode("latin-1")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return ""


def guarded_protocol(header_seconds: float = HEADER_SECONDS, per_address: int = PER_ADDRESS,
                     exempt: tuple[str, ...] = LOOPBACK):
    """uvicorn's httptools protocol with a header deadline and a cap on the connections of one
    address (`exempt`: the laptop itself, whose terminal desks and load tests share one address)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    held: Counter = Counter()

    class GuardedProtocol(HttpToolsProtocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._peer = self.client[0] if self.client else ""
            held[self._peer] += 1
            if self._peer not in exempt and held[self._peer] > per_address:
                body = refusal_body("BUR-W014", alamat=self._peer)
                transport.write(b"HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\n"
                                b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body))
                transport.close()
                return
            self._arm()

        def connection_lost(self, exc) -> None:
            held[self._peer] -= 1
            if held[self._peer] <= 0:
                del held[self._peer]
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def send_400_response(self, msg: str) -> None:
            # Not HTTP at all (uvicorn's own answer is English plain text): said in Indonesian, with a code.
            body = refusal_body("BUR-W006", rincian="bentuk permintaan HTTP tidak sah")
            self.transport.write(b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
                                 b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body))
            self.transport.close()

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(header_seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            # Headers that trickle in hold a connection for nothing: drop it, no answer owed.
            if not self.transport.is_closing():
                self.transport.close()

    GuardedProtocol.held = held
    return GuardedProtocol
