"""The layout check (render/layout.py): each rule catches its defect, and every registered
document of contoh-kabupaten passes it.

The rule cases are tiny HTML documents laid out by WeasyPrint, one per rule, so each
test shows the check can fail. The registry cases lay out a preview of every kind
(`--contoh 3`: the CONTOH stamp is skipped by the check) to stay fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bursa_cli.paths import FONTS
from bursa_cli.render.job import Options
from bursa_cli.render.kinds import KINDS
from bursa_cli.render.layout import check_document, check_kind
from render_helpers import TODAY

# A web page, not laid out by WeasyPrint; at 852 villages its build derives a key per certificate (minutes).
NO_PAGES = ("halaman-verifikasi",)

FONT_FACE = f"""@font-face {{ font-family: "Liberation Sans"; src: url("{(FONTS / 'LiberationSans-Regular.ttf').as_uri()}"); }}
@font-face {{ font-family: "Liberation Sans"; font-weight: bold; src: url("{(FONTS / 'LiberationSans-Bold.ttf').as_uri()}"); }}
body {{ font-family: "Liberation Sans"; font-size: 11pt; }}"""


def laid_out(body: str, style: str = "", page: str = "size: 100mm 80mm; margin: 10mm;"):
    from weasyprint import HTML

    html = f"<html><head><style>@page {{ {page} }} {FONT_FACE} {style}</style></head><body>{body}</body></html>"
    return HTML(string=html).render()


def rules(body: str, style: str = "", **page) -> list[tuple[int, str]]:
    return [(flaw.page, flaw.rule) for flaw in check_document(laid_out(body, style, **page), "uji.pdf")]


def test_a_clean_page_has_no_flaw():
    assert rules("<h1>Judul</h1><p>Isi yang cukup pendek.</p>") == []


def test_a_process_that_checked_a_layout_exits_cleanly():
    """The check keeps HarfBuzz faces of the fonts it met; released after their font maps, at
    interpreter teardown, they crashed the process on exit (-11, after "1 passed")."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                           f"{__file__}::test_a_clean_page_has_no_flaw"], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120, check=False)
    assert "1 passed" in done.stdout, done.stdout + done.stderr
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_box_outside_the_content_area():
    assert rules('<div style="margin-left: -5mm">Geser</div>') == [(1, "keluar")]


def test_a_box_crossing_a_frame():
    body = '<div class="bingkai" style="height: 20mm; border: 1mm solid"><div style="height: 30mm">x</div></div>'
    assert rules(body) == [(1, "keluar")]


def test_text_clipped_by_a_box_that_hides_its_overflow():
    """The Kartu ID case: a long name in a box of two lines' height with overflow hidden."""
    body = ('<div style="width: 30mm; max-height: 2.35em; overflow: hidden; font-weight: bold">'
            'Ahmad Kusumanegara Wirjosoedarmo, S.H., M.H., M.Kn.</div>')
    assert rules(body) == [(1, "terpotong")]
    assert rules(body.replace("overflow: hidden; ", "")) == []  # drawn past its box: nothing is lost


def test_a_line_wider_than_its_box():
    body = '<div style="width: 20mm; white-space: nowrap">https://dpmd.contoh.go.id/verifikasi/</div>'
    assert rules(body) == [(1, "baris")]


def test_an_item_that_must_fit_one_page():
    lines = "".join(f"<p>baris {n}</p>" for n in range(12))
    assert rules(f'<section class="satu-halaman">{lines}</section>') == [(1, "halaman")]
    two = '<section class="satu-halaman">a</section><section class="satu-halaman">b</section>'
    assert rules(two) == [(1, "halaman")]


