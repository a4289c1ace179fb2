"""`bursa cetak halaman-verifikasi`: the published page holds hashes only, and its JavaScript agrees."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from bursa_cli.certify.codes import KEY_FILE, load_key, page_salt, published_hash
from bursa_cli.certify.data import collect
from bursa_cli.certify.page import page_data
from bursa_cli.cli.app import app
from bursa_cli.paths import BUILTIN_TEMPLATES
from bursa_cli.recap import load_for_recap
from support import plain

runner = CliRunner()


@pytest.fixture
def page(contoh_event):
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(contoh_event)])
    assert result.exit_code == 0, result.output
    folder = contoh_event / "keluaran" / "verifikasi"
    certs = collect(load_for_recap(contoh_event)).certificates
    return folder, certs, load_key(contoh_event)


def test_page_publishes_hashes_not_codes(page):
    folder, certs, key = page
    html = (folder / "index.html").read_text(encoding="utf-8")
    data = json.loads((folder / "sertifikat.json").read_text(encoding="utf-8"))
    embedded = re.search(r'<script type="application/json" id="data-sertifikat">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1)) == data
    salt = page_salt(key)
    assert set(data["sertifikat"]) == {published_hash(c.kode, salt) for c in certs}
    for cert in certs:
        for text in (html, json.dumps(data)):
            assert cert.kode not in text and cert.kode.replace("-", "") not in text
        assert data["sertifikat"][published_hash(cert.kode, salt)]["desa"] == cert.desa
    assert key.hex() not in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_page_rebuilt_is_identical(page, contoh_event):
    folder, _, _ = page
    before = (folder / "sertifikat.json").read_bytes()
    runner.invoke(app, ["cetak", "halaman-verifikasi", str(contoh_event)])
    assert (folder / "sertifikat.json").read_bytes() == before


@pytest.mark.skipif(shutil.which("node") is None, reason="node tidak terpasang")
def test_page_javascript_accepts_real_codes_and_rejects_altered(page, tmp_path):
    folder, certs, _ = page
    real = [c.kode for c in certs[:5]]
    altered = [code[:-1] + ("A" if code[-1] != "A" else "C") for code in real]
    cases = real + [code.lower().replace("-", " ") for code in real] + altered + ["Q7FQ-AE3U-W6O4", "ACD"]
    script = tmp_path / "periksa.js"
    script.write_text(
        "const v = require(process.argv[2]);\n"
        "const data = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));\n"
        "for (const code of JSON.parse(process.argv[4])) {\n"
        "  const r = v.periksa(data, code);\n"
        "  console.log(JSON.stringify([r.sah, r.isi ? r.isi.desa : null]));\n"
        "}\n", encoding="utf-8")
    out = subprocess.run(["node", str(script), str(BUILTIN_TEMPLATES / "verifikasi.js"),
                          str(folder / "sertifikat.json"), json.dumps(cases)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    answers = [json.loads(line) for line in out]
    desa = [c.desa for c in certs[:5]]
    assert answers[:5] == [[True, d] for d in desa]
    assert answers[5:10] == [[True, d] for d in desa]
    assert all(a == [False, None] for a in answers[10:])


@pytest.mark.parametrize("args", [[], ["--contoh", "2"]])
def test_page_never_creates_the_key(contoh_event, args):
    """Planning the page (even a preview) must not make a key: no certificate was printed with it."""
    (contoh_event / KEY_FILE).unlink()
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(contoh_event), *args])
    assert result.exit_code == 2, result.output
    assert "bursa cetak sertifikat" in plain(result.output)
    assert not (contoh_event / KEY_FILE).exists()
    assert not (contoh_event / "keluaran" / "verifikasi").exists()


def test_page_spells_the_dinas_as_the_letters_do(contoh_event):
    acara_yaml = contoh_event / "acara.yaml"
    text = acara_yaml.read_text(encoding="utf-8")
    acara_yaml.write_text(text.replace("nama: DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                                       "nama: DINAS PMD DAN P3A"), encoding="utf-8")
    event = load_for_recap(contoh_event)
    data = page_data(event, load_key(contoh_event))
    assert data["penyelenggara"] == f"Dinas PMD dan P3A {event.acara.wilayah.nama}"
