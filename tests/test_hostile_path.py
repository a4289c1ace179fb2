"""No file from outside the event folder, by any path: logo twins, photos, logs, templates.

The resolver (`bursa_cli.safepath`) follows symlinks and refuses what leads
out; each place that takes a file the event names goes through it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bursa_cli.certify.data import photo_of
from bursa_cli.render.surat import logo_picture
from bursa_cli.safepath import event_file, within
from hostile_support import fingerprint, run_refused
from support import CONTOH, bursa, make_event, plain

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A picture elsewhere on the laptop, which no document may embed."""
    secret = tmp_path / "di-luar" / "pribadi.png"
    secret.parent.mkdir()
    secret.write_bytes(PNG)
    return secret


@pytest.mark.parametrize("named, inside", [
    ("aset/logo.png", True),  # an ordinary file
    ("aset/tautan-dalam.png", True),  # a symlink to another file of the event
    ("aset/tautan-luar.png", False),  # a symlink to a file elsewhere
    ("../di-luar/pribadi.png", False),  # a ../ escape
    ("aset", False),  # a folder is not a file
])
def test_event_file_refuses_what_leads_out(tmp_path: Path, outside: Path, named: str, inside: bool):
    root = make_event(tmp_path / "acara")
    (root / "aset").mkdir()
    (root / "aset" / "logo.png").write_bytes(PNG)
    os.symlink(root / "aset" / "logo.png", root / "aset" / "tautan-dalam.png")
    os.symlink(outside, root / "aset" / "tautan-luar.png")
    assert (event_file(root, named) is not None) is inside
    assert within(root / "aset" / "tautan-luar.png", root) is None


def test_png_twin_of_svg_logo_that_leads_out_is_never_embedded(tmp_path: Path, outside: Path):
    root = make_event(tmp_path / "acara")
    (root / "aset").mkdir()
    (root / "aset" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    os.symlink(outside, root / "aset" / "logo.png")
    assert logo_picture(root, "aset/logo.svg") is None
    (root / "aset" / "logo.png").unlink()
    (root / "aset" / "logo.png").write_bytes(PNG)
    assert logo_picture(root, "aset/logo.svg") == (root / "aset" / "logo.png").resolve()


def test_photo_that_leads_out_is_not_used(tmp_path: Path, outside: Path):
    root = make_event(tmp_path / "acara")
    (root / "foto").mkdir()
    os.symlink(outside, root / "foto" / "33.23.01.2001.png")
    assert photo_of(root, "33.23.01.2001") is None
    (root / "foto" / "33.23.01.2002.png").write_bytes(PNG)
    assert photo_of(root, "33.23.01.2002") == "foto/33.23.01.2002.png"


@pytest.mark.parametrize("target", ["/etc/passwd", "dir"])
def test_perbaiki_refuses_a_log_that_is_a_symlink(tmp_path: Path, target: str):
    root = make_event(tmp_path / "acara")
    log = root / "log" / "stempel"
    log.mkdir(parents=True)
    (log / "A-01.yaml").write_text('- {"peserta": "P-0001", "inovasi": "INO-0\n', encoding="utf-8")  # torn
    if target == "dir":
        (log / "B-01.yaml").mkdir()
    else:
        os.symlink(target, log / "B-01.yaml")
    output = plain(run_refused(root, "perbaiki", root, code=2))
    assert "log/stempel/B-01.yaml bukan berkas log biasa di folder acara" in output
    assert "tidak ada log yang diubah" in output


def test_corrupt_png_beside_svg_logo_stops_the_docx_cleanly(tmp_path: Path):
    if not (CONTOH / "acara.yaml").exists():
        pytest.skip("contoh-kabupaten belum ada")
    root = make_event(tmp_path / "acara", base="contoh")
    text = (root / "acara.yaml").read_text(encoding="utf-8").replace("logo: aset/logo.png", "logo: aset/logo.svg")
    (root / "acara.yaml").write_text(text, encoding="utf-8")
    (root / "aset" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    before = fingerprint(root)
    result = bursa("cetak", "sk", root)
    output = plain(result.output)
    assert result.exit_code == 1, output
    assert "Gambar lambang aset/logo.png rusak atau bukan gambar" in output
    assert "Traceback" not in result.output
    assert {k: v for k, v in fingerprint(root).items() if not k.startswith("keluaran")} == before
    assert not list((root / "keluaran").rglob("sk*"))


def test_desk_never_appends_through_a_symlinked_log(tmp_path: Path):
    """A log replaced by a symlink to a file elsewhere: the desk's line is not written there."""
    root = make_event(tmp_path / "acara")
    victim = tmp_path / "di-luar" / "profil.sh"
    victim.parent.mkdir()
    victim.write_text("# berkas pribadi\n", encoding="utf-8")
    (root / "log" / "stempel").mkdir(parents=True)
    os.symlink(victim, root / "log" / "stempel" / "A-01.yaml")
    output = plain(run_refused(root, "stempel", root, "--meja", "A-01", "--peserta", "P-0001",
                               "--inovasi", "INO-001", "--konsultan", "TIK-01", code=(1, 2)))
    assert "A-01.yaml" in output and "tautan" in output, output
    assert victim.read_text(encoding="utf-8") == "# berkas pribadi\n"


def test_live_tail_skips_a_log_that_leads_out(tmp_path: Path):
    from bursa_cli.day.tail import LogTail

    root = make_event(tmp_path / "acara")
    outside = tmp_path / "di-luar.yaml"
    outside.write_text('- {"peserta": "P-0001", "inovasi": "INO-001"}\n', encoding="utf-8")
    (root / "log" / "stempel").mkdir(parents=True)
    os.symlink(outside, root / "log" / "stempel" / "A-01.yaml")
    read = LogTail(root, "stempel").read_new()
    assert read.entries == [] and read.problems == []
