"""What must be one for the whole event is one: the certificate key, the merge rule of the logs,
letter numbers and seats issued under one lock, and device names that cannot collide."""

from __future__ import annotations

import subprocess

import pytest

from bursa_cli.render.job import Options
from bursa_cli.certify.codes import KEY_FILE, load_key
from bursa_cli.errors import UsageError
from support import bursa, make_event, plain, print_certificates

CARDS = {"log/komitmen/J3-1.yaml": [
    {"waktu": "2026-11-12T10:00:00+07:00", "desa": "33.23.01.2001", "inovasi": ["INO-001"],
     "tahun_apbdes": 2027, "ttd_kepala_desa": True, "ttd_ketua_bpd": True}]}


def test_init_makes_the_key_and_the_merge_rule(tmp_path):
    target = tmp_path / "bid"
    result = bursa("init", target, "--kabupaten", "Temanggung", "--tanggal", "2027-03-11", "--tanpa-git")
    assert result.exit_code == 0, result.output
    assert len(load_key(target, create=False)) == 32
    attributes = (target / ".gitattributes").read_text(encoding="utf-8")
    assert "log/**/*.yaml merge=union" in attributes and "register-nomor.yaml merge=union" in attributes
    assert bursa("validasi", target).exit_code == 0


def test_two_inits_make_two_keys(tmp_path):
    for name in ("a", "b"):
        assert bursa("init", tmp_path / name, "--tanpa-git").exit_code == 0
    assert load_key(tmp_path / "a", create=False) != load_key(tmp_path / "b", create=False)


def test_printing_never_makes_a_key(tmp_path):
    root = make_event(tmp_path / "ev", {**CARDS, KEY_FILE: None})
    with pytest.raises(UsageError) as refused:
        print_certificates(root, Options())
    assert "kunci-sertifikat buat" in refused.value.hint
    assert not (root / KEY_FILE).exists()
    assert not (root / "keluaran").exists() or not list((root / "keluaran").glob("**/*.pdf"))


def test_key_for_an_existing_event_is_made_once(tmp_path):
    root = make_event(tmp_path / "ev", {**CARDS, KEY_FILE: None})
    made = bursa("kunci-sertifikat", "buat", root)
    assert made.exit_code == 0, made.output
    assert "Kunci sertifikat dibuat: kunci-sertifikat.txt" in plain(made.output)
    key = load_key(root, create=False)
    again = bursa("kunci-sertifikat", "buat", root)
    assert again.exit_code == 2 and "sudah ada; kunci tidak pernah ditimpa" in plain(again.output)
    assert load_key(root, create=False) == key
    assert print_certificates(root, Options()).items == 1


def test_key_command_needs_an_event_folder(tmp_path):
    result = bursa("kunci-sertifikat", "buat", tmp_path)
    assert result.exit_code == 2 and "bukan folder acara" in plain(result.output)
    assert not (tmp_path / KEY_FILE).exists()


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
                    reason="git tidak ada")
def test_logs_of_two_clones_merge_by_union_and_validasi_names_the_double_number(tmp_path):
    """Two laptops print a letter apart and append to the same log; the merge keeps both lines."""
    origin = tmp_path / "induk"
    assert bursa("init", origin, "--kabupaten", "Temanggung", "--tanggal", "2027-03-11").exit_code == 0
    git = lambda where, *args: subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True,
                                               check=True, env={"GIT_AUTHOR_NAME": "u", "GIT_AUTHOR_EMAIL": "u@x",
                                                                "GIT_COMMITTER_NAME": "u", "GIT_COMMITTER_EMAIL": "u@x",
                                                                "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    register = origin / "register-nomor.yaml"
    register.write_text("# register\n", encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "awal")
    clone = tmp_path / "laptop-2"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True, capture_output=True)
    line = '- {{"kunci": "{k}", "nomor": "005/1/DPMD/2027", "tahun": 2027, "urut": 1, "tanggal": "2027-02-01"}}\n'
    with open(register, "a", encoding="utf-8") as out:
        out.write(line.format(k="undangan/rapat-pembukaan"))
    git(origin, "commit", "-qam", "laptop 1")
    with open(clone / "register-nomor.yaml", "a", encoding="utf-8") as out:
        out.write(line.format(k="undangan/rapat-bursa"))
    git(clone, "commit", "-qam", "laptop 2")
    git(clone, "pull", "-q", "--no-rebase", "--no-edit", str(origin), "main")
    merged = (clone / "register-nomor.yaml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in merged and merged.count("005/1/DPMD/2027") == 2
    check = bursa("validasi", clone, "--format", "parsable")
    assert check.exit_code == 1
    assert "register-nomor.yaml:3:" in check.output and "diterbitkan dua kali" in check.output
    assert "register-nomor.yaml baris 2" in check.output


def test_seats_recorded_meanwhile_by_another_process_refuse_the_print(minimal_event, monkeypatch):
    """Seats are recorded under the lock of log/kursi/; a plan made before another process recorded
    seats is refused at that moment, and nothing (log or PDF) is written."""
    from bursa_cli.day import seat as seat_module
    from bursa_cli.day.logwrite import append_entry, header_for, log_path
    from render_helpers import run, written

    real = seat_module.record_printed_seats

    def another_window_first(event, entries, waktu):
        append_entry(log_path(event.root, "kursi", "kartu-id"),
                     {"waktu": waktu, "peserta": "P-0004", "kursi": "A-01"}, header_for("kursi", "kartu-id"))
        return real(event, entries, waktu)

    monkeypatch.setattr("bursa_cli.render.kartu.record_printed_seats", another_window_first)
    with pytest.raises(UsageError, match="baru saja dicatat oleh proses lain"):
        run("kartu-id", minimal_event)
    log = (minimal_event / "log" / "kursi" / "kartu-id.yaml").read_text(encoding="utf-8")
    assert log.count("- {") == 1  # only the other process's line
    assert written(minimal_event) == []
