"""The letters and sheets: undangan, SK, susunan acara, daftar hadir (PDF text, pages, DOCX)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from bursa_cli.errors import DataError
from bursa_cli.render.nomor import REGISTER
from bursa_cli.penerima import recipients
from bursa_cli.schema.event import load_event
from bursa_cli.render.job import Options, plan
from render_helpers import ORIGIN, docx_text, html_text, pdf_pages, planned_html, run, written
from support import dump_yaml, make_event, minimal_data


@pytest.fixture
def contoh_event(contoh_event):
    """The example without its register: these tests watch numbers being issued from scratch."""
    (contoh_event / REGISTER).unlink(missing_ok=True)
    return contoh_event


def test_committed_register_numbers_are_reused(tmp_path):
    """contoh-kabupaten ships the numbers its letters were issued with; a reprint keeps them."""
    folder = make_event(tmp_path / "contoh", base="contoh")
    before = (folder / REGISTER).read_bytes()
    # The plan and the letters' HTML show the number; rendering every letter to PDF adds nothing here.
    job = plan("undangan", folder, Options(rapat="hari-h", today=date(2026, 11, 28)), origin=ORIGIN)
    try:
        letters = job.outputs[0]
        html = job.renderer.html(*letters.parts[0], letters.title)
    finally:
        job.finish()
    assert letters.name == "undangan-hari-h.pdf" and "005/1206/DPMD/X/2026" in letters.title
    assert "005/1206/DPMD/X/2026" in html and "Temanggung, 30 Oktober 2026" in html
    assert (folder / REGISTER).read_bytes() == before


def _register(folder: Path) -> list[dict]:
    text = (folder / REGISTER).read_text(encoding="utf-8")
    return yaml.safe_load(text) or []


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --------------------------------------------------------------------------- undangan


@pytest.mark.parametrize("rapat", ["rapat-pembukaan", "pembekalan", "sortir"])
def test_one_letter_per_recipient(contoh_event, rapat):
    event = load_event(contoh_event).event
    groups = {t.kode: t.rapat.penerima for t in event.tahapan if t.rapat}.get(rapat)
    expected = recipients(event, groups) if groups else None
    result = run("undangan", contoh_event, rapat=rapat)
    pages = pdf_pages(result.folder / f"undangan-{rapat}.pdf")
    if expected is not None:
        assert len(pages) == len(expected)
    for page in pages:
        assert page.count("Yth.") == 1
        assert "Nomor" in page and "di" in page and "Tempat" in page
        assert "KEPALA DINAS PEMBERDAYAAN" in page and "NIP 19680512 199403 1 007" in page
        assert "Tembusan:" in page
    distribution = (result.folder / f"undangan-{rapat}-distribusi.csv").read_text(encoding="utf-8-sig")
    assert len(distribution.splitlines()) == len(pages) + 1


def test_rapat_bursa_goes_to_every_tik_and_panitia_member(contoh_event):
    event = load_event(contoh_event).event
    members = [a for a in event.panitia if a.tim in ("TIK", "Panitia")]
    result = run("undangan", contoh_event, rapat="rapat-bursa")
    pages = pdf_pages(result.folder / "undangan-rapat-bursa.pdf")
    assert len(pages) == len(members) == 29
    for page, member in zip(pages, members):
        assert f"Sdr. {member.nama}" in " ".join(page.split())
        assert "Kamis, 22 Oktober 2026" in page
        assert "pukul 09.00 s.d. 12.00 WIB" in page
    docx = docx_text(result.folder / "undangan-rapat-bursa.docx")
    assert "Yth. Daftar Terlampir" in docx and "Undangan Rapat Bursa Inovasi Desa" in docx
    assert not any(member.nama in docx for member in members)  # they are in the distribution list
    distribution = (result.folder / "undangan-rapat-bursa-distribusi.csv").read_text(encoding="utf-8-sig")
    assert all(member.nama in distribution for member in members)


def test_docx_is_one_master_letter_whatever_the_recipients(contoh_event):
    """The editable DOCX holds one letter: one addressee per group or all 300 give the same document."""
    import io

    from docx import Document

    from bursa_cli.render.docx import letters_docx

    job = plan("undangan", contoh_event, Options(rapat="hari-h", today=date(2026, 9, 15)), origin=ORIGIN)
    try:
        context = job.outputs[0].parts[0][1]
        one_per_group = list({p.kelompok: p for p in context["penerima"]}.values())
        few = Document(io.BytesIO(letters_docx(job, {**context, "penerima": one_per_group})))
        every = Document(io.BytesIO(letters_docx(job, context)))
    finally:
        job.finish()
    assert len(context["penerima"]) > 2 * len(load_event(contoh_event).event.desa) and len(one_per_group) < 8
    assert len(every.paragraphs) == len(few.paragraphs)
    text = "\n".join(p.text for p in every.paragraphs)
    assert text.count("Yth.") == 1 and "Daftar Terlampir" in text and "Tembusan:" in text
    # the day's note to the villages is said once, not once per village
    assert text.count("Kepala Desa dan Ketua BPD dimohon hadir bersama") == 1
    assert not any(p.nama and p.nama in text for p in context["penerima"])


def test_hari_h_letters_to_villages(contoh_event):
    """Read on the letters' HTML: the PDF of all of them adds nothing here (its pages are tested apart)."""
    event = load_event(contoh_event).event
    text = html_text(planned_html("undangan", contoh_event, rapat="hari-h")["undangan-hari-h.pdf"])
    for desa in event.desa:
        assert f"Kepala Desa {desa.nama}" in text and f"Ketua BPD {desa.nama}" in text
    assert "pukul 08.00 WIB s.d. selesai" in text
    assert "Kamis, 12 November 2026" in text
    assert "1 (satu) lembar susunan acara" in text and "susunan acara terlampir" in text
    assert "Bapak/Ibu " not in text.replace("Bapak/Ibu/Saudara", "")  # every reader addressed one way


