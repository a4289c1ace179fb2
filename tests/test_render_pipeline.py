"""The rendering pipeline: templates, URL fetcher, fonts, metadata, atomic output, CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from bursa_cli.cli.app import app
from bursa_cli.errors import DataError, UsageError
from bursa_cli.paths import ASSETS, BUILTIN_TEMPLATES, FONTS
from bursa_cli.render.fetch import EventFetcher, FetchRefused
from bursa_cli.render.origin import NO_GIT, provenance
from bursa_cli.render.pdf import Renderer
from bursa_cli.render.templat import copy_template
from bursa_cli.schema.event import load_event
from render_helpers import ORIGIN, TODAY, pdf_fonts, pdf_pages, run, written
from support import make_event, minimal_data


# --------------------------------------------------------------------------- paths


def test_paths_point_at_shipped_files():
    assert (BUILTIN_TEMPLATES / "base.html").is_file()
    assert (BUILTIN_TEMPLATES / "undangan.html").is_file()
    assert (FONTS / "LiberationSans-Regular.ttf").is_file()
    assert FONTS.parent == ASSETS


# --------------------------------------------------------------------------- URL fetcher


@pytest.fixture
def fetcher(minimal_event: Path) -> EventFetcher:
    (minimal_event / "aset").mkdir()
    (minimal_event / "aset" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return EventFetcher(minimal_event)


@pytest.mark.parametrize("url, says", [
    ("file:///etc/passwd", "di luar folder acara"),
    ("http://example.com/logo.png", "http://example.com/logo.png"),
    ("https://example.com/x.css", "hanya boleh memakai berkas di dalam folder acara"),
    ("ftp://example.com/x", "hanya boleh memakai berkas"),
    ("{root}/../rahasia.txt", "di luar folder acara"),
    ("{root}/aset/../../rahasia.txt", "di luar folder acara"),
    ("{root}/aset/tidak-ada.png", "tidak ditemukan"),
    ("{root}/aset", "bukan berkas"),
])
def test_fetcher_refuses(fetcher, minimal_event, url, says):
    (minimal_event.parent / "rahasia.txt").write_text("rahasia")
    url = url.format(root=minimal_event.resolve().as_uri())
    with pytest.raises(FetchRefused) as caught:
        fetcher.fetch(url)
    assert says in caught.value.message


def test_fetcher_refuses_symlink_out(fetcher, minimal_event):
    (minimal_event.parent / "luar.png").write_bytes(b"x")
    (minimal_event / "aset" / "tautan.png").symlink_to(minimal_event.parent / "luar.png")
    with pytest.raises(FetchRefused, match="di luar folder acara"):
        fetcher.fetch((minimal_event / "aset" / "tautan.png").as_uri())


@pytest.mark.parametrize("where, start, kind", [
    ("event", b"\x89PNG", "image/png"),
    ("assets", b"\x00\x01\x00\x00", "font/ttf"),
    ("data", b"halo", "text/plain"),
])
def test_fetcher_serves_event_assets_and_data(fetcher, minimal_event, where, start, kind):
    url = {
        "event": (minimal_event / "aset" / "logo.png").as_uri(),
        "assets": (FONTS / "LiberationSans-Regular.ttf").as_uri(),
        "data": "data:text/plain;base64,aGFsbw==",
    }[where]
    response = fetcher.fetch(url)
    assert response.read().startswith(start)
    assert response.content_type == kind


@pytest.mark.parametrize("src", ["file:///etc/passwd", "http://example.com/a.png", "../luar.png"])
def test_document_asking_outside_fails_and_writes_nothing(minimal_event, src):
    (minimal_event.parent / "luar.png").write_bytes(b"x")
    template = ('{% extends "bawaan/susunan-acara.html" %}'
                '{% block body %}<img src="' + src + '">{{ super() }}{% endblock %}')
    make_event(minimal_event, {"templates/susunan-acara.html": template, "acara.yaml": _acara_with_programme()})
    with pytest.raises(DataError) as caught:
        run("susunan-acara", minimal_event)
    assert "folder acara" in caught.value.message
    assert written(minimal_event) == []


# --------------------------------------------------------------------------- templates


def _acara_with_programme() -> dict:
    acara = minimal_data("acara.yaml")
    acara["susunan_acara"] = [
        {"mulai": "08.00", "selesai": "08.30", "acara": "Registrasi", "ruang": "REG"},
        {"mulai": "08.30", "acara": "Pembukaan <b>resmi</b>", "pengisi": "Bupati", "ruang": "J1"},
    ]
    return acara


def test_participant_markup_is_printed_literally(minimal_event):
    peserta = minimal_data("peserta.yaml")
    peserta[0]["nama"] = "<b>x</b>"
    make_event(minimal_event, {"peserta.yaml": peserta, "acara.yaml": _acara_with_programme()})
    result = run("daftar-hadir", minimal_event, rapat="hari-h")
    text = "\n".join(pdf_pages(result.folder / "daftar-hadir-hari-h.pdf"))
    assert "<b>x</b>" in text
    html = Renderer(load_event(minimal_event).event).html(
        "susunan-acara.html", {"judul": "<i>j</i>", "hari_tanggal": "", "tempat": "", "zona": "WIB",
                               "baris": [], "contoh": False}, "t")
    assert "&lt;I&gt;J&lt;/I&gt;" in html  # the title is upper-cased, then escaped
    assert "<I>J</I>" not in html


def test_event_template_extends_builtin_by_prefix(minimal_event):
    template = ('{% extends "bawaan/undangan.html" %}'
                '{% block penutup %}<p>Mohon membawa laptop, {{ p.yth }}.</p>{% endblock %}')
    make_event(minimal_event, {"templates/undangan.html": template})
    result = run("undangan", minimal_event, rapat="hari-h")
    pages = pdf_pages(result.folder / "undangan-hari-h.pdf")
    assert "Mohon membawa laptop, Camat Bulu." in pages[0]
    assert "PEMERINTAH KABUPATEN TEMANGGUNG" in pages[0]  # the rest of the built-in letter stays
    assert all("Mengingat pentingnya acara" not in page for page in pages)


def test_event_template_replaces_builtin(minimal_event):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme(),
                               "templates/susunan-acara.html": "<p>Acara kami: {{ baris | length }} butir</p>"})
    result = run("susunan-acara", minimal_event)
    assert pdf_pages(result.folder / "susunan-acara.pdf") == ["Acara kami: 2 butir"]


def test_undefined_variable_is_a_clear_error(minimal_event):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme(),
                               "templates/susunan-acara.html": "<p>{{ tidak_ada }}</p>"})
    with pytest.raises(DataError, match="tidak_ada"):
        run("susunan-acara", minimal_event)
    assert written(minimal_event) == []


@pytest.mark.parametrize("template, message, line, original", [
    ("<p>\n{{ tidak_ada }}</p>", "Isian 'tidak_ada' tidak ada di data templat.", 2, "'tidak_ada' is undefined"),
    ("<p>\n\n{{ acara.tak_ada }}</p>", "Isian 'tak_ada' tidak ada di data templat.", 3, "has no attribute 'tak_ada'"),
    ("<p>{% if %}</p>", "Templat templates/susunan-acara.html baris 1 tidak dapat dibaca", 1, "Expected an expression"),
    ("<p>\n{{ 1 | tak_ada }}</p>", "Templat templates/susunan-acara.html baris 2 tidak dapat dibaca", 2,
     "No filter named 'tak_ada'"),
])
def test_template_errors_are_indonesian_with_file_and_line(minimal_event, template, message, line, original):
    """Jinja's English goes to `value` only; the message names the file and line in Indonesian."""
    make_event(minimal_event, {"acara.yaml": _acara_with_programme(), "templates/susunan-acara.html": template})
    with pytest.raises(DataError) as caught:
        run("susunan-acara", minimal_event)
    [problem] = caught.value.problems
    assert problem.message.startswith(message)
    assert (problem.file, problem.line) == ("templates/susunan-acara.html", line)
    assert original in problem.value and original not in caught.value.message
    assert caught.value.message.startswith("Templat 'susunan-acara.html' tidak dapat dicetak: ")
    assert written(minimal_event) == []


