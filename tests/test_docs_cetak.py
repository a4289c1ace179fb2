"""Posters, catalogue, floor plan, badges and cards: PDF text, page counts, escaping, QR, preflight."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pytest
from docs_support import event_changes
from render_helpers import pdf_pages
from pypdf import PdfReader
from support import dump_yaml, make_event
from typer.testing import CliRunner

from bursa_cli.cli.app import app
from bursa_cli.errors import DataError
from bursa_cli.render.job import Job, Options, produce
from bursa_cli.render.pdf import Provenance, Renderer
from bursa_cli.render.qr import BORDER, make_qr
from bursa_cli.schema.event import load_event

TODAY = date(2026, 11, 1)
ORIGIN = Provenance("uji")
GOLDEN = Path(__file__).parent / "golden" / "docs"


def pdf_of(root: Path, kind: str, name: str = "", **options) -> tuple[PdfReader, list[str]]:
    """Print `kind` and read back its PDF (the first one, or the one called `name`)."""
    produced = produce(kind, root, Options(today=TODAY, **options), origin=ORIGIN)
    output = next(o for o in produced.outputs if o.name == name or (not name and o.name.endswith(".pdf")))
    reader = PdfReader(root / "keluaran" / output.name)
    assert output.pages == len(reader.pages)
    return reader, pdf_pages(root / "keluaran" / output.name)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def medium(tmp_path_factory) -> Path:
    """12 villages in 3 kecamatan, 5 officials, 9 kept innovations in two Bursa rooms."""
    return make_event(tmp_path_factory.mktemp("sedang"), event_changes(desa=12, officials=5, inovasi=9))


# --------------------------------------------------------------------------- page counts and text


def test_poster_one_page_per_kept_innovation(medium):
    reader, pages = pdf_of(medium, "poster")
    event = load_event(medium).event
    kept = event.inovasi_terpilih
    assert len(pages) == len(kept) == 9
    for inovasi, text in zip(sorted(kept, key=lambda i: i.id), pages):
        text = flat(text)
        assert inovasi.judul in text and inovasi.desa_asal in text
        assert f"Rp{inovasi.biaya:,}".replace(",", ".") in text
        assert "Universitas Tidar" in text and "Bidang" in text
    assert "Stan 1 · Meja A-01" in flat(pages[0])
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 420)  # A3 by default


def test_poster_a4_and_kept_only(tmp_path):
    changes = event_changes(desa=2, officials=1, inovasi=4)
    changes["acara.yaml"]["dokumen"] = {"kertas_poster": "A4"}
    changes["inovasi.yaml"][1]["sortir"]["keputusan"] = "dicoret"
    reader, pages = pdf_of(make_event(tmp_path / "e", changes), "poster")
    assert len(pages) == 3 and "Inovasi Nomor 002" not in "".join(pages)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_long_title_and_summary_fit_on_one_page(tmp_path):
    changes = event_changes(desa=2, officials=1, inovasi=1)
    changes["inovasi.yaml"][0]["judul"] = "Pengelolaan Sampah Terpadu Berbasis Bank Sampah " * 4
    changes["inovasi.yaml"][0]["ringkasan"] = "Warga memilah sampah dan BUMDes mengolahnya menjadi kompos. " * 40
    changes["inovasi.yaml"][0]["manfaat"] = [f"Manfaat panjang nomor {i} bagi warga desa" for i in range(9)]
    root = make_event(tmp_path / "e", changes)
    produced = produce("poster", root, Options(today=TODAY), origin=ORIGIN)
    assert produced.outputs[0].pages == 1
    assert any("dipotong" in note for note in produced.notes)
    text = flat(pdf_pages(root / "keluaran" / "poster.pdf")[0])
    assert "dan 3 manfaat lain" in text and "Stan 1" in text and "Rp1.000.000" in text


def test_katalog_groups_and_index_page_numbers(medium):
    _, pages = pdf_of(medium, "katalog")
    assert "KATALOG" in pages[0] and "Cara Mengikuti Bursa" in pages[1]
    assert len(pages) % 4 == 0  # a booklet of folded sheets; padded with note pages
    index_end = max(i for i, t in enumerate(pages) if "Inovasi Nomor" in t)
    assert all(t.strip() == "Catatan" for t in pages[index_end + 1:])
    body = [flat(p) for p in pages]
    # the bidang sections come in order: kewirausahaan, psdm, infrastruktur
    starts = [next(i for i, t in enumerate(body) if f"Bidang {label}" in t) for label in (
        "Pengembangan Ekonomi Lokal dan Kewirausahaan", "Pengembangan Sumber Daya Manusia", "Infrastruktur Desa")]
    assert starts == sorted(starts)
    index_at = next(i for i, t in enumerate(body) if "Indeks Inovasi" in t)
    index_text = "\n".join(pages[index_at:])
    for n in range(1, 10):
        title = f"Inovasi Nomor {n:03d}"
        found = re.search(rf"{title}\s+\S+(?:\s+·\s+\S+)?\s+(\d+)", index_text)  # stan · meja, page
        assert found, title
        printed = int(found.group(1))
        assert title in body[printed - 1], f"{title} tidak di halaman {printed}"


def test_denah_plan_and_seat_list(medium):
    reader, pages = pdf_of(medium, "denah", "denah.pdf")
    first = flat(pages[0])
    for word in ("PANGGUNG", "Ruang Pleno (J1)", "Bursa A (A)", "Jendela 3 (J3)", "KETERANGAN", "A-01", "PINTU MASUK"):
        assert word in first
    assert not reader.pages[0].images  # the plan is vector, not a picture
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (420, 297)  # A3 landscape
    assert len(pages) == 2 and "DAFTAR SPANDUK" in pages[1] and "Pintu Bursa A" in pages[1]

    reader, pages = pdf_of(medium, "denah", "tempat-duduk.pdf")
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    listing = flat(" ".join(pages))
    assert "DAFTAR TEMPAT DUDUK" in listing and f"Halaman 1 dari {len(pages)}" in listing
    event = load_event(medium).event
    for person in event.peserta:
        assert person.nama in listing
    assert "Pejabat dan undangan" in listing and "Kecamatan Bulu" in listing and "Blok 1 / A-01" in listing


@pytest.mark.parametrize("ukuran, per_sheet", [("ID-1", 10), ("A6", 4)])
def test_kartu_id_sheets(tmp_path, ukuran, per_sheet):
    changes = event_changes(desa=11, officials=3, kapasitas=40)  # 25 people
    changes["acara.yaml"]["dokumen"] = {"ukuran_kartu_id": ukuran}
    root = make_event(tmp_path / "e", changes)
    reader, pages = pdf_of(root, "kartu-id")
    assert len(pages) == math.ceil(25 / per_sheet)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    text = flat(" ".join(pages))
    event = load_event(root).event
    for person in event.peserta:
        assert person.nama in text and person.id in text
    assert "Kepala Desa" in text and "Ketua BPD" in text and "Camat" in text
    assert "Blok 1 / A-01" in text and "Kecamatan Bulu" in text


@pytest.mark.parametrize("ukuran, per_sheet", [("ID-1", 10), ("A6", 4)])
def test_kartu_cadangan_numbers_the_spare_badges(tmp_path, ukuran, per_sheet):
    changes = event_changes(desa=11, officials=3, kapasitas=40)  # 25 people
    changes["acara.yaml"]["dokumen"] = {"ukuran_kartu_id": ukuran}
    changes["acara.yaml"]["materi"]["kartu_id"] = 38  # 13 spare
    changes["log/registrasi/REG-1.yaml"] = [  # TAMU-002 was already handed out on the day
        {"waktu": "2026-11-12T07:40:00+07:00", "petugas": "REG-1", "peserta": "TAMU-002",
         "tanpa_undangan": {"nama": "Ani", "peran": "media", "instansi": "Radio"}}]
    root = make_event(tmp_path / "e", changes)
    _, pages = pdf_of(root, "kartu-cadangan")
    assert len(pages) == math.ceil(13 / per_sheet)
    text = flat(" ".join(pages))
    numbers = re.findall(r"TAMU-\d{3}", text)
    assert numbers == ["TAMU-001"] + [f"TAMU-{n:03d}" for n in range(3, 15)]
    assert text.count(" Tamu Nama ") == 13 and text.count("Desa / Instansi") == 13
    assert "bebas" in text


def test_kartu_cadangan_needs_spare_cards_in_materi(tmp_path):
    changes = event_changes(desa=11, officials=3, kapasitas=40)
    changes["acara.yaml"]["materi"]["kartu_id"] = 25  # exactly one per participant
    acara = dump_yaml(changes["acara.yaml"])
    changes["acara.yaml"] = acara
    root = make_event(tmp_path / "e", changes)
    with pytest.raises(DataError) as caught:
        produce("kartu-cadangan", root, Options(today=TODAY), origin=ORIGIN)
    problem = caught.value.problems[0]
    line = next(i for i, text in enumerate(acara.splitlines(), 1) if text.strip().startswith("kartu_id:"))
    assert (problem.file, problem.line) == ("acara.yaml", line)
    assert "materi.kartu_id (25) tidak menyisakan Kartu ID cadangan: 25 kartu" in problem.message
    assert not (root / "keluaran").exists()


def test_kartu_id_long_name_shrinks(tmp_path):
    from bursa_cli.textfit import badge_name

    assert badge_name("Suparman", "ID-1")[0] > badge_name("Prof. Dr. Ir. Raden Mas Bambang Suryo Hadikusumo", "ID-1")[0]
    changes = event_changes(desa=1, officials=0, kapasitas=10)
    long = "Prof. Dr. Ir. Raden Mas Bambang Suryo Hadikusumo Wicaksono, M.Sc."
    changes["peserta.yaml"][0]["nama"] = long
    _, pages = pdf_of(make_event(tmp_path / "e", changes), "kartu-id")
    assert len(pages) == 1 and "Wicaksono, M.Sc." in flat(pages[0])


def test_kartu_komitmen_one_per_village(medium):
    _, pages = pdf_of(medium, "kartu-komitmen")
    event = load_event(medium).event
    assert len(pages) == len(event.desa) == 12
    kec = {k.kode: k.nama for k in event.acara.wilayah.kecamatan}
    for desa, text in zip(sorted(event.desa, key=lambda d: (d.kode[:8], d.kode)), pages):
        text = flat(text)
        heads = [p.nama for p in event.peserta if p.desa == desa.kode]
        assert desa.nama in text and kec[desa.kode[:8]] in text
        assert all(name in text for name in heads)
        assert "APBDes Tahun 2027" in text and "Meja A-01" in text and "Meja B-03" in text
        assert desa.kode in text


@pytest.mark.parametrize("kertas, desks, per_desk", [
    ("A4", 10, True), ("A4", 41, True), ("A5", 12, True), ("A5", 41, False), ("A4", 120, False)])
def test_kartu_komitmen_stays_on_one_page_with_many_desks(tmp_path, kertas, desks, per_desk):
    changes = event_changes(desa=3, officials=0)
    changes["acara.yaml"]["dokumen"] = {"kertas_kartu_komitmen": kertas}
    rooms = changes["acara.yaml"]["tempat"]["ruang"]
    rooms[2]["meja"] = [f"A-{i + 1:02d}" for i in range(desks // 2)]
    rooms[3]["meja"] = [f"B-{i + 1:02d}" for i in range(desks - desks // 2)]
    _, pages = pdf_of(make_event(tmp_path / "e", changes), "kartu-komitmen")
    assert len(pages) == 3
    text = flat(pages[0])
    last = f"B-{desks - desks // 2:02d}"
    if per_desk:
        assert last in text  # one box per desk
    else:
        # too many desks for a box a stamp fits in: numbered open boxes for any desk of any room
        open_boxes = text.count("Meja ......")
        assert "kotak kosong berikutnya" in text and open_boxes == {"A5": 14, "A4": 27}[kertas]
        assert "B-01" not in text


def test_kartu_ide_two_per_sheet(minimal_event):
    _, pages = pdf_of(minimal_event, "kartu-ide")
    assert len(pages) == 5  # materi.kartu_ide: 10
    text = flat(pages[0])
    assert text.count("KARTU IDE") == 2
    for word in ("Nama inovasi", "Uraian singkat", "Infrastruktur Desa", "Desa tempat praktik", "Pengusul"):
        assert word in text


@pytest.mark.parametrize("kind, pages", [("kartu-komitmen", 2), ("poster", 2), ("kartu-id", 1), ("kartu-ide", 1)])
def test_contoh_preview_renders_first_n_marked(medium, kind, pages):
    produced = produce(kind, medium, Options(today=TODAY, contoh=2), origin=ORIGIN)
    [output] = produced.outputs
    assert output.name == f"{kind}-contoh.pdf"  # never replaces the real file
    texts = pdf_pages(medium / "keluaran" / output.name)
    assert len(texts) == pages and all(t.count("CONTOH") == 1 for t in texts)


PREVIEWS = [  # kind, options: every document of `bursa cetak` made from the templates
    ("undangan", {"rapat": "rapat-pembukaan"}), ("sk", {}), ("susunan-acara", {}),
    ("daftar-hadir", {"rapat": "rapat-pembukaan"}), ("poster", {}), ("katalog", {}), ("denah", {}),
    ("kartu-id", {}), ("kartu-cadangan", {}), ("kartu-komitmen", {}), ("kartu-ide", {}),
]


@pytest.mark.parametrize("kind, options", PREVIEWS, ids=[p[0] for p in PREVIEWS])
def test_every_preview_page_has_one_contoh_stamp(contoh_event, kind, options):
    """The stamp comes once from base.html; WeasyPrint repeats the fixed element on every page."""
    produced = produce(kind, contoh_event, Options(today=TODAY, contoh=3, **options), origin=ORIGIN)
    pdfs = [o.name for o in produced.outputs if o.name.endswith(".pdf")]
    assert pdfs and all("-contoh" in name for name in pdfs)
    for name in pdfs:
        texts = pdf_pages(contoh_event / "keluaran" / name)
        assert texts and [t.count("CONTOH") for t in texts] == [1] * len(texts), name
    real = produce("susunan-acara", contoh_event, Options(today=TODAY), origin=ORIGIN)
    assert "CONTOH" not in " ".join(pdf_pages(contoh_event / "keluaran" / real.outputs[0].name))


def test_sertifikat_preview_has_one_contoh_stamp_per_page(contoh_event):
    """A batch of certificates is one document: the stamp must not repeat once per certificate."""
    produce("sertifikat", contoh_event, Options(contoh=3))
    texts = pdf_pages(contoh_event / "keluaran" / "sertifikat" / "sertifikat-contoh.pdf")
    assert [t.count("CONTOH") for t in texts] == [1, 1, 1]


def test_katalog_footer_prints_the_event_name_literally(tmp_path):
    changes = event_changes(desa=2, officials=1, inovasi=3)
    name = "Bursa Inovasi Desa & Gelar \"Karya\" Warga 'Maju' 2026"
    changes["acara.yaml"]["nama"] = name
    _, pages = pdf_of(make_event(tmp_path / "e", changes), "katalog")
    index_end = max(i for i, t in enumerate(pages) if "Inovasi Nomor" in t)
    assert flat(pages[0]).count(name) == 1  # on the cover, which has no footer
    for number, text in enumerate(pages[1:index_end + 1], 2):  # then in every page's footer
        assert flat(text).count(name) == 1, number
        assert "&amp;" not in text and "&#39;" not in text and "&#34;" not in text, number


@pytest.mark.parametrize("template, block, kind", [
    ("kartu-komitmen.html", "{% block pernyataan scoped %}Desa {{ k.nama_desa }} siap mereplikasi.{% endblock %}",
     "kartu-komitmen"),
    ("poster.html", "{% block kaki_poster scoped %}<span>Poster {{ p.inovasi.id }} siap cetak.</span>{% endblock %}",
     "poster"),
])
def test_event_template_replaces_one_block(tmp_path, template, block, kind):
    changes = event_changes(desa=2, officials=0, inovasi=1)
    changes[f"templates/{template}"] = '{% extends "bawaan/' + template + '" %}\n' + block + "\n"
    _, pages = pdf_of(make_event(tmp_path / "e", changes), kind)
    text = flat(" ".join(pages))
    expected = ("Desa Desa 001 siap mereplikasi." if kind == "kartu-komitmen" else "Poster INO-001 siap cetak.")
    assert expected in text
    assert "bersepakat mereplikasi" not in text and "Gedung Pemuda · INO-001" not in text


# --------------------------------------------------------------------------- escaping and QR


def capture_html(root: Path, target: str) -> str:
    """The HTML a document's build would render (the pipeline's Renderer, fixed date and origin)."""
    import importlib

    event = load_event(root).event
    job = Job(event, Options(), Renderer(event, today=TODAY, origin=ORIGIN))
    seen: list[str] = []
    render = job.renderer.html
    job.renderer.html = lambda *args: seen.append(render(*args)) or seen[-1]
    job.pdf = lambda name, template, context, title, what="", parts=None, **batching: seen.append(
        render(template, context, title))
    module, _, function = target.partition(":")
    getattr(importlib.import_module(module), function)(job)
    assert not job.problems, job.problems
    if not seen:  # a document that renders inside its output's make()
        job.outputs[0].make()
    return seen[0]


def test_participant_and_title_markup_is_printed_literally(tmp_path):
    changes = event_changes(desa=2, officials=1, inovasi=2)
    changes["peserta.yaml"][0]["nama"] = "<b>x</b>"
    changes["inovasi.yaml"][0]["judul"] = "<b>y</b> & <i>z</i>"
    root = make_event(tmp_path / "e", changes)
    badges = capture_html(root, "bursa_cli.render.kartu:build_id")
    assert "&lt;b&gt;x&lt;/b&gt;" in badges and "<b>x</b>" not in badges
    poster = capture_html(root, "bursa_cli.render.poster:build_poster")
    assert "&lt;b&gt;y&lt;/b&gt; &amp; &lt;i&gt;z&lt;/i&gt;" in poster
    for kind, literal in (("kartu-id", "<b>x</b>"), ("poster", "<b>y</b> & <i>z</i>"),
                          ("katalog", "<b>y</b> & <i>z</i>"), ("denah", "<b>x</b>")):
        _, pages = pdf_of(root, kind, "tempat-duduk.pdf" if kind == "denah" else "")
        assert literal in flat(" ".join(pages)), kind


def svg_matrix(svg: str) -> list[str]:
    """Rebuild the module matrix from segno's SVG path (M/m moves, h runs of dark modules)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    grid = [["."] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", re.search(r' d="([^"]+)"', svg).group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for col in range(int(x), int(x + float(a))):
                grid[int(y)][col] = "#"
            x += float(a)
    return ["".join(row) for row in grid]