def test_letter_numbers_follow_pattern_and_are_reused(contoh_event):
    first = run("undangan", contoh_event, rapat="rapat-bursa")
    page = pdf_pages(first.folder / "undangan-rapat-bursa.pdf")[0]
    assert "005/1201/DPMD/IX/2026" in page  # urut_awal 1201, September 2026
    assert "Temanggung, 15 September 2026" in page
    # A reprint weeks later reuses the number and date instead of burning a new one.
    again = run("undangan", contoh_event, rapat="rapat-bursa", today=date(2026, 10, 20))
    assert "005/1201/DPMD/IX/2026" in pdf_pages(again.folder / "undangan-rapat-bursa.pdf")[0]
    assert [e["nomor"] for e in _register(contoh_event)] == ["005/1201/DPMD/IX/2026"]
    # Another letter takes the next number, never a used one.
    run("undangan", contoh_event, rapat="sortir", today=date(2026, 10, 1))
    run("sk", contoh_event)
    numbers = [e["nomor"] for e in _register(contoh_event)]
    assert numbers == ["005/1201/DPMD/IX/2026", "005/1202/DPMD/X/2026", "400.10/1203/DPMD/IX/2026"]
    assert len({e["urut"] for e in _register(contoh_event)}) == 3


def test_sequence_restarts_each_year(minimal_event):
    tahapan = minimal_data("tahapan.yaml")
    for index, kode in ((2, "rapat-pembukaan"), (6, "rapat-bursa")):
        tahapan[index]["rapat"] = {"tanggal": "2027-01-20", "mulai": "09.00", "tempat": "Aula",
                                   "acara": "Rapat", "penerima": ["opd"]}
    make_event(minimal_event, {"tahapan.yaml": tahapan})
    run("undangan", minimal_event, rapat="rapat-pembukaan", today=date(2026, 12, 20))
    run("undangan", minimal_event, rapat="rapat-bursa", today=date(2027, 1, 4))
    run("undangan", minimal_event, rapat="hari-h", today=date(2027, 1, 5))
    assert [(e["tahun"], e["urut"], e["nomor"]) for e in _register(minimal_event)] == [
        (2026, 1, "005/1/DPMD/XII/2026"), (2027, 1, "005/1/DPMD/I/2027"), (2027, 2, "005/2/DPMD/I/2027")]


