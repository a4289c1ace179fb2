"""What an officer reads on the printed documents: wording and page furniture (issue of the
documents' defects). Layout itself is guarded by test_layout.py."""

from __future__ import annotations

from pathlib import Path

from bursa_cli.schema.event import load_event
from render_helpers import pdf_pages, run


def test_meeting_attendance_list_has_kop_signature_and_delegate_rows(contoh_event):
    event = load_event(contoh_event).event
    kepala = event.acara.penyelenggara.kepala
    result = run("daftar-hadir", contoh_event, rapat="rapat-pembukaan")
    pages = pdf_pages(result.folder / "daftar-hadir-rapat-pembukaan.pdf")
    first, last = " ".join(pages[0].split()), " ".join(pages[-1].split())
    assert first.startswith("PEMERINTAH KABUPATEN TEMANGGUNG DINAS PEMBERDAYAAN MASYARAKAT DAN DESA")
    assert "Kepala Dinas Kesehatan atau yang mewakili" in first
    assert kepala.nama in last and "Temanggung, 22 September 2026" in last
    assert last.index("Tanda Tangan") < last.index(kepala.nama)  # the signature follows rows on its page


def test_default_mengingat_comes_from_the_reviewable_data_file_and_is_complete(contoh_event):
    from bursa_cli.render.sk import default_mengingat

    items = default_mengingat()
    assert all("Nomor" in m and "Tahun" in m for m in items)
    assert all("terakhir dengan" in m for m in items if "beberapa kali diubah" in m)
    assert "Berita Negara Republik Indonesia Tahun 2015 Nomor 160" in items[4]
    result = run("sk", contoh_event)
    text = " ".join(" ".join(pdf_pages(result.folder / "sk-tik-panitia.pdf")).split())
    assert "Peraturan Pemerintah Nomor 8 Tahun 2016 tentang Perubahan Kedua" in text
    assert "Peraturan Bupati Temanggung tentang" not in text  # no citation without its number


def test_sk_pages_are_numbered_from_page_two(contoh_event):
    pages = pdf_pages(run("sk", contoh_event).folder / "sk-tik-panitia.pdf")
    lines = [[line.strip() for line in page.splitlines()] for page in pages]
    assert "- 1 -" not in lines[0]
    for number, page in enumerate(lines[1:], start=2):
        assert f"- {number} -" in page