def test_badge_qr_holds_the_participant_id(minimal_event):
    html = capture_html(minimal_event, "bursa_cli.render.kartu:build_id")
    svgs = re.findall(r'<svg data-isi="([^"]+)".*?</svg>', html, re.S)
    assert svgs == ["P-0001", "P-0002", "P-0003", "P-0004"]
    for pid, svg in zip(svgs, re.findall(r'(<svg data-isi=.*?</svg>)', html, re.S)):
        expected = ["".join("#" if bit else "." for bit in row) for row in make_qr(pid).matrix]
        drawn = svg_matrix(svg)
        inner = [row[BORDER:-BORDER] for row in drawn[BORDER:-BORDER]]
        assert inner == expected
        assert make_qr(pid).designator.startswith(str(make_qr(pid).version))


@pytest.mark.parametrize("target, qr", [
    ("https://dpmd.example.go.id/dokumen/ino-001.pdf", True),
    ("dokumen/ino-001.pdf", False),
])
def test_poster_qr_only_for_web_links(tmp_path, target, qr):
    changes = event_changes(desa=1, officials=0, inovasi=1)
    changes["inovasi.yaml"][0]["dokumen_pembelajaran"] = target
    html = capture_html(make_event(tmp_path / "e", changes), "bursa_cli.render.poster:build_poster")
    assert (f'data-isi="{target}"' in html) is qr
    assert target in html
    if not qr:
        assert "<svg" not in html  # a file path is printed as text, never fetched