def test_register_keeps_lines_written_by_hand(minimal_event):
    (minimal_event / REGISTER).write_text(
        '# register\n- {"kunci": "manual", "nomor": "005/7/DPMD/IX/2026", "tahun": 2026, "urut": 7,'
        ' "tanggal": "2026-09-01", "perihal": "surat lain"}\n', encoding="utf-8")
    run("undangan", minimal_event, rapat="hari-h")
    entries = _register(minimal_event)
    assert entries[0]["kunci"] == "manual"
    assert entries[1]["urut"] == 8


_GOOD_LINE = {"kunci": "manual", "nomor": "005/7/DPMD/IX/2026", "tahun": 2026, "urut": 7,
              "tanggal": "2026-09-01", "perihal": "surat lain"}


@pytest.mark.parametrize("change, field, needle", [
    ({"nomor": None}, "nomor", "Wajib diisi"),
    ({"tanggal": None}, "tanggal", "Wajib diisi"),
    ({"kunci": None}, "kunci", "Wajib diisi"),
    ({"tanggal": "1 September 2026"}, "tanggal", "TTTT-BB-HH"),
    ({"tanggal": 20260901}, "tanggal", "TTTT-BB-HH"),
    ({"nomor": 7}, "nomor", "harus berupa teks"),
    ({"urut": "7"}, "urut", "Harus bilangan bulat"),
])
def test_bad_register_line_is_a_problem_with_its_line(minimal_event, change, field, needle):
    """A register line edited by hand or by a git merge: reported with its line, nothing rendered."""
    import json

    bad = {k: v for k, v in {**_GOOD_LINE, **change}.items() if v is not None}
    (minimal_event / REGISTER).write_text(
        "# register\n- " + json.dumps({**_GOOD_LINE, "kunci": "lain"}) + "\n- " + json.dumps(bad) + "\n",
        encoding="utf-8")
    before = (minimal_event / REGISTER).read_bytes()
    with pytest.raises(DataError) as caught:
        run("undangan", minimal_event, rapat="hari-h")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.path) == (REGISTER, 3, field)
    assert needle in problem.message
    assert written(minimal_event) == [] and (minimal_event / REGISTER).read_bytes() == before