def test_a_heading_last_on_a_page():
    body = '<div style="height: 50mm">isi</div><h2>Kelompok</h2><p>baris pertama kelompok</p>'
    assert rules(body, "h2 { margin: 0; break-after: auto; }") == [(1, "judul")]  # not kept with its text
    rows = "".join(f"<tr><td>{n}</td></tr>" for n in range(5))  # 50 mm of the page's 60 mm
    grouped = f'<table>{rows}<tr class="judul-kelompok"><td>Undangan lain</td></tr><tr><td>x</td></tr></table>'
    style = "table { border-spacing: 0; } td { height: 10mm; padding: 0; } .judul-kelompok td { height: 5mm; }"
    assert rules(grouped, style) == [(1, "judul")]
    kept = style + " .judul-kelompok { break-after: avoid; }"
    assert rules(grouped, kept) == []


def test_a_table_header_that_does_not_repeat():
    rows = "".join(f"<tr><td>baris {n}</td></tr>" for n in range(20))
    table = f"<table><thead><tr><th>Nama</th></tr></thead><tbody>{rows}</tbody></table>"
    assert rules(table) == []
    found = rules(table, "thead { display: table-row-group; }")
    assert found == [(2, "kepala-tabel")]


def test_a_glyph_from_a_system_font():
    [flaw] = check_document(laid_out("Potong di sini \u2702"), "uji.pdf")
    assert flaw.rule == "huruf" and "DejaVu" in flaw.message


@pytest.mark.parametrize("family, found", [("DejaVu Sans", True), ("Liberation Sans", False)])
def test_text_inside_an_svg_drawn_with_a_system_font(family, found):
    """SVG text is no box of the tree (the floor plan, the rekap's charts): its fonts are read from the PDF."""
    svg = f'<svg width="60mm" height="10mm"><text x="2" y="20" font-family="{family}">Ruang A</text></svg>'
    flaws = [(flaw.rule, "DejaVu" in flaw.message) for flaw in check_document(laid_out(svg), "uji.pdf")]
    assert flaws == ([("huruf", True)] if found else [])


def test_a_font_file_of_the_same_name_that_the_package_does_not_ship(tmp_path):
    """A Liberation Sans that is not the shipped file (a system copy, another version) is found by its file."""
    from fontTools.ttLib import TTFont

    other = tmp_path / "LiberationSans-Regular.ttf"
    font = TTFont(str(FONTS / "LiberationSans-Regular.ttf"))
    font["head"].fontRevision += 1  # same names, another file
    font.save(str(other))
    style = f'@font-face {{ font-family: "Liberation Sans"; src: url("{other.as_uri()}"); }}'
    html = f"<html><head><style>@page {{ size: 100mm 80mm; }} {style} body {{ font-family: 'Liberation Sans'; }}" \
           "</style></head><body>Teks biasa</body></html>"
    from weasyprint import HTML

    [flaw] = check_document(HTML(string=html).render(), "uji.pdf")
    assert (flaw.page, flaw.rule) == (1, "huruf") and "Liberation Sans" in flaw.message
    assert "bursa_cli/assets/fonts" in flaw.message


@pytest.fixture(scope="module")
def contoh_copy(tmp_path_factory) -> Path:
    import shutil

    from support import CONTOH

    if not (CONTOH / "acara.yaml").exists():
        pytest.skip("contoh-kabupaten belum ada")
    target = tmp_path_factory.mktemp("layout") / "contoh-kabupaten"
    shutil.copytree(CONTOH, target, ignore=shutil.ignore_patterns("keluaran"))
    return target


@pytest.mark.parametrize("kind", [k.name for k in KINDS if k.name not in NO_PAGES])
def test_every_registered_document_of_contoh_kabupaten_passes(contoh_copy, kind):
    flaws = check_kind(contoh_copy, kind, Options(today=TODAY, contoh=3))
    assert [str(f) for f in flaws] == []


def test_the_whole_day_attendance_list_keeps_group_titles_with_their_rows(contoh_copy):
    """In full (no preview), 'Undangan lain' once ended page 3 without its rows."""
    assert [str(f) for f in check_kind(contoh_copy, "daftar-hadir", Options(today=TODAY, rapat="hari-h"))] == []


def test_the_whole_recap_passes(contoh_copy):
    """In full (no preview): the annex and the long lists run over pages and repeat their headers."""
    assert [str(f) for f in check_kind(contoh_copy, "rekap", Options(today=TODAY))] == []


