"""Documents at the largest size (bench/sintetis.py terbesar: 852 villages, 62 desks in 3 rooms):
the floor plan with 30-40 desks in one Bursa room, the Kartu Komitmen's stamp boxes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import sintetis  # noqa: E402

RECT = re.compile(r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="[\d.]+" class="(\w[\w-]*)"/>')
LABEL = re.compile(r'<text x="[\d.]+" y="[\d.]+" font-size="([\d.]+)"[^>]*>([A-Z]-\d\d)</text>')


@pytest.mark.skipif(not sintetis.WILAYAH_CSV.is_file(), reason="wilayah.csv tidak tersedia")
@pytest.mark.parametrize("desks", [31, 40])
def test_a_room_of_many_desks_stays_readable(tmp_path, desks):
    """Bursa A of the largest event with 31 and with 40 desks: no two desks overlap, every desk
    stays in its room, and every label is set at 7 units (about 5 pt) or more."""
    import yaml

    from bursa_cli.render.floorplan import draw_floorplan
    from bursa_cli.schema.event import load_event

    folder = sintetis.make_event(tmp_path / "acara", "terbesar")
    acara = yaml.safe_load((folder / "acara.yaml").read_text(encoding="utf-8"))
    room = next(r for r in acara["tempat"]["ruang"] if r["kode"] == "A")
    assert len(room["meja"]) >= 30
    room["meja"] = [f"A-{n:02d}" for n in range(1, desks + 1)]
    (folder / "acara.yaml").write_text(yaml.safe_dump(acara, allow_unicode=True, sort_keys=False), encoding="utf-8")
    svg = str(draw_floorplan(load_event(folder).event))
    rects = [(float(x), float(y), float(w), float(h), css) for x, y, w, h, css in RECT.findall(svg)]
    tables = [r for r in rects if r[4] == "meja"]
    labels = [(float(size), name) for size, name in LABEL.findall(svg)]
    mine = [size for size, name in labels if name.startswith("A-")]
    assert len(mine) == desks and min(mine) >= 7.0
    walls = [r for r in rects if r[4] == "dinding"]
    for i, (x, y, w, h, _) in enumerate(tables):
        assert any(wx <= x and wy <= y and x + w <= wx + ww and y + h <= wy + wh for wx, wy, ww, wh, _ in walls)
        for x2, y2, w2, h2, _ in tables[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "meja bertumpuk"


@pytest.mark.skipif(not sintetis.WILAYAH_CSV.is_file(), reason="wilayah.csv tidak tersedia")
@pytest.mark.parametrize("kertas, count, least", [("A4", 27, 17.0), ("A5", 14, 17.0)])
def test_kartu_komitmen_stamp_boxes_fit_a_stamp_at_62_desks(tmp_path, kertas, count, least):
    """62 desks do not fit one box each: numbered open boxes a stamp fits in, for any desk of any
    room (the audit found three room bands 13 mm tall); the card stays on one page."""
    import yaml

    from bursa_cli.render.job import Options
    from bursa_cli.render.kartu import stamp_grid
    from bursa_cli.render.layout import check_kind
    from bursa_cli.schema.event import load_event
    from render_helpers import TODAY, html_text, planned_html

    folder = sintetis.make_event(tmp_path / "acara", "terbesar")
    acara = yaml.safe_load((folder / "acara.yaml").read_text(encoding="utf-8"))
    acara.setdefault("dokumen", {})["kertas_kartu_komitmen"] = kertas
    (folder / "acara.yaml").write_text(yaml.safe_dump(acara, allow_unicode=True, sort_keys=False), encoding="utf-8")
    event = load_event(folder).event
    assert sum(len(r.meja) for r in event.acara.tempat.ruang) == 62
    boxes, grid = stamp_grid(event, kertas)
    assert grid["terbuka"] and len(boxes) == count and grid["tinggi"] >= least
    assert [b["nomor"] for b in boxes] == list(range(1, count + 1))
    text = html_text(planned_html("kartu-komitmen", folder, contoh=1)["kartu-komitmen-contoh.pdf"])
    assert "kotak kosong berikutnya dan menulis kode mejanya" in text and text.count("Meja ......") == count
    assert [str(f) for f in check_kind(folder, "kartu-komitmen", Options(today=TODAY, contoh=2))] == []


@pytest.mark.skipif(not sintetis.WILAYAH_CSV.is_file(), reason="wilayah.csv tidak tersedia")
def test_rekap_first_page_is_not_half_empty_at_27_kecamatan(tmp_path):
    """Section III starts on the first page with its table; its tall chart follows the table."""
    from bursa_cli.recap.build import build_recap
    from bursa_cli.schema.event import load_event
    from render_helpers import pdf_pages, run

    folder = sintetis.make_event(tmp_path / "acara", "terbesar")
    recap = build_recap(load_event(folder).event)
    assert len(recap.kecamatan) >= 20
    pages = pdf_pages(run("rekap", folder, contoh=3).folder / "rekap" / "rekap-contoh.pdf")
    first = " ".join(pages[0].split())
    assert "III. Komitmen per Kecamatan" in first and recap.kecamatan[0].nama in first.split("III. Komitmen")[1]
