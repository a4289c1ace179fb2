"""HTML and PDF from a template: the one place that calls WeasyPrint.

Every document goes through `Renderer`: the event's Jinja2 environment, a
`base_url` at the event folder, the fetcher that reaches only the event folder
and the package's assets, and the metadata every PDF carries (title, the Dinas
as author, the creation date and the git commit of the event data).
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any, Iterable

from jinja2 import TemplateError, TemplateNotFound, UndefinedError

from ..errors import DataError, Problem, UsageError
from .. import indo
from .env import KERTAS, make_env
from .fetch import EventFetcher, Refused
from ..fsutil import write_atomic
from .origin import Provenance, provenance

class Renderer:
    """Renders templates of one event to HTML and PDF."""

    def __init__(self, event, today: date | None = None, origin: Provenance | None = None):
        self.event = event
        self.root = Path(event.root)
        self.today = today or date.today()
        self.origin = origin or provenance(self.root)
        self.env = make_env(self.root)
        self.fetcher = EventFetcher(self.root)
        self.base_url = self.root.resolve().as_uri() + "/"

    # ---- HTML

    def common(self, title: str) -> dict[str, Any]:
        """What every template gets besides its own context."""
        acara = self.event.acara
        created = datetime.combine(self.today, time(0, 0), tzinfo=timezone.utc)
        author = ""
        if acara is not None:
            author = f"{indo.judul(acara.penyelenggara.nama)} {acara.wilayah.nama}".strip()
        return {
            "acara": acara,
            "event": self.event,
            "dokumen": acara.dokumen if acara else None,
            "hari_ini": self.today,
            "meta": {
                "title": title,
                "author": author,
                "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "commit": self.origin.commit,
                "perubahan": self.origin.perubahan,
            },
            "huruf": acara.dokumen.huruf if acara else "sans",
        }

    def html(self, template: str, context: dict[str, Any], title: str) -> str:
        """The HTML of one document; template errors become a clear user error."""
        try:
            tpl = self.env.get_template(template)
            return tpl.render({**self.common(title), **context})
        except TemplateNotFound as exc:
            raise UsageError(f"Templat '{exc.name}' tidak ditemukan (di templates/ acara maupun bawaan).",
                             hint="Lihat templat bawaan dengan `bursa templat daftar`.") from None
        except UndefinedError as exc:
            raise DataError(f"Templat '{template}' memakai isian yang tidak ada: {exc.message}.",
                            [_template_problem(exc, template)]) from None
        except TemplateError as exc:
            raise DataError(f"Templat '{template}' tidak dapat dipakai: {exc}.",
                            [_template_problem(exc, template)]) from None

    # ---- PDF

    def document(self, html: str, **options):
        """A laid-out WeasyPrint document (pages), ready to write or to join with others.

        `options` go to WeasyPrint's `render` (e.g. `stylesheets` and `font_config`
        parsed once and shared by many documents, as the certificate batches do).
        """
        from weasyprint import HTML

        try:
            return HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(**options)
        except Refused as exc:
            raise DataError(exc.message) from None

    def pdf(self, template: str, context: dict[str, Any], title: str) -> bytes:
        """One template rendered to PDF bytes.

        For many items in one PDF (letters, certificates), loop over them inside
        the template: one WeasyPrint document per batch is far faster than one
        per item.
        """
        return self.pdf_joined([(template, context)], title)[0]

    def pdf_joined(self, parts: Iterable[tuple[str, dict[str, Any]]], title: str) -> tuple[bytes, int]:
        """Several templates (e.g. letters, then a distribution list) as ONE PDF, and its page count."""
        documents = [self.document(self.html(template, context, title)) for template, context in parts]
        if not documents:
            raise ValueError("no parts to render")
        pages = [page for doc in documents for page in doc.pages]
        document = documents[0] if len(documents) == 1 else documents[0].copy(pages)
        return self.write(document), len(pages)

    @staticmethod
    def write(document) -> bytes:
        return document.write_pdf(custom_metadata=True)


def _template_problem(exc: Exception, template: str) -> Problem:
    line = getattr(exc, "lineno", 0) or 0
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or template
    return Problem(str(exc), file=str(name), line=line)


def render_html(event, template: str, context: dict[str, Any], title: str, today: date | None = None) -> str:
    """The HTML of one document of `event` (for golden tests and previews)."""
    return Renderer(event, today=today).html(template, context, title)


def render_pdf(event, template: str, context: dict[str, Any], out_path: Path, title: str,
               today: date | None = None) -> Path:
    """Render one template of `event` to `out_path`, atomically."""
    data = Renderer(event, today=today).pdf(template, context, title)
    write_atomic(Path(out_path), data)
    return Path(out_path)


def page_size(name: str) -> str:
    """The CSS size of a paper name ("F4" -> "215mm 330mm")."""
    return KERTAS[name]