# --------------------------------------------------------------------------- the stress event

from stress import LONG_TITLES, WILAYAH, make_stress_event  # noqa: E402

needs_wilayah = pytest.mark.skipif(not WILAYAH.is_file(), reason="wilayah.csv tidak tersedia")
# The kinds whose paper follows dokumen.kertas_surat: only these are laid out again on A4.
LETTER_KINDS = ("undangan", "sk", "daftar-hadir", "susunan-acara")


@pytest.fixture(scope="module", params=["F4", "A4"])
def stress_event(request, tmp_path_factory) -> tuple[str, Path]:
    if not WILAYAH.is_file():
        pytest.skip("wilayah.csv tidak tersedia")
    from bursa_cli.certify.codes import load_key

    folder = make_stress_event(tmp_path_factory.mktemp(f"stres-{request.param}") / "acara", request.param)
    load_key(folder)  # the verification page and certificates need the event's key
    return request.param, folder


@needs_wilayah
def test_every_registered_document_of_the_stress_event_passes(stress_event):
    """The worst items are printed first, so a preview of 3 of each lays them out (in the rekap, the
    first rows of each list: the annex opens with the longest names and the 5 and 10 innovations)."""
    kertas, folder = stress_event
    kinds = [k.name for k in KINDS if (kertas == "F4" or k.name in LETTER_KINDS) and k.name not in NO_PAGES]
    flaws = {kind: [str(f) for f in check_kind(folder, kind, Options(today=TODAY, contoh=3))] for kind in kinds}
    assert {kind: found for kind, found in flaws.items() if found} == {}


@needs_wilayah
def test_the_first_certificates_of_the_stress_event_are_the_longest(stress_event):
    """What the registered check above lays out first: certificates with 5 (the card's maximum) and
    10 long innovations (two columns), so a preview of 3 holds the worst."""
    from bursa_cli.certify.data import collect
    from bursa_cli.schema.event import load_event

    kertas, folder = stress_event
    if kertas != "F4":
        pytest.skip("sertifikat selalu A4 melintang")
    first = collect(load_event(folder).event).certificates[:2]
    assert [len(c.inovasi) for c in first] == [5, 10]
    assert all(b.judul in LONG_TITLES or b.judul.removesuffix(" Tahap Lanjutan") in LONG_TITLES
               for c in first for b in c.inovasi)


LONG_NAME = "Raden Mas Haryo Ahmad Kusumanegara Wirjosoedarmo, S.H., M.H., M.Kn."


def test_a_long_name_on_the_kartu_id_fits_and_clipping_it_is_caught(contoh_event):
    """A long titled name is shrunk and wrapped onto the card, whole; the card that hid its end
    (two lines' height, overflow hidden, as it once was) is caught by the check."""
    from bursa_cli.paths import BUILTIN_TEMPLATES
    from render_helpers import pdf_pages, run

    peserta = contoh_event / "peserta.yaml"
    peserta.write_text(peserta.read_text(encoding="utf-8").replace("nama: Supriyadi, S.Sos.", f"nama: {LONG_NAME}", 1),
                       encoding="utf-8")
    assert [str(f) for f in check_kind(contoh_event, "kartu-id", Options(today=TODAY))] == []
    text = " ".join(" ".join(pdf_pages(run("kartu-id", contoh_event).folder / "kartu-id.pdf")).split())
    assert LONG_NAME in text
    css = (BUILTIN_TEMPLATES / "kartu-id.css").read_text(encoding="utf-8")
    (contoh_event / "templates").mkdir(exist_ok=True)
    (contoh_event / "templates" / "kartu-id.css").write_text(
        css + "\n.nama { max-height: 2.35em; overflow: hidden; }\n", encoding="utf-8")
    flaws = check_kind(contoh_event, "kartu-id", Options(today=TODAY))
    assert [f.rule for f in flaws] == ["terpotong"] and "M.Kn." in flaws[0].message
