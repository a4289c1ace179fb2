"""`bursa rekap tindak-lanjut`: numbers checked against a small hand-made follow-up."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bursa_cli.recap import followup_recap
from followup_support import followup_files
from support import bursa, make_event, minimal_data, plain

@pytest.fixture
def followed(tmp_path: Path) -> Path:
    return make_event(tmp_path / "acara", followup_files())


def test_counts_by_latest_step(followed):
    recap = followup_recap([followed], per=date(2027, 6, 1))
    assert recap.ringkasan_dict() == {
        "komitmen": 4, "rkp_desa": 0, "apbdes": 1, "pelaksanaan": 1, "selesai": 0, "batal": 1,
        "tanpa_kabar": 1, "nilai_apbdes": 95_000_000}
    assert dict(recap.ringkasan.nilai) == {"dana-desa": 15_000_000, "pades": 80_000_000}
    assert recap.ringkasan.tingkat == 0.25
    assert [(r.desa, r.inovasi, r.alasan) for r in recap.batal] == [
        ("Tegalurung", "INO-001", "Dana dialihkan untuk bencana")]
    assert recap.alasan == [("Dana dialihkan untuk bencana", 1)]
    assert recap.lewat_tahun == []  # 2027 has not ended yet
    late = followup_recap([followed], per=date(2028, 1, 2)).lewat_tahun
    assert [(r.desa, r.inovasi) for r in late] == [("Campursari", "INO-002")]


def test_groups(followed):
    recap = followup_recap([followed], per=date(2027, 6, 1))
    (kecamatan,) = recap.kecamatan
    assert (kecamatan.nama, kecamatan.komitmen, len(kecamatan.desa), kecamatan.nilai_total) == ("Bulu", 4, 3, 95_000_000)
    by_id = {h.kunci: h for h in recap.inovasi}
    assert (by_id["INO-001"].komitmen, by_id["INO-001"].dilaksanakan, by_id["INO-001"].per_tahap["batal"]) == (2, 1, 1)
    assert (by_id["INO-002"].komitmen, by_id["INO-002"].nilai_total, by_id["INO-002"].per_tahap["tanpa-kabar"]) == (
        2, 80_000_000, 1)
    bidang = {h.kunci: h.komitmen for h in recap.bidang}
    assert bidang == {"kewirausahaan": 0, "psdm": 2, "infrastruktur": 2}
    providers = {h.kunci: (h.nama, h.komitmen) for h in recap.p2ktd}
    assert providers == {"P2KTD-01": ("Universitas Tidar", 1), "-": ("(belum ada P2KTD yang mendampingi)", 3)}
    assert recap.ringkasan.sampai("rkp-desa") == 2 and recap.ringkasan.sampai("apbdes") == 2
    assert recap.ringkasan.sampai("pelaksanaan") == 1


def test_several_events_in_one_table(tmp_path):
    first = make_event(tmp_path / "temanggung", followup_files())
    second = make_event(tmp_path / "magelang", followup_files("Bursa Inovasi Desa Kabupaten Magelang Tahun 2026",
                                                              "Kabupaten Magelang"))
    recap = followup_recap([first, second], per=date(2027, 6, 1))
    assert [(h.nama, h.komitmen, h.nilai_total) for h in recap.kabupaten] == [
        ("Kabupaten Temanggung", 4, 95_000_000), ("Kabupaten Magelang", 4, 95_000_000)]
    assert recap.ringkasan_dict()["komitmen"] == 8 and recap.ringkasan_dict()["nilai_apbdes"] == 190_000_000
    assert [(h.induk, h.nama) for h in recap.kecamatan] == [("Kabupaten Magelang", "Bulu"), ("Kabupaten Temanggung", "Bulu")]
    result = bursa("rekap", "tindak-lanjut", first, second, "--per", "2027-06-01")
    assert result.exit_code == 0, result.output
    shown = plain(result.output)
    assert "Kabupaten Magelang" in shown and "Kabupaten Temanggung" in shown and "Per kabupaten" in shown


def test_json_contract(followed, tmp_path):
    target = tmp_path / "tl.json"
    result = bursa("rekap", "tindak-lanjut", followed, "--format", "json", "--keluaran", target, "--per", "2028-01-02")
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["ringkasan"] == {"komitmen": 4, "rkp_desa": 0, "apbdes": 1, "pelaksanaan": 1, "selesai": 0,
                                 "batal": 1, "tanpa_kabar": 1, "nilai_apbdes": 95_000_000}
    assert isinstance(data["ringkasan"]["nilai_apbdes"], int)
    assert data["lewat_tahun"][0]["desa"] == "Campursari"
    assert data["batal"][0]["alasan"] == "Dana dialihkan untuk bencana"
    assert {row["kecamatan"]: row["komitmen"] for row in data["kecamatan"]} == {"Bulu": 4}


def test_xlsx_and_csv(followed, tmp_path):
    result = bursa("rekap", "tindak-lanjut", followed, "--format", "xlsx")
    assert result.exit_code == 0, result.output
    book = load_workbook(followed / "keluaran" / "rekap" / "tindak-lanjut.xlsx")
    assert book.sheetnames[:4] == ["Ringkasan", "Tingkat replikasi", "Per kabupaten", "Per kecamatan"]
    sheet = book["Per kecamatan"]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]]))
    assert (row["Kecamatan"], row["Komitmen"], row["Dianggarkan (Rp)"], row["Replikasi (%)"]) == ("Bulu", 4, 95_000_000, 25.0)
    assert sheet.cell(2, header.index("Dianggarkan (Rp)") + 1).number_format == '"Rp"#,##0'
    result = bursa("rekap", "tindak-lanjut", followed, "--format", "csv", "--keluaran", tmp_path / "csv")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "csv" / "titik-koma" / "kecamatan.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].split(";")[2:5] == ["Bulu", "3", "4"]


def test_refused_when_the_follow_up_has_errors(followed):
    log = followed / "log" / "tindak-lanjut" / "PAN-01.yaml"
    log.write_text(log.read_text(encoding="utf-8").replace('"sumber": "add"', '"sumber": "apbn"'), encoding="utf-8")
    result = bursa("rekap", "tindak-lanjut", followed)
    assert result.exit_code == 1
    shown = plain(result.output)
    assert "Rekap tindak lanjut tidak dibuat" in shown and "log/tindak-lanjut/PAN-01.yaml:5" in shown
    steps = followed / "log" / "tindak-lanjut" / "TA-01.yaml"
    steps.write_text('- {"waktu": "2026-12-01T10:00:00+07:00", "desa": "33.23.01.2003", "inovasi": "INO-001", '
                     '"tahap": "rkp-desa", "tanggal": "2026-11-30"}\n', encoding="utf-8")
    log.write_text(log.read_text(encoding="utf-8").replace('"sumber": "apbn"', '"sumber": "add"'), encoding="utf-8")
    result = bursa("rekap", "tindak-lanjut", followed)
    assert result.exit_code == 1 and "BUR-F001" in plain(result.output)
    assert "log/tindak-lanjut/TA-01.yaml:1" in plain(result.output)


def test_rekap_of_commitments_still_takes_one_folder(followed, tmp_path):
    result = bursa("rekap", followed, tmp_path)
    assert result.exit_code == 2
    assert "rekap tindak-lanjut" in plain(result.output)


def test_contoh_kabupaten_follow_up(contoh_event):
    result = bursa("rekap", "tindak-lanjut", contoh_event, "--per", "2027-05-01")
    assert result.exit_code == 0, result.output
    recap = followup_recap([contoh_event], per=date(2027, 5, 1))
    counts = recap.ringkasan_dict()
    assert counts["komitmen"] == sum(v for k, v in counts.items() if k not in ("komitmen", "nilai_apbdes"))
    assert counts["komitmen"] == sum(len(c.inovasi) for c in _cards(contoh_event))
    assert all(counts[k] > 0 for k in counts)
    assert sum(h.nilai_total for h in recap.kecamatan) == counts["nilai_apbdes"]


def _cards(root: Path):
    from bursa_cli.schema.event import load_event

    return load_event(root).event.komitmen_berlaku.values()


def test_pdf_report_text_and_pages(followed):
    from pypdf import PdfReader
    from render_helpers import pdf_pages

    result = bursa("rekap", "tindak-lanjut", followed, "--format", "pdf", "--per", "2028-01-02")
    assert result.exit_code == 0, result.output
    target = followed / "keluaran" / "rekap" / "tindak-lanjut.pdf"
    pages = pdf_pages(target)
    text = " ".join(" ".join(pages).split())
    assert "LAPORAN TINDAK LANJUT KOMITMEN REPLIKASI INOVASI DESA" in text
    assert "Keadaan per 2 Januari 2028" in text
    assert "4 komitmen replikasi dari 3 desa" in text
    assert "Rp95.000.000 anggaran APBDes" in text
    assert "25% tingkat replikasi" in text
    assert "Dana dialihkan untuk bencana" in text and "Campursari" in text
    assert "Alokasi Dana Desa (ADD) Rp0" in text and "Pendapatan Asli Desa (PADes) Rp80.000.000" in text
    assert "KEPALA DINAS" in text.upper() and minimal_data("acara.yaml")["penyelenggara"]["kepala"]["nama"] in text
    assert "LAMPIRAN: KEADAAN SETIAP KOMITMEN" in text
    reader = PdfReader(target)
    assert len(reader.pages) == 4 and f"Halaman 1 dari {len(reader.pages)}" in text
    assert reader.pages[-1].mediabox.width > reader.pages[-1].mediabox.height  # the annex is landscape
    assert b"<svg" not in target.read_bytes()  # the charts are drawn into the PDF, not embedded as files


def test_pdf_report_of_several_events(tmp_path):
    from render_helpers import pdf_pages

    first = make_event(tmp_path / "temanggung", followup_files())
    second = make_event(tmp_path / "magelang", followup_files("Bursa Inovasi Desa Kabupaten Magelang Tahun 2026",
                                                              "Kabupaten Magelang"))
    target = tmp_path / "provinsi.pdf"
    result = bursa("rekap", "tindak-lanjut", first, second, "--format", "pdf", "--keluaran", target)
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(pdf_pages(target)).split())
    assert "IV. Per Kabupaten" in text
    assert "Kabupaten Magelang 4 0 1 1 0 1 1 25% Rp95.000.000" in text
    assert "Jumlah 8 0 2 2 0 2 2 25% Rp190.000.000" in text