def test_an_incomplete_citation_is_a_warning_at_its_line(tmp_path):
    import yaml

    from bursa_cli.check import validate_event
    from support import make_event

    root = make_event(tmp_path / "acara", base="contoh")
    text = (root / "acara.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["sk"]["mengingat"] = [
        "Undang-Undang Nomor 6 Tahun 2014 tentang Desa",
        "Peraturan Bupati Temanggung tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi Dinas",
        "Peraturan Pemerintah Nomor 60 Tahun 2014 tentang Dana Desa sebagaimana telah beberapa kali diubah",
    ]
    (root / "acara.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines = (root / "acara.yaml").read_text(encoding="utf-8").splitlines()
    found = [p for p in validate_event(root).problems if p.code == "BUR-C017"]
    assert [(p.file, p.level, p.message) for p in found] == [
        ("acara.yaml", "peringatan", "Mengingat butir 2 belum lengkap: tulis nomor dan tahun peraturannya."),
        ("acara.yaml", "peringatan",
         'Mengingat butir 3 belum lengkap: tulis perubahan terakhirnya ("terakhir dengan ...").'),
    ]
    assert "Peraturan Bupati Temanggung" in lines[found[0].line - 1]
    assert "Peraturan Pemerintah Nomor 60" in lines[found[1].line - 1]


def test_day_letter_carries_the_programme_on_the_pages_after_it(contoh_event, tmp_path):
    """The lampiran is printed: after every letter, the susunan acara headed with the letter's number;
    the DOCX master letter states and carries the same; `lampiran_undangan: []` prints none."""
    import shutil

    from render_helpers import docx_text

    result = run("undangan", contoh_event, rapat="hari-h", contoh=2)
    pages = [" ".join(p.split()) for p in pdf_pages(result.folder / "undangan-hari-h-contoh.pdf")]
    nomor = next(p for p in pages[0].split("Nomor : ")[1:]).split(" Sifat")[0]
    assert len(pages) == 4  # two letters, each followed by its one-page lampiran
    for letter, lampiran in (pages[0:2], pages[2:4]):
        assert "Lampiran : 1 (satu) lembar susunan acara" in letter and "SUSUNAN ACARA" not in letter
        assert lampiran.startswith("LAMPIRAN SURAT KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA KABUPATEN "
                                   f"TEMANGGUNG NOMOR : {nomor} TANGGAL : ")
        assert "SUSUNAN ACARA" in lampiran and "Penutupan dan foto bersama" in lampiran
    docx = docx_text(result.folder / "undangan-hari-h-contoh.docx")
    assert "1 (satu) lembar susunan acara dan 1 (satu) berkas daftar distribusi" in docx
    assert "LAMPIRAN SURAT KEPALA DINAS" in docx and "Penutupan dan foto bersama" in docx

    plain = tmp_path / "tanpa-lampiran"
    shutil.copytree(contoh_event, plain, ignore=shutil.ignore_patterns("keluaran"))
    acara = plain / "acara.yaml"
    text = acara.read_text(encoding="utf-8").replace("dokumen:\n", "dokumen:\n  lampiran_undangan: []\n", 1)
    acara.write_text(text, encoding="utf-8")
    result = run("undangan", plain, rapat="hari-h", contoh=2)
    pages = [" ".join(p.split()) for p in pdf_pages(result.folder / "undangan-hari-h-contoh.pdf")]
    assert len(pages) == 2 and all("Lampiran : - " in p and "SUSUNAN ACARA" not in p for p in pages)
    assert "susunan acara terlampir" not in " ".join(pages)
    docx = docx_text(result.folder / "undangan-hari-h-contoh.docx").splitlines()
    assert "1 (satu) berkas daftar distribusi" in docx and not any("SUSUNAN ACARA" in line for line in docx)


def test_an_addressee_line_never_repeats_the_office(contoh_event):
    from bursa_cli.penerima import recipients

    people = recipients(load_event(contoh_event).event, ["pendamping"])
    assert people and all(p.baris[0].startswith("Pendamping Desa Kecamatan ") for p in people)
    assert all(len(p.baris) == 1 for p in people)


def test_katalog_type_is_legible_and_the_index_names_stan_and_meja(contoh_event):
    from weasyprint.formatting_structure import boxes

    from bursa_cli.render.job import Options, plan
    from render_helpers import TODAY

    job = plan("katalog", contoh_event, Options(today=TODAY))
    try:
        [output] = job.outputs
        html = "".join(job.renderer.html(t, c, output.title) for t, c in output.parts)
        document = job.renderer.document(html)
    finally:
        job.finish()
    sizes, body = set(), set()
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TextBox) and box.text.strip():
                size = round(box.style["font_size"] * 72 / 96, 1)  # CSS px to pt
                sizes.add(size)
                if box.element is not None and box.element.tag == "p" and not box.element.get("class"):  # a description
                    body.add(size)
    assert min(sizes) >= 8 and body and min(body) >= 10
    text = " ".join(" ".join(pdf_pages(run("katalog", contoh_event).folder / "katalog.pdf")).split())
    assert "Stan · Meja" in text and "4 · C-02" in text


