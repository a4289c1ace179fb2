"""The desk pages' static files under versioned names: kept by the phone for a year, fetched anew when changed.

A page names each file as `/statis/NAME?v=DIGEST` (`static_url`), the digest
being the start of the file's SHA-256. An answer for the current digest may be
kept for a year without asking again; any other (an old page, or no `v`) must
be checked with the induk first. So a desk reopening its page on a weak
hotspot fetches only the page itself, and a new version of `bursa` reaches the
phones with no stale script left behind.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
FOREVER = "public, max-age=31536000, immutable"
CHECK_FIRST = "no-cache"


@lru_cache(maxsize=64)
def digest(name: str) -> str:
    """The version of a static file: the first 12 hex digits of its SHA-256 (read once per process)."""
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]


def static_url(name: str) -> str:
    """The versioned address of `static/NAME` for a page to link to."""
    return f"/statis/{name}?v={digest(name)}"


class VersionedStatic(StaticFiles):
    """`StaticFiles` whose answers say how long the browser may keep them."""

    def __init__(self) -> None:
        super().__init__(directory=STATIC)

    async def get_response(self, path: str, scope) -> object:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v", [""])[0]
            # only a path StaticFiles found inside STATIC gets here, so reading it is safe
            current = asked and asked == digest(path.replace("\\", "/"))
            response.headers["Cache-Control"] = FOREVER if current else CHECK_FIRST
        return response
