"""HTML and PDF from a template: the one place that calls WeasyPrint.

Every document goes through `Renderer`: the event's Jinja2 environment, a
`base_url` at the event folder, the fetcher that reaches only the event folder
and the package's assets, and the metadata every PDF carries (title, the Dinas
as author, the creation date and the git commit of the event data).
"""

from __future__ import annotations

import atexit
import re
from datetime import date, datetime, time, timezone
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from ..errors import DataError, Problem, UsageError
from .. import indo
from ..paths import BUILTIN_TEMPLATES
from .env import BUILTIN_PREFIX, EVENT_TEMPLATES, make_env
from .origin import Provenance, provenance


class Renderer:
    """Renders templates of one event to HTML and PDF."""

    def __init__(self, event, today: date | None = None, origin: Provenance | None = None):
        self.event = event
        self.root = Path(event.root)
        self.today = today or date.today()
        self.origin = origin or provenance(self.root)
        self.env = _event_env(self.root)
        self.base_url = self.root.resolve().as_uri() + "/"

    # ---- HTML

    def common(self, title: str) -> dict[str, Any]:
        """What every template gets besides its own context."""
        acara = self.event.acara
        created = datetime.combine(self.today, time(0, 0), tzinfo=timezone.utc)
        author = ""
        if acara is not None:
            dinas = indo.judul(acara.penyelenggara.nama, [acara.penyelenggara.singkatan])
            author = f"{dinas} {acara.wilayah.nama}".strip()
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
            raise UsageError.coded("BUR-C123", templat=exc.name) from None
        except TemplateError as exc:
            problem = _template_problem(exc, template, self.root)
            if isinstance(exc, UndefinedError):
                detail = problem.message[:1].lower() + problem.message[1:]
            else:
                detail = f"ada kesalahan di {problem.file}" + (f" baris {problem.line}." if problem.line else ".")
            raise DataError.coded("BUR-C124", problems=[problem], templat=template, rincian=detail) from None

    # ---- PDF

    @cached_property
    def fetcher(self):
        """The URL fetcher WeasyPrint must use; made on first use, as it loads WeasyPrint."""
        from .fetch import EventFetcher

        return EventFetcher(self.root)

    def document(self, html: str, share_style: bool = False, **options):
        """A laid-out WeasyPrint document (pages), ready to write or to join with others.

        With `share_style`, the page's <style> is parsed once per Renderer and
        handed to WeasyPrint already parsed, with its fonts (see `shared_style`).
        Other `options` go to WeasyPrint's `render`. The user-agent sheet is
        lean where the document allows it (see `useragent`).
        """
        from .pango import require_pango

        require_pango()  # before WeasyPrint is imported: its own failure is an English traceback
        from .fetch import FetchRefused
        from .useragent import PrintHTML, can_be_lean

        lean = can_be_lean(html)
        if share_style:
            html, shared = self.shared_style(html)
            options = {**shared, **options}
        try:
            return PrintHTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher,
                             lean=lean).render(**options)
        except FetchRefused as exc:
            raise DataError(exc.message, code=exc.code) from None

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
            raise ValueError("no parts to render")  # teks bebas: invarian internal, bug bila terjadi
        document, pages = joined(documents)
        return self.write(document), pages

    def shared_style(self, html: str) -> tuple[str, dict]:
        """The HTML without its <style>, and that style parsed once for this Renderer.

        Why: every batch of a long output carries the same <style> (fonts, page,
        layout); parsing it and loading its @font-face fonts once per process,
        then handing WeasyPrint the parsed sheet and font configuration, saves
        that work on every later batch.
        """
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        found = _STYLE.search(html)
        if found is None:
            return html, {}
        text = found.group(1)
        key = (text, self.base_url)
        held = _STYLES.get(key)
        if held is None:
            fonts = FontConfiguration()
            sheet = CSS(string=text, base_url=self.base_url, url_fetcher=self.fetcher, font_config=fonts)
            if len(_STYLES) >= 8:
                _STYLES.clear()
            held = _STYLES[key] = (sheet, fonts)
        return html[:found.start()] + html[found.end():], {"stylesheets": [held[0]], "font_config": held[1]}

    @staticmethod
    def write(document, batch: bool = False) -> bytes:
        """The PDF bytes of a laid-out document; `batch` for one file of a batched output."""
        return document.write_pdf(**(BATCH_PDF_OPTIONS if batch else PDF_OPTIONS))


REPEATED = "ulangi-"  # id of a section laid out once, after the first item, and printed after every item
ITEM = "butir-"  # id of each item's section (a letter), where its pages begin


def joined(documents) -> tuple[Any, int]:
    """The laid-out documents as one (the first, or a copy holding every page), and its page count.

    A document may hold a section marked `id="ulangi-…"` after its first item
    (the hari-H letter's lampiran): it is laid out once, and its pages are put
    after every item's pages (`id="butir-…"`) instead of being laid out 1,745
    times. The same page drawn again costs no layout.
    """
    pages = [page for doc in documents for page in _repeated_after_each(doc.pages)]
    if len(documents) == 1 and len(pages) == len(documents[0].pages):
        return documents[0], len(pages)
    return documents[0].copy(pages), len(pages)


