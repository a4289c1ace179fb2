"""`bursa cetak halaman-verifikasi`: the page publishes sealed content only, and its JavaScript opens it."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from bursa_cli.certify import sealcache
from bursa_cli.certify.codes import KEY_FILE, load_key, page_salt
from bursa_cli.certify.verify import PAGE_ITERATIONS, bare_code, derive, open_entry
from bursa_cli.certify.data import collect
from bursa_cli.certify.page import page_data
from bursa_cli.cli.app import app
from bursa_cli.paths import BUILTIN_TEMPLATES
from bursa_cli.recap import load_for_recap
from support import CONTOH, make_event, plain
from web_support import browser  # noqa: F401  (a fixture: Debian chromium via Playwright)

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One page built from a copy of contoh-kabupaten, shared: each build derives 600,000
    PBKDF2 rounds per certificate, so the tests that only read the page share one."""
    if not (CONTOH / "acara.yaml").exists():
        pytest.skip("contoh-kabupaten belum ada")
    root = make_event(tmp_path_factory.mktemp("halaman") / "contoh", base="contoh")
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(root)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def page(built):
    folder = built / "keluaran" / "verifikasi"
    certs = collect(load_for_recap(built)).certificates
    return folder, certs, load_key(built)


def test_page_publishes_neither_codes_nor_content(page):
    folder, certs, key = page
    html = (folder / "index.html").read_text(encoding="utf-8")
    data = json.loads((folder / "sertifikat.json").read_text(encoding="utf-8"))
    embedded = re.search(r'<script type="application/json" id="data-sertifikat">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1)) == data
    assert data["iterasi"] >= 600_000 and data["kdf"] == "PBKDF2-SHA256" and data["sandi"] == "AES-256-GCM"
    salt = page_salt(key)
    assert len(data["sertifikat"]) == len(certs)
    assert {derive(c.kode, salt)[0] for c in certs[:2]} <= set(data["sertifikat"])  # 600,000 rounds each
    for cert in certs:
        for text in (html, json.dumps(data, ensure_ascii=False)):
            assert cert.kode not in text and cert.kode.replace("-", "") not in text
            assert cert.kepala_desa not in text and f'"{cert.desa}"' not in text  # the content is sealed
            assert all(b.judul not in text for b in cert.inovasi)
    assert key.hex() not in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_page_entry_opens_only_with_its_code(page):
    """What the page does, done in Python: derive from the typed code, look up, decrypt."""
    folder, certs, _ = page
    data = json.loads((folder / "sertifikat.json").read_text(encoding="utf-8"))
    for cert in certs[:3]:
        isi = open_entry(data, cert.kode.lower().replace("-", " "))
        assert isi is not None
        assert (isi["desa"], isi["kepala_desa"], isi["kecamatan"]) == (cert.desa, cert.kepala_desa, cert.kecamatan)
        assert [b["judul"] for b in isi["inovasi"]] == [b.judul for b in cert.inovasi]
    code = certs[0].kode
    assert open_entry(data, code[:-1] + ("A" if code[-1] != "A" else "C")) is None
    assert open_entry(data, "ACD") is None
    # an entry tampered with on the website no longer opens
    ident = derive(code, bytes.fromhex(data["garam"]))[0]
    sealed = bytearray(base64.b64decode(data["sertifikat"][ident]["isi"]))
    sealed[0] ^= 1
    data["sertifikat"][ident]["isi"] = base64.b64encode(bytes(sealed)).decode()
    assert open_entry(data, code) is None


def test_page_rebuilt_is_identical(page, built):
    folder, _, _ = page
    before = (folder / "sertifikat.json").read_bytes()
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(built)])
    assert result.exit_code == 0, result.output
    assert (folder / "sertifikat.json").read_bytes() == before


