"""Long PDFs in batches: one WeasyPrint document per batch of items, in worker processes.

A document declares which list of its context is the long one (`job.pdf(...,
split="penerima")`): letters, Kartu Komitmen, Kartu ID sheets, posters. The
pipeline lays out each batch of `size` items as its own document, in up to
`jobs` worker processes, and merges the batch PDFs into the one file the
officer expects.

Why: WeasyPrint's cost grows faster than the page count in one long document
(852 Kartu Komitmen as one document cost more per page than 75), and one
process uses one core. Batches keep each document short; workers use the other
cores.

Why fork: the workers start from this process after the plan, so they hold the
event, the renderer and the contexts without sending them anywhere. Where fork
is not available (Windows, macOS), the batches are rendered here, one by one.
Every worker dies with the command, even after `kill -9` (`render.lifeline`).

Every batched output resumes: each finished batch is written to a work folder
(`keluaran/.sebagian/NAMA/`) beside a manifest that records, per batch, a hash
of everything the batch is made of (its HTML and the event files it shows). A
batch whose hash is unchanged and whose file exists is kept; the manifest is
rewritten atomically after each batch, so a run killed at any moment leaves
only whole batch files, and the next run renders only the rest before merging.
The work folder goes once the merged file is in place.

An output may also keep its batches apart (`job.pdf(..., apart=Apart(...))`):
certificates are handed out a batch at a time, so each batch is its own file
`NAMA-001.pdf` ... beside its manifest, with a hash the document defines.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .pdf import joined

BATCH = 50  # items per batch: long enough to pay WeasyPrint's start once, short enough to stay linear
MIN_BATCH = 8  # fewer items are laid out in one batch: starting a worker would cost more than it saves

_FORKED: dict = {}  # what the forked workers inherit: the renderer and the batches of the output


def batches(parts: list[tuple[str, dict[str, Any]]], split: str, size: int) -> list[list[tuple[str, dict]]]:
    """The output's first part cut into batches of `size` items of `context[split]`; other parts last.

    Each batch's context says whether it opens the document (`bagian_awal`: a kop, a title) and
    whether it ends it (`bagian_akhir`: a signature); a template without such parts ignores them.
    """
    (template, context), rest = parts[0], parts[1:]
    items = list(context[split])
    cut = [[(template, {**context, split: items[start:start + size],
                        "bagian_awal": start == 0, "bagian_akhir": start + size >= len(items)})]
           for start in range(0, len(items), size)] or [[(template, context)]]
    cut[-1].extend(rest)
    return cut


def render_all(renderer, cut: list[list[tuple[str, dict]]], title: str, jobs: int,
               done: Callable[[int, tuple[bytes, int], float], None], whole_fonts: list[bool] | None = None,
               htmls: list[list[str]] | None = None, warm: bool = False) -> None:
    """Lay out every batch of `cut`, in up to `jobs` forked workers; `done(index, (pdf, pages), seconds)`
    hears of each one in this process, as it finishes. `whole_fonts[i]`: batch i embeds whole fonts;
    `htmls[i]`: batch i's HTML, when already made. With `warm`, this process parses the batches'
    style while the workers lay them out, for a page stamp after (`numbered`): measured on the
    largest event's day list, 0.68 to 0.75 s for the stamp against 1.27 to 1.66 s cold."""
    whole_fonts = whole_fonts or [False] * len(cut)
    htmls = htmls or [None] * len(cut)
    workers = min(jobs, len(cut))
    # A daemonic process (a worker of someone else's pool) may not start workers of its own.
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon:
        _FORKED.update(renderer=renderer, batches=cut, title=title, whole_fonts=whole_fonts, htmls=htmls)
        try:
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_init_forked)
            try:
                results = pool.imap_unordered(_render_forked, range(len(cut)))
                if warm and htmls[0]:
                    renderer.shared_style(htmls[0][0])
                for index, result, seconds in results:
                    done(index, result, seconds)
            except BaseException:
                pool.terminate()  # an error or Ctrl-C: the workers are stopped at once
                raise
            else:
                pool.close()  # the workers end by themselves, removing their font folders (see _init_forked)
            finally:
                pool.join()
        finally:
            _FORKED.clear()
    else:
        for index, batch in enumerate(cut):
            started = time.perf_counter()
            result = _render(renderer, batch, title, whole_fonts[index], htmls[index])
            done(index, result, time.perf_counter() - started)


