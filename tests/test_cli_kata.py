"""The command line speaks Indonesian in its own words too: unknown commands and usage lines.

Run through the real entry point (`python -m bursa_cli`), where the words are set.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import plain


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bursa_cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"})


def test_an_unknown_command_is_said_in_indonesian_with_its_suggestion(tmp_path):
    result = run("cetka", cwd=tmp_path)
    said = plain(result.stdout + result.stderr)
    assert result.returncode == 2
    assert "Perintah 'cetka' tidak dikenal. Mungkin maksudnya 'cetak'" in said
    assert "'cetak', 'rekap'" not in said  # several suggestions are joined with "atau"
    assert "No such command" not in said and "Did you mean" not in said


def test_usage_lines_name_options_and_commands_in_indonesian(tmp_path):
    for args, usage in ((["--help"], "Pemakaian: bursa [PILIHAN] PERINTAH [ARGUMEN]..."),
                        (["cetak", "--help"], "Pemakaian: bursa cetak [PILIHAN] PERINTAH [ARGUMEN]..."),
                        (["validasi", "--help"], "Pemakaian: bursa validasi [PILIHAN]")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 0 and usage in plain(result.stdout)
        assert "[OPTIONS]" not in result.stdout and "COMMAND [ARGS]" not in result.stdout


def test_strict_and_jobs_have_indonesian_names_and_keep_the_old_ones(minimal_event):
    from support import bursa

    for flag in ("--ketat", "--strict"):
        result = bursa("validasi", minimal_event, "--format", "parsable", flag)
        assert result.exit_code == 0, result.output
    for flag in ("--proses", "--jobs", "-j"):  # named as typed, by the entry point
        result = run("cetak", "poster", minimal_event, flag, "0", cwd=minimal_event)
        said = plain(result.stdout + result.stderr)
        assert result.returncode == 2 and f"Nilai untuk {flag} tidak sah: harus paling sedikit 1." in said, said
        assert "Lihat `bursa cetak poster --help`." in said


def command_paths(command, path=()) -> list[tuple[str, ...]]:
    """Every command and subcommand of `bursa`, as the words typed before --help."""
    paths = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        paths += command_paths(sub, (*path, name))
    return paths


def test_every_help_names_its_values_in_indonesian():
    """No Typer type names (`<bool>`, `<list[str]>`, `<path>`, TEXT, PATH) and no English panel words,
    in `bursa --help` and every `bursa X --help`; a flag shows no value name at all."""
    import re

    import typer

    from bursa_cli.cli.app import app
    from bursa_cli.cli.kata import speak_indonesian
    from support import bursa

    speak_indonesian()  # as the entry point does
    paths = command_paths(typer.main.get_command(app))
    assert ("cetak", "sertifikat") in paths and ("perangkat", "tambah") in paths
    english = re.compile(r"<(bool|str|int|float|path|file|directory|datetime|list\[[^>]*\])( range)?>|"
                         r"\b(TEXT|INTEGER|BOOLEAN|FLOAT|PATH|Usage|Options|Arguments|Commands|Show this)\b")
    for path in paths:
        result = bursa(*path, "--help")
        assert result.exit_code == 0, (path, result.output)
        found = english.findall(result.output)
        assert not found, (path, found)
    said = plain(bursa("init", "--help").output)
    assert "--kecamatan TEKS... Batasi" in said and "--pasang-hook Pasang" in said
    assert "folder FOLDER Folder acara baru." in said and "--wilayah BERKAS" in said


# Wrong usage through the entry point: (words typed, what is said, the help it points at).
WRONG_USAGE = [
    (["impor"], "Argumen JENIS wajib diisi: pilih peserta, inovasi, panitia atau tindak-lanjut.", "bursa impor"),
    (["impor", "orang", "x.csv"], "Nilai untuk JENIS tidak sah: 'orang' bukan salah satu dari", "bursa impor"),
    (["validasi", "--format"], "Pilihan --format memerlukan nilai.", "bursa validasi"),
    (["validasi", "--format", "xml"], "Nilai untuk --format tidak sah: 'xml' bukan salah satu dari", "bursa validasi"),
    (["cetak", "poster", "--jobs", "abc"], "Nilai untuk --jobs tidak sah: harus bilangan bulat.", "bursa cetak poster"),
    (["cetak", "poster", "-j", "0"], "Nilai untuk -j tidak sah: harus paling sedikit 1.", "bursa cetak poster"),
    (["cetak", "poster", "--contoh", "0"], "Nilai untuk --contoh tidak sah: harus paling sedikit 1.",
     "bursa cetak poster"),
    (["layani", "--port", "0"], "Nilai untuk --port tidak sah: harus paling sedikit 1.", "bursa layani"),
    (["layani", "--port", "70000"], "Nilai untuk --port tidak sah: harus paling banyak 65535.", "bursa layani"),
    (["cetak", "poster", "a", "b"], "Argumen berlebih: b.", "bursa cetak poster"),
    (["rekap", "--semua=ya"], "Pilihan --semua tidak memakai nilai.", "bursa rekap"),
]
ENGLISH = ("Missing", "Choose from", "Invalid value", "Usage", "Try ", "Error", "not in the range", "is not",
           "requires", "does not", "x>=", "<=x", "' / '")


@pytest.mark.parametrize("args, words, where", WRONG_USAGE, ids=[" ".join(a) for a, _, _ in WRONG_USAGE])
def test_wrong_usage_is_said_in_indonesian_naming_what_was_typed(tmp_path, args, words, where):
    result = run(*args, cwd=tmp_path)
    said = plain(result.stdout + result.stderr)
    assert result.returncode == 2, said
    assert words in said and f"Lihat `{where} --help`." in said, said
    assert not [word for word in ENGLISH if word in said], said


def test_bare_commands_show_their_help_and_exit_2(tmp_path):
    """Without a command there is nothing to do: the help, and 2 (wrong usage), never 1 (data problems)."""
    for args, usage in (([], "Pemakaian: bursa [PILIHAN] PERINTAH"),
                        (["cetak"], "Pemakaian: bursa cetak [PILIHAN] PERINTAH"),
                        (["templat"], "Pemakaian: bursa templat [PILIHAN] PERINTAH")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 2 and usage in plain(result.stdout + result.stderr)


def test_help_says_ranges_and_defaults_in_words_once(tmp_path):
    said = plain(run("layani", "--help", cwd=tmp_path).stdout)
    assert "--port ANGKA [1 sampai 65535]" in said and "--commit-tiap ANGKA [paling sedikit 0]" in said
    assert "x>=" not in said and "<=x<=" not in said
    assert "(bawaan: semua jaringan," in said and "[bawaan: 0.0.0.0]" not in said
    assert "[bawaan: 8000]" in said  # a default the help text does not say itself is still shown
    said = plain(run("impor", "--help", cwd=tmp_path).stdout)
    assert "Pemakaian: bursa impor [PILIHAN] JENIS BERKAS [FOLDER]" in said and "{" not in said


def test_no_usage_line_has_braces():
    import typer

    from bursa_cli.cli.app import app
    from bursa_cli.cli.kata import speak_indonesian
    from support import bursa

    speak_indonesian()
    for path in command_paths(typer.main.get_command(app)):
        usage = [line for line in bursa(*path, "--help").output.splitlines() if "Pemakaian:" in line]
        assert usage and not [line for line in usage if "{" in line or "}" in line], (path, usage)