# --------------------------------------------------------------------------- preflight


def test_poster_refuses_innovation_without_room(tmp_path):
    changes = event_changes(desa=1, officials=0, inovasi=3)
    changes["acara.yaml"]["tempat"]["ruang"][2]["bidang"] = ["kewirausahaan", "psdm"]  # psdm now in A and B
    del changes["inovasi.yaml"][1]["ruang"], changes["inovasi.yaml"][1]["meja"]
    text = dump_yaml(changes["inovasi.yaml"])
    changes["inovasi.yaml"] = text
    root = make_event(tmp_path / "e", changes)
    line = text.splitlines().index("- id: INO-002") + 1
    for kind in ("poster", "katalog"):
        with pytest.raises(DataError) as caught:
            produce(kind, root, Options(today=TODAY), origin=ORIGIN)
        [problem] = caught.value.problems
        assert (problem.file, problem.line) == ("inovasi.yaml", line)
        assert "INO-002" in problem.message and "ruang" in problem.message
    assert not (root / "keluaran" / "poster.pdf").exists()


def test_room_too_small_stops_seat_documents(tmp_path):
    root = make_event(tmp_path / "e", event_changes(desa=10, officials=3, kapasitas=20))
    for kind in ("denah", "kartu-id"):
        with pytest.raises(DataError) as caught:
            produce(kind, root, Options(today=TODAY), origin=ORIGIN)
        assert any(p.file == "acara.yaml" and "kurang 3 kursi" in p.message for p in caught.value.problems)
    assert not (root / "keluaran").exists() or not list((root / "keluaran").glob("*.pdf"))