def test_parallel_items_are_marked_and_gaps_and_room_clashes_are_warned(tmp_path):
    import yaml

    from bursa_cli.check import validate_event
    from support import make_event

    root = make_event(tmp_path / "acara", base="contoh")
    text = " ".join(" ".join(pdf_pages(run("susunan-acara", root).folder / "susunan-acara.pdf")).split())
    assert "bersamaan dengan No 10, 12" in text and "bersamaan dengan No 11" in text
    assert not [p for p in validate_event(root).problems if p.code in ("BUR-C018", "BUR-C019")]
    data = yaml.safe_load((root / "acara.yaml").read_text(encoding="utf-8"))
    items = data["susunan_acara"]
    items[3]["ruang"] = "J1"
    items[3]["mulai"], items[3]["selesai"] = "08.15", "08.25"  # a gap 08.10-08.15, and J1 with item 5 (08.20)
    (root / "acara.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lines = (root / "acara.yaml").read_text(encoding="utf-8").splitlines()
    found = [(p.code, p.level, p.message, lines[p.line - 1].strip(" -")) for p in validate_event(root).problems
             if p.code in ("BUR-C018", "BUR-C019")]
    assert found == [
        ("BUR-C018", "peringatan", "Susunan acara kosong dari 08.10 sampai 08.15 (sebelum mata acara nomor 4); "
         "isi atau geser jamnya.", "mulai: '08.15'"),
        ("BUR-C019", "peringatan", "Mata acara nomor 5 memakai ruang J1 bersamaan dengan mata acara nomor 4.",
         "mulai: '08.20'"),
    ]


def test_recap_counts_ideas_from_outside_the_villages_and_keeps_one_palette(contoh_event):
    from bursa_cli.recap.build import build_recap
    from bursa_cli.recap.report import COLORS
    from bursa_cli.render import floorplan
    from bursa_cli.schema.types import BIDANG_WARNA

    recap = build_recap(load_event(contoh_event).event)
    assert recap.ide_luar_desa == 1  # the TA P3MD's card
    assert sum(k.ide for k in recap.kecamatan) + recap.ide_luar_desa == recap.ringkasan.ide == 15
    assert COLORS is BIDANG_WARNA and floorplan.BIDANG_WARNA is BIDANG_WARNA


def test_bidang_palette_and_order_are_defined_once():
    """The bidang colours and order are assigned in schema/types.py only, and every module reads them there."""
    import ast

    import bursa_cli

    package = Path(bursa_cli.__file__).parent
    names = {"BIDANG_WARNA", "BIDANG_ORDER"}
    defined, borrowed = [], []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            defined += [(where, t.id) for t in targets if isinstance(t, ast.Name) and t.id in names]
            if isinstance(node, ast.ImportFrom) and not (node.module or "").endswith("types"):
                borrowed += [(where, node.module, a.name) for a in node.names if a.name in names]
    assert sorted(defined) == [("schema/types.py", "BIDANG_ORDER"), ("schema/types.py", "BIDANG_WARNA")]
    assert borrowed == []


def test_kartu_komitmen_instruction_names_the_box_of_the_grid_mode(tmp_path):
    """40 desks in 3 rooms: on A5 numbered open boxes for any desk, and the card says so; on A4 a box per desk."""
    from support import make_event, minimal_data

    def card_text(kertas: str) -> str:
        acara = minimal_data("acara.yaml")
        bursa = acara["tempat"]["ruang"][1]
        acara["tempat"]["ruang"][1:2] = [
            {**bursa, "kode": kode, "nama": f"Bursa {kode}", "meja": [f"{kode}-{n:02d}" for n in range(1, count + 1)]}
            for kode, count in (("A", 14), ("B", 13), ("C", 13))]
        acara["dokumen"] = {**acara["dokumen"], "kertas_kartu_komitmen": kertas}
        root = make_event(tmp_path / kertas, {"acara.yaml": acara})
        return " ".join(" ".join(pdf_pages(run("kartu-komitmen", root, contoh=1).folder /
                                           "kartu-komitmen-contoh.pdf")).split())

    text = card_text("A5")
    assert "Konsultan dari meja mana pun memberi stempel pada kotak kosong berikutnya dan menulis kode mejanya" in text
    assert "kotak meja" not in text and "A-01" not in text and text.count("Meja ......") == 14
    text = card_text("A4")
    assert "stempel pada kotak meja tempat Bapak/Ibu berkonsultasi" in text and "kotak kosong" not in text
    assert "A-14 Bursa A" in text
