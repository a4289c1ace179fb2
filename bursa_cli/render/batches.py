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
"""

from __future__ import annotations

import io
import multiprocessing
import os
from typing import Any, Callable

BATCH = 50  # items per batch: long enough to pay WeasyPrint's start once, short enough to stay linear

_FORKED: dict = {}  # what the forked workers inherit: the renderer and the batches of the output


def batches(parts: list[tuple[str, dict[str, Any]]], split: str, size: int) -> list[list[tuple[str, dict]]]:
    """The output's first part cut into batches of `size` items of `context[split]`; other parts last."""
    (template, context), rest = parts[0], parts[1:]
    items = list(context[split])
    cut = [[(template, {**context, split: items[start:start + size]})]
           for start in range(0, len(items), size)] or [[(template, context)]]
    cut[-1].extend(rest)
    return cut


def render_batched(renderer, parts: list[tuple[str, dict]], title: str, split: str, size: int,
                   jobs: int, on_batch: Callable[[int, int], None] | None = None) -> tuple[bytes, int]:
    """One PDF (bytes, pages) made of batches laid out apart, in `jobs` processes, then merged."""
    cut = batches(parts, split, size)
    results: list[tuple[bytes, int] | None] = [None] * len(cut)
    workers = min(jobs, len(cut))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        _FORKED.update(renderer=renderer, batches=cut, title=title)
        try:
            with multiprocessing.get_context("fork").Pool(workers, initializer=_init_forked) as pool:
                for index, result in pool.imap_unordered(_render_forked, range(len(cut))):
                    results[index] = result
                    if on_batch:
                        on_batch(sum(r is not None for r in results), len(cut))
        finally:
            _FORKED.clear()
    else:
        for index, batch in enumerate(cut):
            results[index] = _render(renderer, batch, title)
            if on_batch:
                on_batch(index + 1, len(cut))
    if len(results) == 1:
        return results[0]
    return merge([data for data, _ in results]), sum(pages for _, pages in results)


def _render(renderer, parts: list[tuple[str, dict]], title: str) -> tuple[bytes, int]:
    """One batch as PDF bytes and its page count."""
    documents = [renderer.document(renderer.html(template, context, title), share_style=True)
                 for template, context in parts]
    pages = [page for doc in documents for page in doc.pages]
    document = documents[0] if len(documents) == 1 else documents[0].copy(pages)
    return renderer.write(document), len(pages)


def _init_forked() -> None:
    from .lifeline import die_with_parent

    die_with_parent()


def _render_forked(index: int) -> tuple[int, tuple[bytes, int]]:
    return index, _render(_FORKED["renderer"], _FORKED["batches"][index], _FORKED["title"])


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
