"""The only way WeasyPrint reaches files: the event folder and the package's assets.

Anything else (the network, other folders, a `../` escape, a symlink that
leads out) stops the rendering with a clear Indonesian message instead of a
silently blank image.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname, urlopen

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..codes import message_of
from ..errors import rel
from ..paths import ASSETS
from ..safepath import within


class FetchRefused(FatalURLFetchingError):
    """A resource the document asked for and may not (or cannot) have."""

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code

    @classmethod
    def coded(cls, code: str, **fields) -> "FetchRefused":
        return cls(message_of(code, **fields), code)


class EventFetcher(URLFetcher):
    """Serve `file:` URLs inside the event folder or the package assets, and `data:` URLs."""

    def __init__(self, root: Path, extra: tuple[Path, ...] = ()):
        super().__init__(allowed_protocols=("file", "data"))
        self.root = Path(root).resolve()
        self.allowed = (self.root, ASSETS.resolve(), *(Path(p).resolve() for p in extra))

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            with urlopen(url) as response:  # decoded locally, no network
                body = response.read()
                kind = response.headers.get_content_type()
            return URLFetcherResponse(url, body, {"Content-Type": kind})
        if scheme != "file":
            raise FetchRefused.coded("BUR-C113", alamat=_short(url))
        path = Path(url2pathname(unquote(urlsplit(url).path)))
        shown = rel(path, self.root)
        if not path.exists():
            raise FetchRefused.coded("BUR-C114", berkas=shown)
        real = within(path, *self.allowed)  # the one resolver: symlinks followed, outside refused
        if real is None:
            raise FetchRefused.coded("BUR-C115", berkas=shown)
        if not real.is_file():
            raise FetchRefused.coded("BUR-C116", berkas=shown)
        kind = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(real.as_uri(), real.read_bytes(), {"Content-Type": kind})


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."