def _render(renderer, parts: list[tuple[str, dict]], title: str, whole_fonts: bool = False,
            htmls: list[str] | None = None) -> tuple[bytes, int]:
    """One batch as PDF bytes and its page count."""
    htmls = htmls or [renderer.html(template, context, title) for template, context in parts]
    documents = [renderer.document(html, share_style=True) for html in htmls]
    document, pages = joined(documents)
    return renderer.write(document, batch=whole_fonts), pages


def _init_forked() -> None:
    """A forked worker: it dies with its parent, and removes only the font folders it made itself.

    WeasyPrint copies a style's fonts into a temporary folder, removed when its font
    configuration is deleted. A worker inherits the parent's configurations: their
    folders stay the parent's. Its own are removed when it ends normally (`pool.close`);
    without this, every batched print left a 3 MB folder per worker in the temp folder."""
    from multiprocessing import util

    from .lifeline import die_with_parent
    from .pdf import disown_styles, forget_styles

    die_with_parent()
    disown_styles()
    util.Finalize(None, forget_styles, exitpriority=10)


def _render_forked(index: int) -> tuple[int, tuple[bytes, int], float]:
    started = time.perf_counter()
    result = _render(_FORKED["renderer"], _FORKED["batches"][index], _FORKED["title"],
                     _FORKED["whole_fonts"][index], _FORKED["htmls"][index])
    return index, result, time.perf_counter() - started


# --------------------------------------------------------------------------- batches kept apart

MANIFEST = "manifest.json"
FORMAT_VERSION = 2
WHOLE_FONTS_FROM = 10  # items in a kept-apart batch from which its PDF embeds whole fonts


@dataclass
class Apart:
    """How an output keeps its batches as files of their own, resumable (declared by the document).

    `shared` is what every batch depends on besides its items (templates,
    header data, logo), `item` what one item contributes to its batch's hash,
    `label` how the manifest names an item (a village code).
    """

    shared: str = ""
    item: Callable[[Any], str] | None = None  # None: a batch's hash is that of its HTML and files
    label: Callable[[Any], str] | None = None
    merged: str = ""  # also write every batch as this one file (`--gabung`)
    fresh: bool = False  # render every batch again (`--ulang`)
    unit: str = "butir"  # what one item is, for the terminal
    whole_fonts: bool = True  # a long batch embeds whole fonts (files handed out; not for merged ones)


@dataclass
class BatchDone:
    name: str
    pages: int
    items: int
    skipped: bool
    seconds: float = 0.0


@dataclass
class Kept:
    """What an output kept apart left in its folder."""

    folder: Path
    done: list[BatchDone]
    removed: list[str] = field(default_factory=list)
    merged: Path | None = None
    items: int = 0
    unit: str = "butir"
    seconds: float = 0.0  # rendering the batches that changed, start to end

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.done)


