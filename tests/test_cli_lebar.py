"""Reports that fit the default Windows console, 80 columns, and use the room of a wide one (160).

Locations and file names are never cut: at 80 columns `validasi` is a list of one
heading line and the message under it per problem, and `cetak` widens its file column.
"""

from __future__ import annotations

import re

import pytest

from support import bursa, make_event, small_region_list

UNFILLED = ("", 0)


@pytest.fixture
def columns(monkeypatch):
    """Set the width of bursa's consoles, as a terminal of that many columns would."""
    from bursa_cli import present

    def set_width(width: int) -> None:
        monkeypatch.setattr(present, "_console", present.new_console(width=width))
        monkeypatch.setattr(present, "_error_console", present.new_console(stderr=True, width=width))

    return set_width


@pytest.fixture
def fresh_event(tmp_path):
    """What `bursa init` opens: valid, but with much still to fill in before the day."""
    result = bursa("init", tmp_path / "baru", "--wilayah", small_region_list(tmp_path), "--kode", "33.23",
                   "--tanggal", "2027-03-11", "--tanpa-git")
    assert result.exit_code == 0, result.output
    return tmp_path / "baru"


def test_validasi_at_80_columns_is_a_compact_list(columns, fresh_event):
    from bursa_cli.check import validate_event

    report = validate_event(fresh_event, up_to_stage="gladi-bersih")
    assert len(report.problems) >= 15
    columns(80)
    result = bursa("validasi", fresh_event, "--tahap", "gladi-bersih")
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert max(map(len, lines)) <= 80 and "…" not in result.output
    for problem in report.problems:  # each location whole, at the start of its own line
        where = problem.location() if problem.line else problem.file
        assert any(line.startswith(f"{where}  {problem.level}  {problem.code}") for line in lines), where
    listed = lines[:next(i for i, line in enumerate(lines) if line.startswith("Kesiapan tahapan"))]
    assert len(listed) <= 2.5 * len(report.problems), len(listed)  # 117 warnings once took 1,421 lines


def test_validasi_at_160_columns_is_a_table_with_whole_names(columns, fresh_event):
    columns(160)
    result = bursa("validasi", fresh_event, "--tahap", "gladi-bersih")
    assert result.exit_code == 1
    assert "┃ Letak" in result.output and "│ acara.yaml:39:3 │" in result.output
    assert max(map(len, result.output.splitlines())) <= 160


def test_an_unreadable_file_is_one_warning_line_and_a_tab_is_named(columns, tmp_path):
    event = make_event(tmp_path / "acara", {"inovasi.yaml": "- id: INO-001\n\tjudul: Posyandu Remaja\n"})
    columns(80)
    result = bursa("validasi", event)
    lines = result.output.splitlines()
    tab = lines.index("inovasi.yaml:2:1  galat  BUR-Y004  Penulisan YAML tidak sah: ada karakter TAB di")
    assert lines[tab + 1].startswith("    baris 2; YAML hanya boleh memakai spasi untuk indentasi")
    skipped = [line for line in lines if "BUR-Y012" in line]
    assert len(skipped) == 1 and re.fullmatch(
        r"inovasi.yaml  peringatan  BUR-Y012  Belum terbaca: \d+ pemeriksaan dilewati.", skipped[0].rstrip())
    assert not lines[lines.index(skipped[0]) + 1].startswith(" ")  # one line: the next one is another


def test_cetak_names_every_file_whole_at_80_columns(columns, minimal_event):
    columns(80)
    result = bursa("cetak", "undangan", minimal_event, "--rapat", "hari-h")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (minimal_event / "keluaran").iterdir() if not p.name.startswith("."))
    assert len(names) >= 3 and {n.rsplit(".", 1)[1] for n in names} >= {"pdf", "csv", "docx"}
    rows = [line.split("│")[0].strip() for line in result.output.splitlines() if "│" in line]
    assert sorted(row for row in rows if row) == [f"keluaran/{name}" for name in names]
    assert max(map(len, result.output.splitlines())) <= 80
