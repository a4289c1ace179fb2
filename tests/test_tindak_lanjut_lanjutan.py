"""The next Bursa starts from this one (`init --dari`, evidence, innovations already run), and the
verification page's optional follow-up."""

from __future__ import annotations

from pathlib import Path

import yaml

from bursa_cli.certify.codes import load_key
from bursa_cli.certify.data import certificate_of
from bursa_cli.certify.page import page_data
from bursa_cli.certify.verify import open_entry
from bursa_cli.check import validate_event
from bursa_cli.indo import rupiah_singkat
from bursa_cli.schema.event import load_event
from bursa_cli.schema.logfile import format_entry
from followup_support import followup_files
from render_helpers import pdf_pages
from support import bursa, make_event, minimal_data, plain
from web_support import browser  # noqa: F401  (a fixture: Debian chromium via Playwright)


def _new_from_old(tmp_path: Path) -> tuple[Path, Path]:
    old = make_event(tmp_path / "bursa-2026", followup_files())
    new = tmp_path / "bursa-2027"
    result = bursa("init", new, "--dari", old, "--tanggal", "2027-11-10", "--tanpa-git")
    assert result.exit_code == 0, result.output
    return old, new


def test_init_from_an_earlier_bursa(tmp_path):
    old, new = _new_from_old(tmp_path)
    for name in ("opd.yaml", "p2ktd.yaml", "panitia.yaml"):
        assert (new / name).read_text(encoding="utf-8").endswith((old / name).read_text(encoding="utf-8"))
    acara = yaml.safe_load((new / "acara.yaml").read_text(encoding="utf-8"))
    assert (acara["tanggal"].isoformat(), acara["tahun_apbdes"]) == ("2027-11-10", 2028)
    assert acara["wilayah"] == yaml.safe_load((old / "acara.yaml").read_text(encoding="utf-8"))["wilayah"]
    inovasi = {i["id"]: i for i in yaml.safe_load((new / "inovasi.yaml").read_text(encoding="utf-8"))}
    assert all(i["sortir"] == {"keputusan": "belum"} and "meja" not in i and "ruang" not in i for i in inovasi.values())
    # Bulu carried out INO-001 with Rp15.000.000; INO-002 is budgeted in Bulu (Rp80.000.000), not yet carried out
    assert {k: v for k, v in inovasi["INO-001"]["bukti"].items() if k != "per"} == {
        "acara": "Bursa Inovasi Desa Kabupaten Temanggung Tahun 2026", "desa_direplikasi": 1,
        "desa_dianggarkan": 1, "nilai_apbdes": 15_000_000}
    assert (inovasi["INO-002"]["bukti"]["desa_direplikasi"], inovasi["INO-002"]["bukti"]["nilai_apbdes"]) == (0, 80_000_000)
    desa = {d["kode"]: d for d in yaml.safe_load((new / "desa.yaml").read_text(encoding="utf-8"))}
    assert desa["33.23.01.2001"]["inovasi_berjalan"] == ["INO-001"]
    assert "inovasi_berjalan" not in desa["33.23.01.2002"]
    assert not (new / "log").exists()
    loaded = load_event(new)
    carried = [p for p in loaded.problems if p.file in ("inovasi.yaml", "desa.yaml", "opd.yaml", "p2ktd.yaml",
                                                        "panitia.yaml", "acara.yaml")]
    assert carried == [], [p.parsable() for p in carried]
    assert loaded.event.inovasi_by_id["INO-001"].bukti.desa_direplikasi == 1


def test_init_from_refuses_region_options_and_a_folder_that_is_not_an_event(tmp_path):
    old = make_event(tmp_path / "lama", followup_files())
    mixed = bursa("init", tmp_path / "baru", "--dari", old, "--kabupaten", "Magelang")
    assert mixed.exit_code == 2 and "--dari membawa wilayah" in plain(mixed.output)
    missing = bursa("init", tmp_path / "baru", "--dari", tmp_path / "tidak-ada")
    assert missing.exit_code == 2 and "bukan folder acara" in plain(missing.output)
    assert not (tmp_path / "baru").exists()


def test_a_village_is_not_offered_what_it_already_runs(tmp_path):
    _, new = _new_from_old(tmp_path)
    card = {"waktu": "2027-11-10T11:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001", "INO-002"],
            "tahun_apbdes": 2028, "ttd_kepala_desa": True, "ttd_ketua_bpd": True,
            "alasan": {"INO-001": "Konsultasi di Dinas", "INO-002": "Konsultasi di Dinas"}}
    (new / "log" / "komitmen").mkdir(parents=True)
    (new / "log" / "komitmen" / "J3-1.yaml").write_text("# log\n" + format_entry(card), encoding="utf-8")
    report = validate_event(new)
    found = [p for p in report.problems if p.code == "BUR-F015"]
    assert [(p.file, p.line, p.level) for p in found] == [("log/komitmen/J3-1.yaml", 2, "peringatan")]
    assert "Desa Bulu sudah melaksanakan INO-001 (Posyandu Remaja)" in found[0].message
    result = bursa("cetak", "kartu-komitmen", new, "--contoh", "1")
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(pdf_pages(new / "keluaran" / "kartu-komitmen-contoh.pdf")).split())
    assert "Sudah dilaksanakan desa ini, bukan untuk komitmen baru: Posyandu Remaja" in text