def render_apart(renderer, parts: list[tuple[str, dict]], title: str, split: str, size: int, jobs: int,
                 target: Path, apart: Apart, on_batch: Callable[[int, int], None] | None = None,
                 warm: bool = False) -> Kept:
    """The batches of one output as `target`'s stem + `-001.pdf` ... in its folder, resuming a killed run."""
    from ..fsutil import write_atomic

    folder, stem = target.parent, target.stem
    folder.mkdir(parents=True, exist_ok=True)
    for temp in folder.glob(".*.tmp"):  # left by a run killed mid-write (never a finished file)
        temp.unlink(missing_ok=True)
    cut = batches(parts, split, size)
    items = list(parts[0][1][split])
    names = [f"{stem}-{n:03d}.pdf" for n in range(1, len(cut) + 1)]
    htmls = None
    if apart.item is None:
        htmls = [[renderer.html(template, context, title) for template, context in batch] for batch in cut]
        digests = [_html_digest(renderer, html) for html in htmls]
    else:
        digests = [hashlib.sha256((apart.shared + "\n".join(apart.item(i) for i in batch[0][1][split])).encode())
                   .hexdigest() for batch in cut]
    label = apart.label or (lambda item: "")
    held = read_manifest(folder).get("berkas", {})
    todo = [i for i, name in enumerate(names)
            if apart.fresh or held.get(name, {}).get("hash") != digests[i] or not (folder / name).is_file()]
    # Entries of batches that no longer exist are dropped before rendering, so
    # the manifest never vouches for a file about to be removed.
    manifest = {"versi": FORMAT_VERSION, "ukuran": size, "berkas": {n: v for n, v in held.items() if n in names}}
    done: list[BatchDone] = []

    def record(index: int, result: BatchDone, write: bool = True) -> None:
        manifest["berkas"][names[index]] = {"hash": digests[index], "halaman": result.pages,
                                           "butir": [label(i) for i in cut[index][0][1][split]]}
        if write:
            write_manifest(folder, manifest)
        done.append(result)
        if on_batch:
            on_batch(len(done), len(cut))

    for index in (i for i in range(len(cut)) if i not in todo):
        record(index, BatchDone(names[index], held[names[index]].get("halaman", 0),
                                len(cut[index][0][1][split]), skipped=True), write=False)
    if len(todo) < len(cut):
        write_manifest(folder, manifest)  # once for all the kept batches

    def finished(position: int, result: tuple[bytes, int], seconds: float) -> None:
        index = todo[position]
        write_atomic(folder / names[index], result[0])
        record(index, BatchDone(names[index], result[1], len(cut[index][0][1][split]), False, seconds))

    whole = [cut[i] for i in todo]
    whole_fonts = [apart.whole_fonts and len(batch[0][1][split]) >= WHOLE_FONTS_FROM for batch in whole]
    started = time.perf_counter()
    if whole:
        # Whole fonts pay off in a long batch (no subsetting per file); for the one certificate
        # printed on demand at Jendela 3 they cost more: measured on the largest event, 2.25 s
        # against 1.2 s to render and 879 KB against 19 KB.
        render_all(renderer, whole, title, jobs, finished, whole_fonts, htmls and [htmls[i] for i in todo], warm)
    seconds = time.perf_counter() - started
    removed = []
    for name in sorted(held):  # files of an earlier run this run no longer makes (fewer items)
        if name not in names and name.startswith(f"{stem}-") and (folder / name).is_file():
            (folder / name).unlink()
            removed.append(name)
    merged = None
    if apart.merged:
        merged = folder / apart.merged
        joined = hashlib.sha256("".join(digests).encode()).hexdigest()
        if apart.fresh or todo or not merged.is_file() or manifest.get("gabungan") != joined:
            write_atomic(merged, merge([(folder / name).read_bytes() for name in names]))
            manifest["gabungan"] = joined
            write_manifest(folder, manifest)
    done.sort(key=lambda d: d.name)
    return Kept(folder, done, removed, merged, len(items), apart.unit, seconds)