def _repeated_after_each(pages: list) -> list:
    # A section split over pages carries its id on each of them: an item starts where its id is first seen.
    def first_pages(prefix: str) -> list[int]:
        seen: set[str] = set()
        firsts = []
        for index, page in enumerate(pages):
            new = {name for name in page.anchors if name.startswith(prefix)} - seen
            if new:
                firsts.append(index)
                seen |= new
        return firsts

    repeated = first_pages(REPEATED)
    if not repeated:
        return pages
    starts = first_pages(ITEM)
    end = next((s for s in starts if s > repeated[0]), len(pages))
    shared = pages[repeated[0]:end]
    result: list = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(pages)
        result += [page for index, page in enumerate(pages[start:stop], start) if not repeated[0] <= index < end]
        result += shared
    return pages[:starts[0]] + result if starts else pages


# Kept for the life of the process (a warm `bursa layani` printing one certificate at a time):
# compiling the templates and parsing the style with its fonts cost ~0.4 s and ~0.3 s a print.
_ENVS: dict[tuple, Any] = {}
_STYLES: dict[tuple[str, str], tuple] = {}
# Dropped before the interpreter tears its modules down: a font configuration deleted after
# that prints "Exception ignored in FontConfiguration.__del__" on an officer's terminal.
atexit.register(_STYLES.clear)


def forget_styles() -> None:
    """Drop the styles parsed in this process, and with them their fonts' temporary folders."""
    import gc

    _STYLES.clear()
    gc.collect()  # a laid-out document keeps its font configuration in a cycle: deleted only by the collector


def disown_styles() -> None:
    """In a forked worker: the styles inherited from the parent keep working, but their fonts'
    folders are the parent's to remove (`FontConfiguration._folder`, removed on deletion)."""
    for _, fonts in _STYLES.values():
        fonts._folder = None


def _event_env(root: Path):
    """The event's Jinja environment, made once per process while its templates/ folder is unchanged.

    Jinja reloads a template whose file changed; a file added to or removed from the
    event's templates/ (an override appearing) changes the key, so a new one is made.
    """
    folder = root / EVENT_TEMPLATES
    try:
        listing = tuple(sorted((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns)
                               for p in folder.rglob("*"))) if folder.is_dir() else ()
    except OSError:
        listing = None
    key = (str(root.resolve()), listing)
    env = _ENVS.get(key) if listing is not None else None
    if env is None:
        env = make_env(root)
        if listing is not None:
            if len(_ENVS) >= 8:
                _ENVS.clear()
            _ENVS[key] = env
    return env


PDF_OPTIONS = {"custom_metadata": True}
# Each batch embeds its fonts whole instead of a subset: subsetting (fontTools) costs
# about 0.35 s per PDF, the largest fixed cost of a batch, for ~0.9 MB more per file.
BATCH_PDF_OPTIONS = {**PDF_OPTIONS, "optimize_images": True, "jpeg_quality": 85, "dpi": 200, "full_fonts": True}
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


_UNDEFINED = (re.compile(r"^'(?P<name>[^']+)' is undefined$"),
              re.compile(r"has no attribute '(?P<name>[^']+)'$"),
              re.compile(r"has no element '?(?P<name>[^']+?)'?$"))


def _template_problem(exc: TemplateError, template: str, root: Path) -> Problem:
    """A Jinja error in Indonesian, at its template file and line; Jinja's own text goes in `value`."""
    file, line = _template_place(exc, template, root)
    original = str(exc.message if exc.message is not None else exc)
    if isinstance(exc, UndefinedError):
        found = next((m for m in (r.search(original) for r in _UNDEFINED) if m), None)
        name = found.group("name") if found else original
        message = f"Isian '{name}' tidak ada di data templat."
    elif isinstance(exc, SecurityError):
        message = (f"Templat {file}{f' baris {line}' if line else ''} mencoba memakai bagian dalam Python "
                   "yang tidak diizinkan; templat hanya boleh memakai isian data dan filter bursa.")
    elif isinstance(exc, TemplateSyntaxError):
        message = (f"Templat {file} baris {line} tidak dapat dibaca: periksa penulisan "
                   "{{ ... }} dan {% ... %} di baris itu.")
    else:
        where = f" baris {line}" if line else ""
        message = f"Templat {file}{where} gagal dijalankan."
    return Problem(message, file=file, line=line, column=1 if line else 0, value=original)


def _template_place(exc: TemplateError, template: str, root: Path) -> tuple[str, int]:
    """The template file (as the user sees it) and line where `exc` happened.

    Why the traceback: errors while rendering carry no line; Jinja rewrites the
    traceback so that its last template frame points at the template line.
    """
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", 0) or 0
    if not line:
        tb = exc.__traceback__
        while tb is not None:
            if "__jinja_exception__" in tb.tb_frame.f_globals:
                filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    if not filename or filename == "<template>":
        return template, line
    path = Path(filename)
    if path.is_absolute():
        try:
            return path.resolve().relative_to(root.resolve()).as_posix(), line
        except ValueError:
            try:
                return f"{BUILTIN_PREFIX}/{path.resolve().relative_to(BUILTIN_TEMPLATES.resolve()).as_posix()}", line
            except ValueError:
                return path.name, line
    return str(filename), line