def test_evidence_on_posters_and_in_the_katalog(contoh_event):
    inovasi = contoh_event / "inovasi.yaml"
    text = inovasi.read_text(encoding="utf-8")
    first = text.index("- id: INO-001")
    end = text.index("\n- id:", first + 5)
    evidence = ("  bukti:\n    acara: Bursa Inovasi Desa Kabupaten Temanggung Tahun 2025\n    per: 2026-06-30\n"
                "    desa_direplikasi: 12\n    desa_dianggarkan: 14\n    nilai_apbdes: 1400000000\n")
    inovasi.write_text(text[:end + 1] + evidence + text[end + 1:], encoding="utf-8")
    assert bursa("cetak", "poster", contoh_event, "--contoh", "1").exit_code == 0
    poster = " ".join(" ".join(pdf_pages(contoh_event / "keluaran" / "poster-contoh.pdf")).split())
    assert "Sudah direplikasi 12 desa, Rp1,4 M dianggarkan" in poster
    assert "menurut tindak lanjut Bursa Inovasi Desa Kabupaten Temanggung Tahun 2025, per 30 Juni 2026" in poster
    assert bursa("cetak", "katalog", contoh_event).exit_code == 0
    katalog = " ".join(" ".join(pdf_pages(contoh_event / "keluaran" / "katalog.pdf")).split())
    assert katalog.count("Bukti: direplikasi 12 desa, Rp1,4 M dianggarkan") == 1


def test_rupiah_in_short():
    assert [rupiah_singkat(v) for v in (1_400_000_000, 595_000_000, 2_000_000_000, 750_000)] == [
        "Rp1,4 M", "Rp595 jt", "Rp2 M", "Rp750.000"]


def _code(root: Path, desa: str) -> str:
    event = load_event(root).event
    return certificate_of(event, event.komitmen_berlaku[desa], load_key(root), event.kepala_desa_nama, []).kode


def test_verification_shows_the_follow_up_only_when_published(tmp_path):
    files = followup_files()
    root = make_event(tmp_path / "acara", files)
    code = _code(root, "33.23.01.2001")
    hidden = bursa("verifikasi", code, root)
    assert hidden.exit_code == 0, hidden.output
    assert "Tindak lanjut" not in plain(hidden.output)
    data = page_data(load_event(root).event, load_key(root))
    assert all("keadaan" not in item for item in open_entry(data, code)["inovasi"])

    files["acara.yaml"]["dokumen"] = {**files["acara.yaml"].get("dokumen", {}), "terbitkan_tindak_lanjut": "ya"}
    root = make_event(tmp_path / "terbit", files)
    shown = plain(bursa("verifikasi", code, root).output)
    assert "Posyandu Remaja (Bidang Pengembangan Sumber Daya Manusia) Tindak lanjut: Dilaksanakan, 1 Maret 2027" in shown
    assert "Tindak lanjut: Dianggarkan di APBDes, 5 Januari 2027" in shown
    entry = open_entry(page_data(load_event(root).event, load_key(root)), code)
    assert [i["keadaan"] for i in entry["inovasi"]] == ["Dilaksanakan, 1 Maret 2027", "Dianggarkan di APBDes, 5 Januari 2027"]
    other = _code(root, "33.23.01.2003")
    assert "Tindak lanjut: Belum ada kabar" in plain(bursa("verifikasi", other, root).output)


def test_published_follow_up_on_the_verification_page_in_chromium(tmp_path, browser):
    """The static page, opened from the file on a phone-sized window, shows each innovation's state."""
    import os

    from web_support import PHONE

    files = followup_files()
    files["acara.yaml"]["dokumen"] = {**files["acara.yaml"].get("dokumen", {}), "terbitkan_tindak_lanjut": "ya"}
    files["peserta.yaml"] = minimal_data("peserta.yaml") + [
        {"id": "P-0005", "nama": "Sumarni", "peran": "kepala-desa", "desa": "33.23.01.2003", "konfirmasi": "ya"},
        {"id": "P-0006", "nama": "Slamet", "peran": "ketua-bpd", "desa": "33.23.01.2003", "konfirmasi": "ya"}]
    root = make_event(tmp_path / "acara", files)
    code = _code(root, "33.23.01.2001")
    result = bursa("cetak", "halaman-verifikasi", root)
    assert result.exit_code == 0, result.output
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto((root / "keluaran" / "verifikasi" / "index.html").as_uri() + "#" + code)
        tab.wait_for_selector("#hasil.sah", timeout=60_000)
        text = " ".join(tab.inner_text("#hasil").split())
        assert "Posyandu Remaja (Bidang Pengembangan Sumber Daya Manusia) Tindak lanjut: Dilaksanakan, 1 Maret 2027" in text
        assert "Tindak lanjut: Dianggarkan di APBDes, 5 Januari 2027" in text
        if os.environ.get("BURSA_TANGKAPAN"):  # a screenshot to look at, when asked for
            tab.screenshot(path=os.environ["BURSA_TANGKAPAN"], full_page=True)
    finally:
        tab.close()