def test_copy_template_never_overwrites(minimal_event):
    target = copy_template("undangan.html", minimal_event)
    assert target == minimal_event / "templates" / "undangan.html"
    assert target.read_text() == (BUILTIN_TEMPLATES / "undangan.html").read_text()
    target.write_text("milik saya")
    with pytest.raises(UsageError, match="sudah ada"):
        copy_template("undangan.html", minimal_event)
    assert target.read_text() == "milik saya"
    with pytest.raises(UsageError, match="tidak ada"):
        copy_template("tidak-ada.html", minimal_event)


# --------------------------------------------------------------------------- PDF: fonts, paper, metadata


@pytest.mark.parametrize("huruf, family", [("sans", "LiberationSans"), ("serif", "LiberationSerif")])
def test_pdf_embeds_only_shipped_fonts(minimal_event, huruf, family):
    acara = _acara_with_programme()
    acara["dokumen"] = {**acara["dokumen"], "huruf": huruf}
    make_event(minimal_event, {"acara.yaml": acara})
    fonts = pdf_fonts(run("susunan-acara", minimal_event).folder / "susunan-acara.pdf")
    assert fonts and all(family in name.replace("-", "") for name in fonts), fonts


@pytest.mark.parametrize("kertas, size_mm", [("A4", (210, 297)), ("F4", (215, 330))])
def test_paper_size(minimal_event, kertas, size_mm):
    acara = _acara_with_programme()
    acara["dokumen"] = {**acara["dokumen"], "kertas_surat": kertas}
    make_event(minimal_event, {"acara.yaml": acara})
    page = PdfReader(str(run("susunan-acara", minimal_event).folder / "susunan-acara.pdf")).pages[0]
    width, height = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
    assert (round(width), round(height)) == size_mm


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


