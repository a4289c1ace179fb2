"""Every refusal of the day's devices, logs and folders carries its catalogue code, message and hint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bursa_cli.codes import CODES
from bursa_cli.day.area import empty_rehearsal
from bursa_cli.day.devices import add_device, redeem_pairing, renew_pairing, revoke_device
from bursa_cli.day.logwrite import append_entry, log_path
from bursa_cli.day.repair import repair_logs
from bursa_cli.errors import BursaError, PairingRefused
from bursa_cli.web.client import Induk


def revoked(root: Path) -> str:
    add_device(root, "ide")
    revoke_device(root, "IDE-1")
    return "IDE-1"


def symlinked_log(root: Path) -> Path:
    outside = root.parent / "di-luar.yaml"
    outside.write_text("# bukan log\n", encoding="utf-8")
    path = log_path(root, "stempel", "A-01")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, path)
    return path


def broken_devices(root: Path) -> None:
    folder = root / ".layani"
    folder.mkdir(exist_ok=True)
    (folder / "perangkat.yaml").write_text("perangkat: [\n", encoding="utf-8")


# (what to do in the event folder, code, words in the message, words in the hint)
CASES = [
    ("peran", lambda root: add_device(root, "tukang"), "BUR-M103", "Peran 'tukang' tidak dikenal.",
     "Pilih salah satu: registrasi"),
    ("meja kosong", lambda root: add_device(root, "stempel"), "BUR-M104", "perlu nomor mejanya", "--meja A-01"),
    ("meja asing", lambda root: add_device(root, "stempel", "Z-99", known_desks={"A-01"}), "BUR-M105",
     "Meja 'Z-99' tidak ada di acara.yaml", "Meja yang dikenal: A-01."),
    ("meja bukan stempel", lambda root: add_device(root, "ide", "A-01"), "BUR-M106", "kosongkan mejanya", ""),
    ("qr nol menit", lambda root: add_device(root, "ide", berlaku=0), "BUR-M102", "paling sedikit 1 menit", ""),
    ("perangkat asing", lambda root: revoke_device(root, "NIL-7"), "BUR-M107", "Perangkat 'NIL-7' tidak dikenal.",
     "Perangkat yang ada:"),
    ("qr perangkat dicabut", lambda root: renew_pairing(root, revoked(root)), "BUR-M108",
     "sudah dicabut pada", ""),
    ("cabut dua kali", lambda root: revoke_device(root, revoked(root)), "BUR-M109", "sudah dicabut pada", ""),
    ("daftar rusak", lambda root: broken_devices(root) or add_device(root, "ide"), "BUR-M101",
     ".layani/perangkat.yaml rusak dan tidak dapat dibaca", "pasangkan ulang semua perangkat"),
    ("qr asing", lambda root: redeem_pairing(root, "kode-yang-tidak-ada"), "BUR-W013", "tidak dikenal", ""),
    ("gladi bukan folder", lambda root: (root / "gladi").write_text("x") and empty_rehearsal(root), "BUR-M100",
     "gladi/ di folder acara bukan folder biasa", "Pindahkan gladi itu"),
    ("log tautan", lambda root: append_entry(symlinked_log(root), {"peserta": "P-0001"}), "BUR-M111",
     "adalah tautan (symlink), bukan log biasa", "berkas log yang sebenarnya"),
    ("perbaiki tautan", lambda root: symlinked_log(root) and repair_logs(root), "BUR-M112",
     "log/stempel/A-01.yaml bukan berkas log biasa di folder acara (tautan/symlink)", "bursa perbaiki"),
    ("induk tanpa token", lambda root: Induk("http://127.0.0.1:9", None), "BUR-W020", "--induk memerlukan --token",
     ""),
    ("induk tanpa skema", lambda root: Induk("127.0.0.1:9", "t"), "BUR-W021", "--induk '127.0.0.1:9' tidak sah", ""),
]


@pytest.mark.parametrize("name,act,code,words,hint", CASES, ids=[c[0] for c in CASES])
def test_each_refusal_carries_its_code(minimal_event, name, act, code, words, hint):
    with pytest.raises(BursaError) as raised:
        act(minimal_event)
    error = raised.value
    assert error.code == code and code in CODES
    assert words in error.message
    assert hint in error.hint
    if "{" not in CODES[code].template:
        assert error.message == CODES[code].template  # said exactly as the catalogue says it


def test_a_pairing_refusal_is_one_of_the_family(minimal_event):
    assert issubclass(PairingRefused, BursaError)
    with pytest.raises(PairingRefused) as raised:
        redeem_pairing(minimal_event, "tidak-ada")
    assert raised.value.code == "BUR-W013"