@pytest.mark.skipif(shutil.which("node") is None, reason="node tidak terpasang")
def test_page_javascript_accepts_real_codes_and_rejects_altered(page, tmp_path):
    """The page's own JavaScript, run in node with its WebCrypto (the browser's API)."""
    folder, certs, _ = page
    real = [c.kode for c in certs[:3]]
    altered = [code[:-1] + ("A" if code[-1] != "A" else "C") for code in real]
    cases = real + [code.lower().replace("-", " ") for code in real] + altered + ["Q7FQ-AE3U-W6O4", "ACD"]
    script = tmp_path / "periksa.js"
    script.write_text(
        "const v = require(process.argv[2]);\n"
        "const data = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));\n"
        "(async () => {\n"
        "  for (const code of JSON.parse(process.argv[4])) {\n"
        "    const r = await v.periksa(data, code);\n"
        "    console.log(JSON.stringify([r.sah, r.isi ? r.isi.desa : null]));\n"
        "  }\n"
        "})();\n", encoding="utf-8")
    out = subprocess.run(["node", str(script), str(BUILTIN_TEMPLATES / "verifikasi.js"),
                          str(folder / "sertifikat.json"), json.dumps(cases)],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    answers = [json.loads(line) for line in out]
    desa = [c.desa for c in certs[:3]]
    assert answers[:3] == [[True, d] for d in desa]
    assert answers[3:6] == [[True, d] for d in desa]
    assert all(a == [False, None] for a in answers[6:])


@pytest.mark.parametrize("args", [[], ["--contoh", "2"]])
def test_page_never_creates_the_key(contoh_event, args):
    """Planning the page (even a preview) must not make a key: no certificate was printed with it."""
    (contoh_event / KEY_FILE).unlink()
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(contoh_event), *args])
    assert result.exit_code == 2, result.output
    assert "bursa cetak sertifikat" in plain(result.output)
    assert not (contoh_event / KEY_FILE).exists()
    assert not (contoh_event / "keluaran" / "verifikasi").exists()