def test_register_line_missing_several_fields_reports_each(minimal_event):
    (minimal_event / REGISTER).write_text('- {"kunci": "manual", "tahun": 2026, "urut": 7}\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        run("undangan", minimal_event, rapat="hari-h")
    assert {(p.line, p.path) for p in caught.value.problems} == {(1, "nomor"), (1, "tanggal")}


def test_preview_renders_few_and_records_nothing(contoh_event):
    result = run("undangan", contoh_event, rapat="hari-h", contoh=3)
    pages = pdf_pages(result.folder / "undangan-hari-h-contoh.pdf")
    assert len(pages) == 6 and all(p.count("CONTOH") == 1 for p in pages)  # each letter, then its lampiran
    assert [o.name for o in result.outputs] == [
        "undangan-hari-h-contoh.pdf", "undangan-hari-h-contoh-distribusi.pdf",
        "undangan-hari-h-contoh-distribusi.csv", "undangan-hari-h-contoh.docx"]
    assert not (contoh_event / REGISTER).exists()
    assert result.preview


def test_plt_signer_and_custom_tembusan(minimal_event):
    acara = minimal_data("acara.yaml")
    acara["penyelenggara"]["kepala"]["status"] = "plt"
    tahapan = minimal_data("tahapan.yaml")
    tahapan[6]["rapat"] = {"tanggal": "2026-10-22", "mulai": "09.00", "tempat": "Aula", "acara": "Rapat",
                           "penerima": ["tik"], "tembusan": ["Sekretaris Daerah", "Inspektur"]}
    make_event(minimal_event, {"acara.yaml": acara, "tahapan.yaml": tahapan})
    page = pdf_pages(run("undangan", minimal_event, rapat="rapat-bursa").folder / "undangan-rapat-bursa.pdf")[0]
    assert "Plt. KEPALA DINAS PEMBERDAYAAN" in page
    assert "1. Sekretaris Daerah;" in page and "2. Inspektur." in page


def test_missing_nip_rank_and_logo_are_all_reported_with_lines(minimal_event):
    acara = minimal_data("acara.yaml")
    del acara["penyelenggara"]["kepala"]["nip"]
    del acara["penyelenggara"]["kepala"]["pangkat"]
    acara["penyelenggara"]["logo"] = "aset/lambang.png"
    text = dump_yaml(acara)
    make_event(minimal_event, {"acara.yaml": text})
    with pytest.raises(DataError) as caught:
        run("undangan", minimal_event)
    found = {(p.file, p.line, p.message.split(" ")[0]) for p in caught.value.problems}
    assert found == {
        ("acara.yaml", _line_of(text, "kepala:"), "NIP"),
        ("acara.yaml", _line_of(text, "kepala:"), "Pangkat"),
        ("acara.yaml", _line_of(text, "logo:"), "Berkas"),
    }
    assert written(minimal_event) == [] and not (minimal_event / "keluaran").exists()
    assert not (minimal_event / REGISTER).exists()


@pytest.mark.parametrize("files, logo, picture", [
    (["lambang.PNG"], "aset/lambang.PNG", "lambang.png"),
    (["lambang.svg", "lambang.png"], "aset/lambang.svg", "lambang.png"),
    (["lambang.svg", "lambang.JPG"], "aset/lambang.svg", "lambang.jpg"),
    (["lambang.gif"], "aset/lambang.gif", "lambang.gif"),
    (["lambang.svg", "lambang.webp"], "aset/lambang.svg", None),
    ([], None, None),
])
def test_logo_picture_is_what_word_can_take(tmp_path, files, logo, picture):
    from bursa_cli.render.surat import logo_picture

    (tmp_path / "aset").mkdir()
    for name in files:
        (tmp_path / "aset" / name).write_bytes(b"x")
    found = logo_picture(tmp_path, logo)
    assert (found.name.lower() if found else None) == picture  # lower: the same on Windows and macOS


@pytest.mark.parametrize("name, in_docx", [("lambang.PNG", True), ("lambang.svg", False)])
def test_logo_note_and_docx_agree(minimal_event, name, in_docx):
    """The PDF kop takes any picture; the DOCX only the kinds Word reads, and the note says so."""
    from docx import Document
    from PIL import Image

    (minimal_event / "aset").mkdir(exist_ok=True)
    if name.endswith(".svg"):
        (minimal_event / "aset" / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
            encoding="utf-8")
    else:
        Image.new("RGB", (4, 4)).save(minimal_event / "aset" / name, "PNG")
    acara = minimal_data("acara.yaml")
    acara["penyelenggara"]["logo"] = f"aset/{name}"
    make_event(minimal_event, {"acara.yaml": acara})
    result = run("sk", minimal_event)
    notes = [n for n in result.notes if n.startswith("DOCX tanpa lambang")]
    pictures = len(Document(str(result.folder / "sk-tik-panitia.docx")).inline_shapes)
    assert (pictures, notes) == ((1, []) if in_docx else (0, [
        "DOCX tanpa lambang: Word tidak dapat memuat 'aset/lambang.svg'; letakkan versi PNG "
        "(lambang.png) di sampingnya."]))


def test_bad_number_pattern_is_reported(minimal_event):
    acara = minimal_data("acara.yaml")
    acara["penomoran"]["pola"] = "{klasifikasi}/{nomor}/{unit}"
    text = dump_yaml(acara)
    make_event(minimal_event, {"acara.yaml": text})
    with pytest.raises(DataError) as caught:
        run("undangan", minimal_event)
    [problem] = caught.value.problems
    assert problem.line == _line_of(text, "pola:") and "{nomor}" in problem.message


# --------------------------------------------------------------------------- SK


def test_sk_by_kepala_dinas(contoh_event):
    result = run("sk", contoh_event)
    pages = pdf_pages(result.folder / "sk-tik-panitia.pdf")
    text = " ".join(" ".join(pages).split())
    for needle in [
        "KEPUTUSAN KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA KABUPATEN TEMANGGUNG",
        "NOMOR 400.10/1201/DPMD/IX/2026", "TENTANG", "Menimbang : a. bahwa", "Mengingat : 1. Undang-Undang Nomor 6 "
        "Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, Tambahan Lembaran "
        "Negara Republik Indonesia Nomor 5495)", "MEMUTUSKAN:", "Menetapkan : KEPUTUSAN", "KESATU :", "KEENAM :",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.", "Ditetapkan di Temanggung",
        "pada tanggal 30 September 2026", "Tembusan:", "4. Yang bersangkutan untuk diketahui dan dilaksanakan.",
        "LAMPIRAN", "TANGGAL : 30 September 2026", "No Nama/Jabatan Kedudukan",
        "A TIM INOVASI KABUPATEN", "B PANITIA",
    ]:
        assert needle in text, needle
    assert text.index("KEENAM") < text.index("Ditetapkan di") < text.index("LAMPIRAN")
    event = load_event(contoh_event).event
    lampiran = " ".join(" ".join(pages[[i for i, p in enumerate(pages) if "LAMPIRAN" in p][0]:]).split())
    for member in event.panitia:
        assert member.nama in lampiran
    tik = [m for m in event.panitia if m.tim == "TIK"]
    assert lampiran.index(tik[-1].nama) < lampiran.index("B PANITIA")
    docx = docx_text(result.folder / "sk-tik-panitia.docx")
    assert "KEPUTUSAN KEPALA DINAS" in docx and "MEMUTUSKAN:" in docx and tik[0].nama in docx


def test_sk_by_bupati_leaves_number_to_bagian_hukum(contoh_event):
    text = (contoh_event / "acara.yaml").read_text(encoding="utf-8")
    text = text.replace("penanda_tangan_sk: kepala_dinas", "penanda_tangan_sk: bupati")
    (contoh_event / "acara.yaml").write_text(text, encoding="utf-8")
    result = run("sk", contoh_event)
    page = " ".join(pdf_pages(result.folder / "sk-tik-panitia.pdf")[0].split())
    assert "KEPUTUSAN BUPATI TEMANGGUNG NOMOR TAHUN 2026" in page
    assert "BUPATI TEMANGGUNG," in page
    assert not (contoh_event / REGISTER).exists()
    assert any("Bagian Hukum" in note for note in result.notes)


def test_sk_by_bupati_needs_the_bupati(minimal_event):
    acara = minimal_data("acara.yaml")
    acara["dokumen"] = {**acara["dokumen"], "penanda_tangan_sk": "bupati"}
    text = dump_yaml(acara)
    make_event(minimal_event, {"acara.yaml": text})
    with pytest.raises(DataError) as caught:
        run("sk", minimal_event)
    assert [(p.line, "Bupati" in p.message) for p in caught.value.problems] == [
        (_line_of(text, "penanda_tangan_sk:"), True)]


def test_sk_mengingat_from_the_event(minimal_event):
    acara = minimal_data("acara.yaml")
    acara["sk"] = {"mengingat": ["Peraturan Daerah Kabupaten Temanggung Nomor 9 Tahun 2016 tentang <Desa>"]}
    make_event(minimal_event, {"acara.yaml": acara})
    text = " ".join(" ".join(pdf_pages(run("sk", minimal_event).folder / "sk-tik-panitia.pdf")).split())
    assert "Mengingat : 1. Peraturan Daerah Kabupaten Temanggung Nomor 9 Tahun 2016 tentang <Desa>." in text
    assert "Undang-Undang Nomor 6 Tahun 2014" not in text


def test_sk_member_without_jabatan(minimal_event):
    panitia = minimal_data("panitia.yaml")
    del panitia[2]["jabatan"]
    text = dump_yaml(panitia)
    make_event(minimal_event, {"panitia.yaml": text})
    with pytest.raises(DataError) as caught:
        run("sk", minimal_event)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == ("panitia.yaml", _line_of(text, "id: PAN-01"))


# --------------------------------------------------------------------------- susunan acara, daftar hadir


def test_susunan_acara(contoh_event):
    acara = load_event(contoh_event).event.acara
    result = run("susunan-acara", contoh_event)
    pages = pdf_pages(result.folder / "susunan-acara.pdf")
    text = " ".join(" ".join(pages).split())
    assert len(pages) == 1
    assert "SUSUNAN ACARA" in text and "Kamis, 12 November 2026" in text
    for item in acara.susunan_acara:
        assert item.acara.split(":")[0] in text
    assert "08.05–08.10" in text and "14.30–selesai" in text.replace("– ", "–")  # may wrap in its cell


@pytest.mark.parametrize("rapat", ["rapat-bursa", "hari-h"])
def test_daftar_hadir(contoh_event, rapat):
    event = load_event(contoh_event).event
    result = run("daftar-hadir", contoh_event, rapat=rapat)
    pages = pdf_pages(result.folder / f"daftar-hadir-{rapat}.pdf")
    text = " ".join(" ".join(pages).split())
    if rapat == "hari-h":
        people = [p for p in event.peserta if p.konfirmasi != "tidak"]
        assert "Kecamatan Bulu" in text
    else:
        people = [a for a in event.panitia]
    for person in people:
        assert person.nama in text
    rows = len(people) + 5
    assert f" {rows} " in text and f" {rows + 1} " not in text.split("Halaman")[0]
    for page in pages:  # the header repeats on every page
        assert "No Nama Jabatan/Desa Tanda Tangan" in " ".join(page.split())
    assert pages[-1].strip().endswith(f"Halaman {len(pages)} dari {len(pages)}")


def test_day_attendance_list_in_batches_is_the_one_document(contoh_event, tmp_path):
    """One kecamatan per batch, in two workers: the same pages as one batch in one process. Each
    kecamatan opens its page, the numbers run on, and the page numbers count the whole sheet."""
    single = run("daftar-hadir", contoh_event, rapat="hari-h", jobs=1)
    whole = pdf_pages(single.folder / "daftar-hadir-hari-h.pdf")
    (single.folder / "daftar-hadir-hari-h.pdf").rename(tmp_path / "satu.pdf")
    batched = run("daftar-hadir", contoh_event, rapat="hari-h", jobs=2, batch=1)
    pages = pdf_pages(batched.folder / "daftar-hadir-hari-h.pdf")
    assert pages == whole
    groups = [p for p in pages if "Kecamatan " in p or "Undangan lain" in p]
    assert len(groups) == len(load_event(contoh_event).event.kecamatan_nama) + 1
    for number, page in enumerate(pages, start=1):
        words = " ".join(page.split())
        assert words.endswith(f"Halaman {number} dari {len(pages)}")
        if number > 1:  # a group heading comes right under the repeated table header, or none at all
            after = words.split("No Nama Jabatan/Desa Tanda Tangan ", 1)[1]
            assert after.startswith(("Kecamatan ", "Undangan lain")) or "Kecamatan " not in after
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\.$", "\n".join(pages))]
    assert numbers == list(range(1, len(numbers) + 1))  # the signature column's numbers run on


def _print_meeting(folder: str, rapat: str) -> None:
    from bursa_cli.render.pdf import forget_styles

    try:
        run("undangan", Path(folder), rapat=rapat)
    finally:
        forget_styles()  # a pool worker ends with os._exit: its fonts' temporary folder goes now


def test_two_runs_at_once_never_share_a_number(minimal_event):
    import multiprocessing

    tahapan = minimal_data("tahapan.yaml")
    for index in (2, 4, 6):
        tahapan[index]["rapat"] = {"tanggal": "2026-10-20", "mulai": "09.00", "tempat": "Aula",
                                   "acara": "Rapat", "penerima": ["opd", "tik"]}
    make_event(minimal_event, {"tahapan.yaml": tahapan})
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        pool.starmap(_print_meeting, [(str(minimal_event), kode)
                                      for kode in ("rapat-pembukaan", "pembekalan", "rapat-bursa")])
    entries = _register(minimal_event)
    assert sorted(e["urut"] for e in entries) == [1, 2, 3]
    assert sorted(e["kunci"] for e in entries) == ["undangan/pembekalan", "undangan/rapat-bursa",
                                                   "undangan/rapat-pembukaan"]


@pytest.mark.parametrize("rapat, group, note", [
    ("hari-h", "Kepala Desa", "dimohon hadir bersama"),
    ("hari-h", "Ketua BPD", "dimohon hadir bersama"),
    ("rapat-pembukaan", "Kepala Dinas Kesehatan", "menugaskan pejabat yang membidangi"),
])
def test_group_notes(contoh_event, rapat, group, note):
    """Checked on the letters' HTML (one <section> per letter): the PDF of every letter adds nothing here."""
    import re

    job = plan("undangan", contoh_event, Options(rapat=rapat, today=date(2026, 9, 15)), origin=ORIGIN)
    try:
        letters = job.outputs[0]
        html = job.renderer.html(*letters.parts[0], letters.title)
    finally:
        job.finish()
    sections = re.split(r'<section class="surat"[^>]*>', html)[1:]
    pages = [" ".join(re.sub(r"<[^>]+>", " ", section).split()) for section in sections]
    assert len(pages) == len(letters.parts[0][1]["penerima"])
    with_group = [p for p in pages if group in p.split("di Tempat")[0]]
    assert with_group and all(note in p for p in with_group)
    assert not all(note in p for p in pages)  # other groups do not get it


# --------------------------------------------------------------------------- salutations and tembusan


def test_offices_are_addressed_by_office_not_by_name(contoh_event):
    """Camat and village heads: "Yth. Camat Bulu", "Yth. Kepala Desa X"; "Sdr." only before a name alone."""
    event = load_event(contoh_event).event
    people = recipients(event, ["camat", "kepala-desa", "ketua-bpd", "opd", "p2ktd", "tik"])
    by_group: dict[str, list] = {}
    for p in people:
        by_group.setdefault(p.kelompok, []).append(p)
    assert any(p.nama for p in by_group["camat"]) and any(p.nama for p in by_group["kepala-desa"])
    for group, office in (("camat", "Camat "), ("kepala-desa", "Kepala Desa "), ("ketua-bpd", "Ketua BPD ")):
        assert all(p.yth.startswith(office) and p.nama not in p.yth for p in by_group[group] if p.nama)
    assert all(not p.yth.startswith("Sdr.") for g in ("camat", "kepala-desa", "ketua-bpd", "opd", "p2ktd")
               for p in by_group[g])
    assert all(p.yth == f"Sdr. {p.nama}" for p in by_group["tik"])
    text = html_text(planned_html("undangan", contoh_event, rapat="hari-h")["undangan-hari-h.pdf"])
    camat = next(p for p in by_group["camat"] if p.nama)
    assert f"Yth. {camat.yth}" in text and f"Sdr. {camat.nama}" not in text


def test_single_tembusan_is_not_numbered(contoh_event):
    """The sorting meeting's letter carries one tembusan (to the Bupati): no "1."; the SK's four are numbered."""
    letter = pdf_pages(run("undangan", contoh_event, rapat="sortir", contoh=1).folder
                       / "undangan-sortir-contoh.pdf")[0]
    lines = [line.strip() for line in letter.splitlines()]
    tembusan = lines[lines.index("Tembusan:") + 1]
    assert tembusan == "Bupati Temanggung (sebagai laporan)."
    docx = docx_text(contoh_event / "keluaran" / "undangan-sortir-contoh.docx")
    assert "\nBupati Temanggung (sebagai laporan)." in docx and "1. Bupati" not in docx
    sk = html_text(planned_html("sk", contoh_event)["sk-tik-panitia.pdf"])
    assert "1. Bupati Temanggung (sebagai laporan);" in sk and "4. Yang bersangkutan" in sk


def test_distribution_list_columns_and_page_numbers(contoh_event):
    """Four-digit numbers fit their column; P2KTD rows show the provider, not its street address."""
    event = load_event(contoh_event).event
    html = planned_html("undangan", contoh_event, rapat="hari-h")["undangan-hari-h-distribusi.pdf"]
    assert '<col style="width: 13mm">' in html and 'counter(page) " dari " counter(pages)' in html
    text = html_text(html)
    for p2ktd in event.p2ktd:
        assert f"Pimpinan {p2ktd.nama}" in text
        if p2ktd.alamat:
            assert p2ktd.alamat not in text
    pages = pdf_pages(run("undangan", contoh_event, rapat="hari-h", contoh=2).folder
                      / "undangan-hari-h-contoh-distribusi.pdf")
    assert "Halaman 1 dari 1" in pages[0]


def test_lampiran_susunan_acara_is_signed_on_its_one_sheet(contoh_event):
    """The day's letter: "1 (satu) lembar susunan acara", and that sheet carries the signature."""
    pages = pdf_pages(run("undangan", contoh_event, rapat="hari-h", contoh=1).folder / "undangan-hari-h-contoh.pdf")
    assert len(pages) == 2 and "1 (satu) lembar susunan acara" in pages[0]
    lampiran = " ".join(pages[1].split())
    assert lampiran.startswith("LAMPIRAN SURAT KEPALA DINAS") and "SUSUNAN ACARA" in lampiran
    assert lampiran.index("Penutupan dan foto bersama") < lampiran.index("KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN "
                                                                         "DESA KABUPATEN TEMANGGUNG,")
    assert lampiran.endswith("Drs. Bambang Sutrisno, M.Si. Pembina Utama Muda (IV/c) NIP 19680512 199403 1 007 CONTOH")


@pytest.mark.parametrize("rapat", ["hari-h", "rapat-pembukaan"])
def test_attendance_list_never_leaves_one_row_alone_with_the_signature(contoh_event, rapat):
    """The last page carries the signature with at least three rows, not one blank row."""
    pages = pdf_pages(run("daftar-hadir", contoh_event, rapat=rapat, jobs=1).folder / f"daftar-hadir-{rapat}.pdf")
    numbers = [int(n) for n in re.findall(r"^(\d+)\.?\s*$", "\n".join(pages), re.M)]
    last = max(numbers)
    final = {int(n) for n in re.findall(r"^(\d+)\.?\s*$", pages[-1], re.M)}
    assert {last - 2, last - 1, last} <= final, (last, sorted(final))
    assert "NIP 19680512 199403 1 007" in pages[-1]
