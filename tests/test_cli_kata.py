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
        assert result.exit_code == 2 and "--jobs harus paling sedikit 1." in plain(result.output)