@pytest.mark.parametrize("state", ["no-git", "clean", "dirty"])
def test_pdf_metadata_names_the_data_commit(minimal_event, state):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme()})
    commit = NO_GIT
    if state != "no-git":
        _git(minimal_event, "init", "-q")
        _git(minimal_event, "add", ".")
        _git(minimal_event, "commit", "-q", "-m", "data")
        commit = _git(minimal_event, "rev-parse", "HEAD")
    if state == "dirty":
        (minimal_event / "opd.yaml").write_text((minimal_event / "opd.yaml").read_text() + "\n# ubah\n")
    origin = provenance(minimal_event)
    result = run("susunan-acara", minimal_event, origin=origin)
    info = PdfReader(str(result.folder / "susunan-acara.pdf")).metadata
    assert info["/Title"] == "Susunan Acara Bursa Inovasi Desa Kabupaten Contoh Tahun 2026"
    assert info["/Author"] == "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Temanggung"
    assert info["/CreationDate"].startswith("D:20260915")
    assert info["/bursacommit"] == commit
    expected = {"no-git": "tidak diketahui", "clean": "tidak", "dirty": "ya"}[state]
    assert info["/bursaperubahan"].startswith(expected)


def test_outputs_in_own_keluaran_are_not_changes(minimal_event):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme()})
    _git(minimal_event, "init", "-q")
    _git(minimal_event, "add", ".")
    _git(minimal_event, "commit", "-q", "-m", "data")
    run("susunan-acara", minimal_event)
    assert provenance(minimal_event).dirty is False
    assert _git(minimal_event, "status", "--porcelain") == ""  # keluaran/ ignores itself


# --------------------------------------------------------------------------- refusing and atomic output


def test_refuses_event_with_load_errors(minimal_event):
    opd = minimal_data("opd.yaml")
    opd[0]["bidang"] = ["pertanian"]
    make_event(minimal_event, {"opd.yaml": opd})
    with pytest.raises(DataError) as caught:
        run("undangan", minimal_event)
    assert "bursa validasi" in caught.value.hint
    assert caught.value.problems[0].file == "opd.yaml"
    assert written(minimal_event) == []


def test_failure_in_a_later_output_leaves_nothing(minimal_event):
    make_event(minimal_event, {"templates/distribusi.html": "{{ tidak_ada }}"})
    with pytest.raises(DataError):
        run("undangan", minimal_event, rapat="hari-h")
    assert written(minimal_event) == []  # not even the letters rendered before, nor temporaries
    assert not (minimal_event / "register-nomor.yaml").exists()  # no number burned


def test_rerun_replaces_outputs_in_place(minimal_event):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme()})
    first = run("susunan-acara", minimal_event).folder / "susunan-acara.pdf"
    before = first.stat().st_ino
    run("susunan-acara", minimal_event)
    assert first.stat().st_ino != before  # moved into place, not rewritten in place
    assert written(minimal_event) == [".gitignore", "susunan-acara.pdf"]