def test_page_spells_the_dinas_as_the_letters_do(contoh_event, monkeypatch):
    monkeypatch.setattr("bursa_cli.certify.page.seal_all", lambda items, salt, masters=None: {})  # only the header matters
    acara_yaml = contoh_event / "acara.yaml"
    text = acara_yaml.read_text(encoding="utf-8")
    acara_yaml.write_text(text.replace("nama: DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                                       "nama: DINAS PMD DAN P3A"), encoding="utf-8")
    event = load_for_recap(contoh_event)
    data = page_data(event, load_key(contoh_event))
    assert data["penyelenggara"] == f"Dinas PMD dan P3A {event.acara.wilayah.nama}"


def test_page_in_chromium_from_the_file_verifies_a_real_code(page, browser):
    """Opened from the file (offline), on a phone-sized window: a real code shows its content."""
    from web_support import PHONE

    folder, certs, _ = page
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto((folder / "index.html").as_uri())
        tab.fill("#kode", certs[0].kode.lower())
        tab.click("button[type=submit]")
        tab.wait_for_selector("#hasil.sah", timeout=30_000)
        text = tab.inner_text("#hasil")
        assert "Sertifikat SAH" in text and certs[0].desa in text and certs[0].kepala_desa in text
        tab.fill("#kode", "Q7FQ-AE3U-W6AC")
        tab.click("button[type=submit]")
        tab.wait_for_selector("#hasil.tidak-sah", timeout=30_000)
        assert "tidak terdaftar" in tab.inner_text("#hasil")
        # The QR on the certificate opens the page with the code after '#' (a fresh tab, then the same one).
        for _ in range(2):
            tab.goto((folder / "index.html").as_uri() + "#" + certs[1].kode)
            tab.wait_for_selector("#hasil.sah", timeout=30_000)
            assert certs[1].desa in tab.inner_text("#hasil")
            tab.goto((folder / "index.html").as_uri() + "#Q7FQ-AE3U-W6AC")
            tab.wait_for_selector("#hasil.tidak-sah", timeout=30_000)
    finally:
        tab.close()


# ---- what the sealing derived is kept, sealed, for the next print (certify/sealcache.py)

def _print_counting_derivations(root, monkeypatch) -> tuple[int, bytes]:
    """(PBKDF2 derivations made, the published JSON) of one `bursa cetak halaman-verifikasi`."""
    import hashlib

    made = []
    real = hashlib.pbkdf2_hmac

    def counted(*args, **kwargs):
        made.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", counted)
    result = runner.invoke(app, ["cetak", "halaman-verifikasi", str(root)])
    monkeypatch.setattr(hashlib, "pbkdf2_hmac", real)
    assert result.exit_code == 0, result.output
    return len(made), (root / "keluaran" / "verifikasi" / "sertifikat.json").read_bytes()


def test_a_reprint_derives_only_the_codes_it_has_not_derived(contoh_event, monkeypatch):
    certs = collect(load_for_recap(contoh_event)).certificates
    assert len(certs) >= 3
    first, page = _print_counting_derivations(contoh_event, monkeypatch)
    assert first == len(certs)
    again, same_page = _print_counting_derivations(contoh_event, monkeypatch)
    assert again == 0 and same_page == page

    # Kept for all but two codes (as after two corrected cards): only those two are derived.
    key = load_key(contoh_event)
    salt = page_salt(key)
    cache = contoh_event / "keluaran" / sealcache.CACHE_FILE
    kept = sealcache.read(cache, key, salt, PAGE_ITERATIONS)
    assert set(kept) == {bare_code(c.kode) for c in certs}
    for cert in certs[:2]:
        del kept[bare_code(cert.kode)]
    cache.write_bytes(sealcache.sealed(key, salt, PAGE_ITERATIONS, kept))
    partly, page_again = _print_counting_derivations(contoh_event, monkeypatch)
    assert partly == 2 and page_again == page
    assert len(sealcache.read(cache, key, salt, PAGE_ITERATIONS)) == len(certs)

    # It is not in the published folder, git ignores it, and it tells neither a code nor a master.
    keluaran = contoh_event / "keluaran"
    assert keluaran / "verifikasi" not in cache.parents
    assert "*" in (keluaran / ".gitignore").read_text(encoding="utf-8").split()
    content, masters = cache.read_bytes(), sealcache.read(cache, key, salt, PAGE_ITERATIONS)
    for cert in certs:
        master = masters[bare_code(cert.kode)]
        assert bare_code(cert.kode).encode() not in content and cert.kode.encode() not in content
        assert master not in content and master.hex().encode() not in content


@pytest.mark.parametrize("damage", ["garbage", "cut", "other-key", "other-salt", "other-rounds", "bad-master"])
def test_a_kept_file_that_does_not_open_is_ignored(tmp_path, damage):
    key, salt = b"k" * 32, b"s" * 16
    masters = {"K7QXM4PD9HTA": bytes(range(32)), "M4PDK7QX9HTA": bytes(32)}
    path = tmp_path / "segel-verifikasi"
    path.write_bytes(sealcache.sealed(key, salt, PAGE_ITERATIONS, masters))
    assert sealcache.read(path, key, salt, PAGE_ITERATIONS) == masters
    path.write_bytes({
        "garbage": b"bukan simpanan",
        "cut": path.read_bytes()[:-7],
        "other-key": sealcache.sealed(b"x" * 32, salt, PAGE_ITERATIONS, masters),
        "other-salt": sealcache.sealed(key, b"x" * 16, PAGE_ITERATIONS, masters),
        "other-rounds": sealcache.sealed(key, salt, 1000, masters),
        "bad-master": sealcache.sealed(key, salt, PAGE_ITERATIONS, {"K7QXM4PD9HTA": b"pendek"}),
    }[damage])
    assert sealcache.read(path, key, salt, PAGE_ITERATIONS) == {}
    assert sealcache.read(tmp_path / "tidak-ada", key, salt, PAGE_ITERATIONS) == {}