@pytest.mark.parametrize("args, code, words", [
    (["kartu-id"], 0, ["kartu-id.pdf", "4 Kartu ID ID-1 pada 1 lembar A4"]),
    (["kartu-komitmen"], 0, ["kartu-komitmen.pdf", "2 Kartu Komitmen"]),
    (["poster", "--contoh", "1"], 0, ["poster-contoh.pdf", "1 poster A3"]),
])
def test_cli(minimal_event, args, code, words):
    result = CliRunner().invoke(app, ["cetak", args[0], str(minimal_event), *args[1:]])
    assert result.exit_code == code, result.output
    for word in words:
        assert word in flat(result.output)


def test_cli_room_too_small(tmp_path):
    root = make_event(tmp_path / "e", event_changes(desa=10, officials=3, kapasitas=20))
    result = CliRunner().invoke(app, ["cetak", "denah", str(root)])
    assert result.exit_code == 1
    assert "acara.yaml" in result.output and "kurang 3 kursi" in flat(result.output)


# --------------------------------------------------------------------------- golden HTML

GOLDEN_CASES = [
    # golden name, kind, output file
    ("poster", "poster", "poster.pdf"),
    ("katalog", "katalog", "katalog.pdf"),
    ("denah", "denah", "denah.pdf"),
    ("tempat-duduk", "denah", "tempat-duduk.pdf"),
    ("kartu-id", "kartu-id", "kartu-id.pdf"),
    ("kartu-cadangan", "kartu-cadangan", "kartu-cadangan.pdf"),
    ("kartu-komitmen", "kartu-komitmen", "kartu-komitmen.pdf"),
    ("kartu-ide", "kartu-ide", "kartu-ide.pdf"),
]


@pytest.mark.parametrize("golden_name, kind, name", GOLDEN_CASES, ids=[c[0] for c in GOLDEN_CASES])
def test_golden_html(contoh_event, perbarui_golden, golden_name, kind, name):
    """Every change to a document's HTML is reviewed; regenerate with `pytest --perbarui-golden`."""
    from render_helpers import planned_html

    from bursa_cli.paths import FONTS

    html = planned_html(kind, contoh_event)[name].replace(FONTS.as_uri(), "@FONTS@")
    golden = GOLDEN / f"{golden_name}.html"
    if perbarui_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden.name} belum ada: jalankan pytest --perbarui-golden"
    assert html == golden.read_text(encoding="utf-8"), (
        f"HTML {golden_name} berubah; tinjau lalu jalankan pytest --perbarui-golden")