def balanced(count: int, size: int, jobs: int) -> int:
    """Items per batch so that every worker gets as many batches, none longer than `size`.

    Why: 150 posters in batches of 50 give 3 batches to 2 workers, so one worker lays out
    100 posters while the other waits after 50; 4 batches of 38 keep both busy to the end.
    """
    if count <= 0 or jobs <= 1:
        return size
    rounds = -(-count // (size * jobs))  # batches per worker
    return min(size, max(MIN_BATCH, -(-count // (rounds * jobs))))


def render_resumable(renderer, parts: list[tuple[str, dict]], title: str, split: str, size: int, jobs: int,
                     work: Path, fresh: bool = False,
                     on_batch: Callable[[int, int], None] | None = None, warm: bool = False) -> tuple[bytes, int]:
    """One PDF (bytes, pages) from batches kept in the work folder `work`, so a killed run resumes.

    The caller removes `work` once the merged file is in place. Batches a killed run left there
    keep their size, so a run restarted with another `--proses` resumes them all the same.
    """
    size = balanced(len(parts[0][1][split]), size, jobs)
    left = read_manifest(work).get("ukuran")
    if isinstance(left, int) and left > 0 and not fresh:
        size = left
    kept = render_apart(renderer, parts, title, split, size, jobs, work / "batch.pdf",
                        Apart(fresh=fresh, whole_fonts=False), on_batch, warm)
    pdfs = [(kept.folder / done.name).read_bytes() for done in kept.done]
    return (pdfs[0] if len(pdfs) == 1 else merge(pdfs)), kept.pages


_LINKED = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#?]+)["']""")


def _html_digest(renderer, htmls: list[str]) -> str:
    """What a batch's PDF is made of: its HTML, and the event files it links (logo, photos)."""
    digest = hashlib.sha256(FORMAT_VERSION.to_bytes(2, "big"))
    root = renderer.root.resolve()
    for html in htmls:
        digest.update(html.encode())
        for link in sorted(set(_LINKED.findall(html))):
            if ":" in link:  # data:, http:, file: — not an event file named by a relative path
                continue
            path = (root / link).resolve()
            if path.is_relative_to(root) and path.is_file():
                digest.update(link.encode() + path.read_bytes())
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("versi") == FORMAT_VERSION else {}


def write_manifest(folder: Path, manifest: dict) -> None:
    from ..fsutil import write_atomic

    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(folder / MANIFEST, text + "\n")


def numbered(renderer, data: bytes, part: tuple[str, dict], title: str) -> bytes:
    """`data` with its page numbers stamped on, as the template's block `nomor_halaman` writes them.

    Why: a batch cannot count the pages of the batches beside it, so "Halaman X dari Y" of a
    document laid out in batches is laid out once the batches are joined: the same template,
    with `cap_halaman`, gives only the numbers on as many empty pages of the same size, and
    each one is drawn over its page. Measured on the largest event's day list (88 F4 pages): 0.7 s,
    against 5 to 6 s for its two batches side by side.
    """
    from pypdf import PdfReader, PdfWriter

    template, context = part
    reader = PdfReader(io.BytesIO(data))
    html = renderer.html(template, {**context, "cap_halaman": len(reader.pages)}, title)
    # The numbers' own rules are a second <style>: the first is the batches' one, parsed once per process.
    stamps = PdfReader(io.BytesIO(renderer.write(renderer.document(html, share_style=True))))
    writer = PdfWriter(clone_from=reader)
    for page, stamp in zip(writer.pages, stamps.pages, strict=True):
        page.merge_page(stamp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge(pdfs: list[bytes]) -> bytes:
    """The batch PDFs as one file, keeping the first one's metadata (title, author, commit).

    Each batch keeps WeasyPrint's font subsets: measured on 104 letters, whole
    fonts per batch made the merged file 2.5 times larger (911 KB against 367 KB,
    one document: 272 KB) and the merge slower, for no faster rendering.
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    metadata = PdfReader(io.BytesIO(pdfs[0])).metadata
    if metadata:
        writer.add_metadata({key: value for key, value in metadata.items()})
    if hasattr(writer, "compress_identical_objects"):  # pypdf >= 5
        writer.compress_identical_objects()  # its defaults drop duplicates and orphans
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def default_jobs() -> int:
    """Worker processes when `--jobs` is not given: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
