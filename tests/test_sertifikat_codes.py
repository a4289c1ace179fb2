"""Verification codes: format, secrecy, and `bursa verifikasi` accepting only real codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bursa_cli.certify.codes import ALPHABET, KEY_FILE, load_key, make_code, normalize, typing_problem
from bursa_cli.certify.data import collect
from bursa_cli.certify.verify import verify_code
from bursa_cli.cli.app import app
from bursa_cli.errors import UsageError
from bursa_cli.recap import load_for_recap
from support import make_event, plain

runner = CliRunner()
CODE = re.compile(r"^[%s]{4}-[%s]{4}-[%s]{4}$" % ((ALPHABET,) * 3))
CARD = {"tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}


def test_alphabet_has_no_look_alikes():
    for char in "0O1IL5S2Z8B":
        assert char not in ALPHABET
    assert len(set(ALPHABET)) == len(ALPHABET) == 25


@pytest.fixture
def codes(contoh_event):
    event = load_for_recap(contoh_event)
    return {c.kode: c for c in collect(event).certificates}


def test_codes_are_well_formed_and_distinct(codes):
    assert len(codes) == 33
    assert all(CODE.match(code) for code in codes)


def test_code_depends_on_key_and_every_input():
    key, other = b"k" * 32, b"j" * 32
    base = make_code(key, "33.23/2026-11-12", "33.23.01.2001", ["INO-001", "INO-002"], 2027)
    assert base == make_code(key, "33.23/2026-11-12", "33.23.01.2001", ["INO-002", "INO-001"], 2027)
    variants = [
        make_code(other, "33.23/2026-11-12", "33.23.01.2001", ["INO-001", "INO-002"], 2027),
        make_code(key, "33.23/2026-11-13", "33.23.01.2001", ["INO-001", "INO-002"], 2027),
        make_code(key, "33.23/2026-11-12", "33.23.01.2002", ["INO-001", "INO-002"], 2027),
        make_code(key, "33.23/2026-11-12", "33.23.01.2001", ["INO-001"], 2027),
        make_code(key, "33.23/2026-11-12", "33.23.01.2001", ["INO-001", "INO-002"], 2028),
    ]
    assert base not in variants and len(set(variants)) == len(variants)


def test_key_is_created_once_and_kept(tmp_path):
    first = load_key(tmp_path)
    assert load_key(tmp_path) == first and len(first) == 32
    text = (tmp_path / KEY_FILE).read_text(encoding="utf-8")
    assert "Simpan (commit) berkas ini di git" in text


@pytest.mark.parametrize("error", [OSError(1, "Operation not permitted"), PermissionError(13, "denied"),
                                   OSError(95, "Operation not supported")])
def test_key_is_created_where_hard_links_fail(tmp_path, monkeypatch, error):
    """FAT32/exFAT sticks and some SMB shares: link() fails, the key is still created once."""
    def no_link(*args, **kwargs):
        raise error

    monkeypatch.setattr("bursa_cli.certify.codes.os.link", no_link)
    first = load_key(tmp_path)
    assert load_key(tmp_path) == first and len(first) == 32
    assert sorted(p.name for p in tmp_path.iterdir()) == [KEY_FILE]


@pytest.mark.parametrize("links", [True, False])
def test_new_key_name_is_synced_to_disk(tmp_path, monkeypatch, links):
    """After the key file is created its folder is synced, so the name survives a power cut."""
    synced = []
    monkeypatch.setattr("bursa_cli.certify.codes.fsync_dir", synced.append)
    if not links:
        def no_link(*args, **kwargs):
            raise OSError(1, "Operation not permitted")

        monkeypatch.setattr("bursa_cli.certify.codes.os.link", no_link)
    load_key(tmp_path)
    assert synced == [tmp_path]
    load_key(tmp_path)  # an existing key is only read
    assert synced == [tmp_path]


def test_key_made_meanwhile_by_another_laptop_wins(tmp_path, monkeypatch):
    """No hard links and the key appears between the check and the write: the existing key is kept."""
    (tmp_path / "lain").mkdir()
    other = load_key(tmp_path / "lain")
    text = (tmp_path / "lain" / KEY_FILE).read_text(encoding="utf-8")
    (tmp_path / "acara").mkdir()

    def no_link(src, dst):
        Path(dst).write_text(text, encoding="utf-8")  # the other process got there first
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr("bursa_cli.certify.codes.os.link", no_link)
    assert load_key(tmp_path / "acara") == other


def test_damaged_key_is_a_clear_error(tmp_path):
    (tmp_path / KEY_FILE).write_text("# kosong\nbukan-heksadesimal\n", encoding="utf-8")
    with pytest.raises(UsageError, match="rusak"):
        load_key(tmp_path)


def altered(code: str, position: int) -> str:
    """The code with one character swapped for another of the alphabet."""
    bare = code.replace("-", "")
    swap = ALPHABET[(ALPHABET.index(bare[position]) + 1) % len(ALPHABET)]
    return normalize(bare[:position] + swap + bare[position + 1:])


@pytest.mark.parametrize("how", ["as printed", "lower case", "spaces", "no dashes"] +
                         [f"altered at {i}" for i in range(12)] + ["swapped groups", "too short", "look-alike"])
def test_verification_accepts_real_and_rejects_altered(contoh_event, codes, how):
    for code, cert in list(codes.items())[:3]:
        typed = {
            "as printed": code, "lower case": code.lower(), "spaces": code.replace("-", " "),
            "no dashes": code.replace("-", ""), "swapped groups": "-".join(reversed(code.split("-"))),
            "too short": code[:-2], "look-alike": code[:-1] + "O",
        }.get(how) or altered(code, int(how.split()[-1]))
        result = verify_code(contoh_event, typed)
        if how in ("as printed", "lower case", "spaces", "no dashes"):
            assert result.valid and result.sertifikat.desa_kode == cert.desa_kode
        else:
            assert not result.valid and result.sertifikat is None


def test_replaced_card_is_reported_as_old(tmp_path):
    root = make_event(tmp_path / "ev", {"log/komitmen/J3-1.yaml": [
        {"waktu": "2026-11-12T10:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001"], **CARD},
        {"waktu": "2026-11-12T11:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001", "INO-002"], **CARD},
    ]})
    event = load_for_recap(root)
    key = load_key(root)
    old = make_code(key, "33.23/2026-11-12", "33.23.01.2001", ["INO-001"], 2027)
    new = collect(event).certificates[0].kode
    result = verify_code(root, old)
    assert result.superseded and not result.valid and new in result.message
    assert verify_code(root, new).valid


@pytest.mark.parametrize("typed, message", [
    ("ACDE-FGHJ-KMNP-Q", "12 huruf/angka"),
    ("AB0D-EFGH-JKMN", "'0'"),
    ("ab1d efgh jkmn", "'1'"),
])
def test_typing_problems(typed, message):
    assert message in typing_problem(typed)


def test_cli_verifikasi_exit_codes(contoh_event, codes):
    code, cert = next(iter(codes.items()))
    ok = runner.invoke(app, ["verifikasi", code, str(contoh_event)])
    assert ok.exit_code == 0, ok.output
    out = plain(ok.output)
    assert "Kode SAH" in out and cert.kepala_desa in out and cert.inovasi[0].judul in out
    bad = runner.invoke(app, ["verifikasi", altered(code, 5), str(contoh_event)])
    assert bad.exit_code == 1 and "tidak cocok" in plain(bad.output)


def test_verification_without_key_says_so(minimal_event):
    (minimal_event / KEY_FILE).unlink()
    result = runner.invoke(app, ["verifikasi", "ACDE-FGHJ-KMNP", str(minimal_event)])
    assert result.exit_code == 2 and "belum ada" in plain(result.output)
