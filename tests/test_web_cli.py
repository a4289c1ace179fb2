"""`bursa perangkat tambah|daftar|cabut` and `bursa layani`'s refusals, as an officer types them."""

from __future__ import annotations

import json
import socket

import pytest

from bursa_cli.day.devices import device_for_token, list_devices
from support import bursa, plain


def test_a_device_is_paired_listed_and_revoked(minimal_event):
    made = bursa("perangkat", "tambah", minimal_event, "--peran", "stempel", "--meja", "A-01",
                 "--nama", "HP Bu Sri", "--port", "8123", "--format", "json")
    assert made.exit_code == 0, made.output
    answer = json.loads(made.output)
    assert answer["id"] == "MEJA-1" and answer["meja"] == "A-01"
    assert ":8123/pasang?k=" in answer["url"] and answer["token"] not in answer["url"]  # the QR never holds the token
    assert device_for_token(list_devices(minimal_event), answer["token"]).id == "MEJA-1"

    shown = bursa("perangkat", "tambah", minimal_event, "--peran", "registrasi", "--qr-berlaku", "5")
    assert shown.exit_code == 0 and "REG-1" in shown.output and "/pasang?k=" in shown.output
    assert "█" in shown.output  # the QR code, drawn in the terminal
    assert "satu browser, sekali" in plain(shown.output)

    listed = plain(bursa("perangkat", "daftar", minimal_event).output)
    assert "MEJA-1 stempel A-01 HP Bu Sri" in listed and "REG-1 registrasi" in listed

    revoked = bursa("perangkat", "cabut", minimal_event, "MEJA-1")  # the folder first, as in `tambah`
    assert revoked.exit_code == 0 and "dicabut" in revoked.output and "urutan" not in revoked.output
    assert device_for_token(list_devices(minimal_event), answer["token"]) is None
    old = bursa("perangkat", "cabut", "REG-1", minimal_event)  # the old order still works, with a hint
    assert old.exit_code == 0 and "REG-1" in old.output
    assert f"bursa perangkat cabut {minimal_event} REG-1" in plain(old.output).replace("\n", "")
    assert "dicabut" in plain(bursa("perangkat", "daftar", minimal_event).output)


@pytest.mark.parametrize("args,message", [
    (["perangkat", "tambah", "{root}", "--peran", "kasir"], "Peran 'kasir' tidak dikenal."),
    (["perangkat", "tambah", "{root}", "--peran", "stempel"], "perlu nomor mejanya, mis. A-01"),
    (["perangkat", "tambah", "{root}", "--peran", "stempel", "--meja", "Z-9"], "Meja 'Z-9' tidak ada di acara.yaml"),
    (["perangkat", "tambah", "{root}", "--peran", "ide", "--meja", "A-01"], "Nomor meja hanya untuk perangkat meja konsultasi"),
    (["perangkat", "tambah", "{root}", "--peran", "ide", "--format", "xml"], "--format 'xml' tidak dikenal"),
    (["perangkat", "cabut", "MEJA-9", "{root}"], "Perangkat 'MEJA-9' tidak dikenal."),
    (["perangkat", "cabut", "{root}", "MEJA-9"], "Perangkat 'MEJA-9' tidak dikenal."),
    (["perangkat", "cabut", "{root}"], "Id perangkat belum ditulis."),
    (["perangkat", "tambah", "{root}", "--peran", "ide", "--qr-berlaku", "0"], "--qr-berlaku"),
    (["perangkat", "daftar", "{root}/tidak-ada"], "bukan folder acara"),
    (["layani", "{root}/tidak-ada"], "bukan folder acara"),
])
def test_mistakes_are_usage_errors_in_indonesian(minimal_event, args, message):
    before = sorted(p.relative_to(minimal_event) for p in minimal_event.rglob("*") if ".layani" not in p.parts)
    result = bursa(*[a.format(root=minimal_event) for a in args])
    assert result.exit_code == 2, result.output
    assert message in plain(result.output)
    after = sorted(p.relative_to(minimal_event) for p in minimal_event.rglob("*") if ".layani" not in p.parts)
    assert after == before


def test_a_port_already_taken_is_refused_before_anything_starts(minimal_event):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = bursa("layani", minimal_event, "--alamat", "127.0.0.1", "--port", port)
    assert result.exit_code == 2
    assert f"127.0.0.1:{port} tidak dapat dipakai" in plain(result.output)


def test_the_https_certificate_is_made_once_per_event(minimal_event):
    from bursa_cli.web.serve import tls_files

    cert, key, fingerprint = tls_files(minimal_event)
    assert cert.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert len(fingerprint.split(":")) == 32
    assert tls_files(minimal_event)[2] == fingerprint  # the phones compared it once: it never changes


def test_the_logs_are_committed_to_git_and_nothing_else(minimal_event):
    import subprocess

    from bursa_cli.day import Day, stamp
    from bursa_cli.web.serve import commit_logs

    def git(*args):
        return subprocess.run(["git", *args], cwd=minimal_event, capture_output=True, text=True, check=True).stdout

    git("init", "-q")
    git("config", "user.name", "Dinas")
    git("config", "user.email", "dinas@example.org")
    git("add", ".")
    git("commit", "-qm", "awal")
    assert commit_logs(minimal_event) is False  # nothing new
    stamp(Day.open(minimal_event), "A-01", "P-0001")
    (minimal_event / "catatan.txt").write_text("bukan log")
    assert commit_logs(minimal_event) is True
    assert git("log", "-1", "--format=%s").startswith("Log hari-H pukul ")
    assert git("show", "--name-only", "--format=", "HEAD").split() == ["log/stempel/A-01.yaml"]
    assert "catatan.txt" in git("status", "--porcelain")  # only the logs were committed
