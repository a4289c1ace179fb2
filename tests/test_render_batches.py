"""Long outputs in batches: the same pages and text as one document, merged into one file, in workers."""

from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader

from bursa_cli.errors import UsageError
from bursa_cli.render import batches
from bursa_cli.render.job import Options, plan
from render_helpers import ORIGIN, TODAY, pdf_pages, run
from support import bursa, kill_9_with_workers, plain


def test_batches_cut_the_long_list_and_keep_the_other_parts_last():
    parts = [("a.html", {"kartu": list(range(7)), "judul": "x"}), ("b.html", {"daftar": [1]})]
    cut = batches.batches(parts, "kartu", 3)
    assert [[c["kartu"] for _, c in batch[:1]] for batch in cut] == [[[0, 1, 2]], [[3, 4, 5]], [[6]]]
    assert [len(batch) for batch in cut] == [1, 1, 2] and cut[-1][1] == parts[1]
    assert all(c["judul"] == "x" for batch in cut for _, c in batch[:1])
    assert parts[0][1]["kartu"] == list(range(7))  # the plan's own context is not changed


@pytest.mark.parametrize("count, size, jobs, expected", [
    (150, 50, 2, 38),  # 4 batches: 2 each, not 3 batches (100 against 50)
    (167, 50, 2, 42),  # Kartu ID sheets: 42, 42, 42, 41
    (852, 50, 2, 48),  # 18 batches
    (100, 50, 2, 50),  # already even
    (30, 50, 2, 15),  # one batch each
    (1, 50, 2, 8),  # a few items: one batch, no worker started (MIN_BATCH)
    (12, 50, 2, 8),
    (150, 50, 1, 50),  # one process: the declared size
])
def test_batches_are_sized_so_every_worker_gets_as_many(count, size, jobs, expected):
    got = batches.balanced(count, size, jobs)
    assert got == expected and got <= size
    cut = -(-count // got)
    assert cut % jobs == 0 or cut < jobs


def test_a_daemonic_process_lays_out_its_batches_itself(monkeypatch):
    """Inside a worker of another pool (which may not have children), the batches are laid out there."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "daemon", property(lambda self: True))
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: pytest.fail("a pool was started"))

    class Renderer:
        def html(self, template, context, title):
            return "".join(f"<p>{item}</p>" for item in context["butir"])

        def document(self, html, share_style=False):
            from weasyprint import HTML
            return HTML(string=html).render()

        def write(self, document, batch=False):
            return document.write_pdf()

    cut = batches.batches([("x.html", {"butir": list(range(20))})], "butir", 10)
    done = []
    batches.render_all(Renderer(), cut, "judul", 2, lambda index, result, seconds: done.append((index, result[1])))
    assert done == [(0, 1), (1, 1)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_batched_kartu_komitmen_equals_one_document(minimal_event, monkeypatch, jobs):
    """One card a batch, rendered here or in 2 workers: one file, the same pages as one document."""
    job = plan("kartu-komitmen", minimal_event, Options(today=TODAY), origin=ORIGIN)
    try:
        output = job.outputs[0]
        single, single_pages = job.renderer.pdf_joined(output.parts, output.title)
    finally:
        job.finish()
    monkeypatch.setattr(batches, "BATCH", 1)
    heard = []
    result = run("kartu-komitmen", minimal_event, jobs=jobs, on_batch=lambda *a: heard.append(a))
    path = result.folder / "kartu-komitmen.pdf"
    cards = len(output.parts[0][1]["kartu"])
    assert cards == 2 and result.outputs[0].pages == single_pages == cards
    assert sorted(heard) == [(1, 2, "kartu-komitmen.pdf"), (2, 2, "kartu-komitmen.pdf")]
    one = [" ".join(p.split()) for p in pdf_pages(single)]
    assert [" ".join(p.split()) for p in pdf_pages(path)] == one
    assert PdfReader(str(path)).metadata.title == output.title


def test_an_interrupted_batched_print_resumes_where_it_stopped(minimal_event, monkeypatch):
    """Ctrl-C after the first of two batches: the next run renders only the second, then merges."""
    monkeypatch.setattr(batches, "BATCH", 1)
    rendered = []
    real = batches._render
    monkeypatch.setattr(batches, "_render", lambda *a, **k: (rendered.append(a[1][0][1]["kartu"]), real(*a, **k))[1])

    def interrupt(done, total, name):
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run("kartu-komitmen", minimal_event, jobs=1, on_batch=interrupt)
    out, work = minimal_event / "keluaran", minimal_event / "keluaran" / ".sebagian"
    assert not (out / "kartu-komitmen.pdf").exists() and len(rendered) == 1
    assert [p.name for p in work.glob("*/*.pdf")] == ["batch-001.pdf"]
    first = rendered[0]
    result = run("kartu-komitmen", minimal_event, jobs=1)
    assert len(rendered) == 2 and rendered[1] != first  # only the batch still missing
    assert result.outputs[0].pages == 2 and not work.exists()
    fresh = run("kartu-komitmen", minimal_event, jobs=1)  # nothing held over: both batches again
    assert len(rendered) == 4 and fresh.outputs[0].pages == 2
    assert pdf_pages(out / "kartu-komitmen.pdf")[0].split() != []


def test_a_print_resumed_with_other_jobs_keeps_the_batches_it_has(minimal_event, monkeypatch):
    """Killed with --proses 2 (two batches of one card) after the first, resumed with --proses 1,
    whose batch would hold both cards: the finished batch is kept, only the second is laid out."""
    monkeypatch.setattr(batches, "BATCH", 2)
    monkeypatch.setattr(batches, "MIN_BATCH", 1)
    assert batches.balanced(2, 2, 2) == 1 and batches.balanced(2, 2, 1) == 2

    def interrupt(done, total, name):
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run("kartu-komitmen", minimal_event, jobs=2, on_batch=interrupt)
    work = minimal_event / "keluaran" / ".sebagian"
    [kept] = work.glob("*/batch-00?.pdf")  # the workers run side by side: either may finish first
    before = kept.read_bytes()
    rendered = []
    real = batches._render
    monkeypatch.setattr(batches, "_render", lambda *a, **k: (rendered.append(a[1][0][1]["kartu"]), real(*a, **k))[1])
    result = run("kartu-komitmen", minimal_event, jobs=1)
    assert len(rendered) == 1 and len(rendered[0]) == 1  # the second card's batch only
    assert result.outputs[0].pages == 2 and not work.exists()
    assert before[:4] == b"%PDF"


def test_a_refused_batched_print_leaves_no_batches(minimal_event, monkeypatch):
    """A template error in a later batch is the user's to fix: no work folder is left for it."""
    monkeypatch.setattr(batches, "BATCH", 1)
    real = batches._render

    def fail_second(renderer, parts, *args):
        if parts[0][1]["kartu"] != first[0]:
            raise UsageError("rusak")
        return real(renderer, parts, *args)

    from bursa_cli.errors import UsageError

    job = plan("kartu-komitmen", minimal_event, Options(today=TODAY), origin=ORIGIN)
    job.finish()
    first = [job.outputs[0].parts[0][1]["kartu"][:1]]
    monkeypatch.setattr(batches, "_render", fail_second)
    with pytest.raises(UsageError):
        run("kartu-komitmen", minimal_event, jobs=1)
    assert sorted(p.name for p in (minimal_event / "keluaran").iterdir()) == []


def test_jobs_must_be_positive(minimal_event):
    """The parser refuses it (said in Indonesian by the entry point: tests/test_cli_kata.py); the core too."""
    from bursa_cli.render.job import Options, produce

    result = bursa("cetak", "poster", minimal_event, "--proses", "0")
    assert result.exit_code == 2 and "--proses" in plain(result.output)
    with pytest.raises(UsageError, match="--proses harus paling sedikit 1."):
        produce("poster", minimal_event, Options(jobs=0))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_batched_print_leaves_no_worker(contoh_event):
    """kill -9 of `cetak undangan --jobs 2` (104 letters, 3 batches): its forked workers die too."""
    seen = kill_9_with_workers(["cetak", "undangan", str(contoh_event), "--rapat", "hari-h", "--jobs", "2"])
    assert len(seen) == 2
    assert not list((contoh_event / "keluaran").glob("undangan-hari-h*"))  # nothing half-written


def _items(count: int, repeated_rows: int, first_pages: int = 1) -> str:
    """`count` items (the first `first_pages` pages long) and, after the first, a section marked to repeat."""
    from bursa_cli.render.pdf import ITEM, REPEATED

    body = []
    for number in range(1, count + 1):
        extra = "".join(f'<p style="break-before: page">Butir {number} halaman {page}</p>'
                        for page in range(2, first_pages + 1)) if number == 1 else ""
        body.append(f'<section id="{ITEM}{number}" style="break-before: page"><p>Butir {number}</p>{extra}</section>')
        if number == 1 and repeated_rows:
            rows = "".join(f"<p>Baris {row}</p>" for row in range(repeated_rows))
            body.append(f'<section id="{REPEATED}lampiran" style="break-before: page"><p>Lampiran</p>{rows}</section>')
    return f"<html><body>{''.join(body)}</body></html>"


@pytest.mark.parametrize("count, rows, first_pages, laid, expected", [
    (3, 5, 1, 4, ["Butir 1", "Lampiran", "Butir 2", "Lampiran", "Butir 3", "Lampiran"]),
    # a two-page lampiran after a two-page first item: both its pages follow every item
    (2, 40, 2, 5, ["Butir 1", "Butir 1 halaman 2", "Lampiran", "Baris", "Butir 2", "Lampiran", "Baris"]),
    (1, 5, 1, 2, ["Butir 1", "Lampiran"]),
    (3, 0, 1, 3, ["Butir 1", "Butir 2", "Butir 3"]),  # nothing marked: the pages as laid out
])
def test_a_section_laid_out_once_is_printed_after_every_item(count, rows, first_pages, laid, expected, tmp_path):
    """The hari-H letter's lampiran: laid out once, after the first letter, its pages drawn after each."""
    from weasyprint import HTML

    from bursa_cli.render.pdf import joined

    laid_out = HTML(string=_items(count, rows, first_pages)).render()
    assert len(laid_out.pages) == laid
    document, pages = joined([laid_out])
    target = tmp_path / "hasil.pdf"
    target.write_bytes(document.write_pdf())
    texts = pdf_pages(target)
    assert pages == len(texts) == len(expected)
    assert [text.strip().startswith(start) for text, start in zip(texts, expected)] == [True] * len(expected), texts


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers")
def test_a_batched_print_leaves_no_font_folder_behind(contoh_event, tmp_path):
    """`cetak undangan --jobs 2` (3 batches, 2 forked workers) in a process of its own: WeasyPrint's
    temporary font folders, the parent's and each worker's, are all gone when it ends."""
    import os
    import subprocess

    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run([sys.executable, "-m", "bursa_cli", "cetak", "undangan", str(contoh_event), "--rapat",
                           "hari-h", "--jobs", "2"], env={**os.environ, "TMPDIR": str(temp)},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list((contoh_event / "keluaran").glob("undangan-hari-h*.pdf"))
    assert sorted(p.name for p in temp.glob("weasyprint-*")) == []  # (a lock file of the letter numbers stays)


def test_a_print_stopped_with_ctrl_c_says_so_and_writes_nothing(contoh_event, tmp_path):
    """Ctrl-C in the middle of `cetak undangan --jobs 2`, its workers at work: the command says
    it was stopped, ends with 130, and leaves no PDF behind, whole or half-written."""
    import os
    import signal
    import subprocess
    import time

    temp = tmp_path / "temp"
    temp.mkdir()
    printing = subprocess.Popen([sys.executable, "-m", "bursa_cli", "cetak", "undangan", str(contoh_event), "--rapat",
                                 "hari-h", "--jobs", "2"], env={**os.environ, "TMPDIR": str(temp)},
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    while len(list(temp.glob("weasyprint-*"))) < 3 and printing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the parent's style, then each worker's documents: three font folders or more
    assert printing.poll() is None, "the print ended before it could be stopped"
    printing.send_signal(signal.SIGINT)
    output = printing.communicate(timeout=120)[0]
    assert printing.returncode == 130 and "Dihentikan (Ctrl-C)." in output, output
    assert not list((contoh_event / "keluaran").glob("undangan-hari-h*.pdf"))  # nothing half-written