def test_weasyprint_is_loaded_only_to_lay_out_a_pdf(minimal_event):
    """A run that stops on its data, or renders HTML only, never pays for importing WeasyPrint."""
    script = f"""
import sys
from bursa_cli.errors import DataError
from bursa_cli.render.job import Options, plan
try:
    plan("susunan-acara", {str(minimal_event)!r}, Options())
except DataError:
    pass
job = plan("kartu-ide", {str(minimal_event)!r}, Options())
[(template, context)] = job.outputs[0].parts
assert "KARTU IDE" in job.renderer.html(template, context, "uji")
print(sorted(m for m in sys.modules if m.split(".")[0] == "weasyprint"))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


# --------------------------------------------------------------------------- CLI


runner = CliRunner()


def test_cli_cetak_prints_what_it_wrote(minimal_event):
    make_event(minimal_event, {"acara.yaml": _acara_with_programme()})
    result = runner.invoke(app, ["cetak", "susunan-acara", str(minimal_event), "--tanggal", "2026-09-15"])
    assert result.exit_code == 0, result.output
    assert "susunan-acara.pdf" in result.output
    assert (minimal_event / "keluaran" / "susunan-acara.pdf").is_file()


@pytest.mark.parametrize("args, code, says", [
    *[(["cetak", kind, "{root}", "--rapat", "tidak-ada"], 2,
       "Rapat 'tidak-ada' tidak ada (atau tahapannya tanpa blok rapat). "
       "Pilihan --rapat: hari-h.") for kind in ("undangan", "daftar-hadir")],
    (["cetak", "undangan", "{root}", "--tanggal", "15-09-2026"], 2, "tidak sah"),
    (["cetak", "undangan", "{root}", "--contoh", "0"], 2, "--contoh"),
    (["cetak", "susunan-acara", "{root}"], 1, "acara.yaml"),
    (["templat", "salin", "tidak-ada.html", "{root}"], 2, "tidak ada"),
])
def test_cli_errors(minimal_event, args, code, says):
    result = runner.invoke(app, [a.format(root=minimal_event) for a in args])
    assert result.exit_code == code, result.output
    assert says in " ".join(result.output.split())
    assert written(minimal_event) == []


def test_cli_templat_salin_and_daftar(minimal_event):
    listed = runner.invoke(app, ["templat", "daftar"])
    assert listed.exit_code == 0 and "undangan.html" in listed.output
    copied = runner.invoke(app, ["templat", "salin", "undangan.html", str(minimal_event)])
    assert copied.exit_code == 0, copied.output
    assert (minimal_event / "templates" / "undangan.html").is_file()
    again = runner.invoke(app, ["templat", "salin", "undangan.html", str(minimal_event)])
    assert again.exit_code == 2 and "sudah ada" in again.output


def test_printing_leaves_no_stray_files_in_the_event(minimal_event):
    before = sorted(p.relative_to(minimal_event).as_posix() for p in minimal_event.rglob("*"))
    run("undangan", minimal_event, rapat="hari-h")
    after = sorted(p.relative_to(minimal_event).as_posix() for p in minimal_event.rglob("*")
                   if not p.relative_to(minimal_event).as_posix().startswith("keluaran"))
    assert after == sorted([*before, "register-nomor.yaml"])


def test_a_warm_process_sees_an_override_added_or_changed_later(minimal_event):
    """The process keeps each event's templates compiled, yet an override added or edited is used."""
    import time

    from bursa_cli.render.pdf import Renderer
    from bursa_cli.schema.event import load_event

    event = load_event(minimal_event).event

    def shown() -> str:
        return Renderer(event, today=TODAY, origin=ORIGIN).html("surat.css", {}, "t")

    builtin = shown()
    assert builtin == shown() and "satu" not in builtin
    (minimal_event / "templates").mkdir(exist_ok=True)
    (minimal_event / "templates" / "surat.css").write_text("/* satu */", encoding="utf-8")
    assert shown() == "/* satu */"
    time.sleep(0.01)
    (minimal_event / "templates" / "surat.css").write_text("/* dua, lebih panjang */", encoding="utf-8")
    assert shown() == "/* dua, lebih panjang */"
    (minimal_event / "templates" / "surat.css").unlink()
    assert shown() == builtin


def test_a_process_that_loads_again_frees_what_it_left_before(minimal_event):
    """The induk loads the event (through the gate) for every certificate it prints. The cycles the
    last print left, a document and its fonts' temporary folder, are freed then, not frozen with the
    loaded event for the rest of the day (bench/sertifikat_induk.py: 121 to 245 MB over 33 certificates before)."""
    import gc
    import weakref

    class Document:
        """Stands for a laid-out WeasyPrint document: it refers to its fonts, which refer back to it."""

    load_event(minimal_event)  # a process that has loaded once: its loaded objects are frozen
    enabled = gc.isenabled()
    gc.disable()  # no collection may happen by chance before the load
    try:
        printed = Document()
        printed.fonts = {"document": printed}  # a cycle, as WeasyPrint's documents are
        left = weakref.ref(printed)
        del printed
        load_event(minimal_event)
        assert left() is None
    finally:
        if enabled:
            gc.enable()
