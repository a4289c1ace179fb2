"""The command line speaks Indonesian in its own words too: unknown commands and usage lines.

Run through the real entry point (`python -m bursa_cli`), where the words are set.
"""

from __future__ import annotations

import os
import subprocess
import sys

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
    for flag in ("--proses", "--jobs"):
        result = bursa("cetak", "poster", minimal_event, flag, "0")
        assert result.exit_code == 2 and "--proses harus paling sedikit 1." in plain(result.output)


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
