"""Output that never crashes and prints text as written: cp1252 pipes, rich markup and emoji codes,
and a missing Pango explained instead of WeasyPrint's banner and traceback.

Windows opens pipes and files in cp1252; `PYTHONIOENCODING=cp1252` gives this
machine the same streams, through the real entry point (`python -m bursa_cli`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import bursa, make_event, plain, small_region_list

PYTHON = sys.executable


def run(*args, cwd: Path, env: dict | None = None, code: str | None = None) -> subprocess.CompletedProcess:
    """`bursa ARGS` through the entry point into a pipe, with Windows' cp1252 streams."""
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252", "COLUMNS": "100", **(env or {})}
    environment.pop("PYTHONUTF8", None)
    command = [PYTHON, "-m", "bursa_cli", *map(str, args)] if code is None else [PYTHON, "-c", code, *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True)


def said(result: subprocess.CompletedProcess) -> str:
    """Both streams, which must be UTF-8 even though the pipe's encoding was cp1252."""
    text = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert "UnicodeEncodeError" not in text and "Traceback" not in text, text[-2000:]
    return text


@pytest.fixture
def bad_event(tmp_path) -> Path:
    """An event with problems (✘, boxes and Indonesian quotes in the report)."""
    return make_event(tmp_path / "acara", {"desa.yaml": '- kode: "33.23.01.2001"\n  nama: "Bulu ✔ “kutip”"\n'
                                                        '- kode: "33.23.01.99"\n  nama: Tegalurung\n'})


def test_every_command_writes_to_a_cp1252_pipe(tmp_path, minimal_event, bad_event):
    region = small_region_list(tmp_path)
    cases = [
        (["init", tmp_path / "baru", "--wilayah", region, "--kode", "33.23", "--tanggal", "2027-03-11",
          "--tanpa-git"], 0, "✔ Acara baru dibuat"),
        (["validasi", minimal_event], 0, "Kesiapan tahapan"),
        (["validasi", bad_event], 1, "Kode wilayah desa tidak sah"),
        (["validasi", bad_event, "--format", "json"], 1, '"galat"'),
        (["validasi", bad_event, "--format", "parsable"], 1, "desa.yaml:3:3: galat:"),
        (["validasi", "--jelaskan", "semua"], 0, "BUR-Y001"),
        (["status", minimal_event], 0, "Tahapan persiapan"),
        (["skema", minimal_event], 0, "✔"),
        (["rekap", minimal_event], 0, "Rekap"),
        (["rekap", minimal_event, "--format", "csv"], 0, "✔ 16 berkas rekap ditulis"),
        (["templat", "daftar"], 0, "undangan.html"),
        (["cetak", "poster", minimal_event], 0, "✔"),
        (["cetak", "poster", tmp_path / "tidak-ada"], 2, "Galat"),
        (["--help"], 0, "Pemakaian: bursa"),
        (["impor", "--help"], 0, "Pemakaian: bursa impor"),
    ]
    for args, code, words in cases:
        result = run(*args, cwd=tmp_path)
        text = said(result)
        assert result.returncode == code, (args, text[-1500:])
        assert words in text, (args, text[-1500:])


def test_json_output_is_utf8_json_in_a_cp1252_pipe(tmp_path, bad_event):
    result = run("validasi", bad_event, "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["galat"] >= 1 and "BUR-S004" in json.dumps(report["masalah"])
    assert "Bulu ✔ “kutip”" in result.stdout.decode("utf-8") or report["galat"]


def test_the_pre_commit_hook_output_survives_cp1252(tmp_path):
    """The hook's `bursa validasi --pra-commit` writes into git's pipe, with the same cp1252 streams."""
    region = small_region_list(tmp_path)
    folder = tmp_path / "acara"
    made = run("init", folder, "--wilayah", region, "--kode", "33.23", "--tanggal", "2027-03-11",
               "--pasang-hook", cwd=tmp_path)
    assert made.returncode == 0, said(made)
    (folder / "desa.yaml").write_text('- kode: "33.23.01.99"\n  nama: "Bulu ✔"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh",
           "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh"}
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=env)
    result = subprocess.run(["git", "commit", "-q", "-m", "uji"], cwd=folder, env=env, capture_output=True)
    text = plain(said(result))
    assert result.returncode == 1 and "berkas diperiksa" in text and "BUR-S004" in text


# --------------------------------------------------------------------------- text as written


MARKUP_DESA = ("".join(f"# baris {n}\n" for n in range(1, 98))
               + '- kode: "33.23.01.2001"\n  nama: "Bulu [bold]tebal[/]"\n'
               + '- kode: "[bold]:100:[/]"\n  nama: "Tegal :100: [/]"\n')


def test_values_and_locations_print_as_written(tmp_path):
    """`:100:` is not 💯, and `[bold]` / `[/]` in values are shown, not read as markup."""
    event = make_event(tmp_path / "acara", {"desa.yaml": MARKUP_DESA})
    for args in (["validasi", event], ["validasi", event, "--tahap", "gladi-bersih"]):
        result = bursa(*args)
        assert result.exit_code == 1, result.output
        assert "💯" not in result.output and "[bold]:100:[/]" in result.output
        assert "100:3" in result.output
    result = bursa("status", event)
    assert "💯" not in result.output


def test_names_with_markup_print_as_written_in_status_and_errors(tmp_path):
    from support import edited

    event = make_event(tmp_path / "acara", {"acara.yaml": edited("acara.yaml", {"nama": "Bursa [/] :100: [red]"})})
    result = bursa("status", event)
    assert result.exit_code == 0, result.output
    assert "Bursa [/] :100: [red]" in result.output
    result = bursa("cetak", "poster", tmp_path / "[/]:100:")
    assert result.exit_code == 2 and "[/]:100:" in plain(result.output) and "💯" not in result.output


def test_success_and_warning_lines_are_plain_text():
    from rich.console import Console

    from bursa_cli import present

    out = present.new_console(width=200, record=True)
    with present.use(out):
        present.success("Templat disalin ke templates/[bold]x[/]:100:.html")
        present.warn("[/] tidak dibaca")
        present.info(":100: [red]")
    text = out.export_text()
    assert "templates/[bold]x[/]:100:.html" in text and "[/] tidak dibaca" in text and ":100: [red]" in text
    assert isinstance(out, Console)


# --------------------------------------------------------------------------- Pango


# Runs `bursa` with cffi unable to load GObject and Pango, as on a system without them.
WITHOUT_PANGO = """
import sys
import cffi

loaded = cffi.FFI.dlopen


def dlopen(self, name, flags=0):
    if any(lib in str(name) for lib in ("gobject", "pango")):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file")
    return loaded(self, name, flags)


cffi.FFI.dlopen = dlopen
sys.argv = ["bursa", *sys.argv[1:]]
from bursa_cli.cli.app import main

main()
"""


def test_missing_pango_is_explained_with_exit_2_and_no_traceback(tmp_path, minimal_event):
    for kind in ("poster", "sertifikat"):
        result = run("cetak", kind, minimal_event, cwd=tmp_path, code=WITHOUT_PANGO)
        text = plain(said(result))
        assert result.returncode == 2, text
        assert "Pustaka sistem untuk membuat PDF belum terpasang: GObject, Pango, PangoFT2 tidak dapat dimuat." in text
        assert "sudo apt-get install -y libpango-1.0-0" in text
        assert "WeasyPrint could not import" not in text and "-----" not in text and "OSError" not in text
    assert not (minimal_event / "keluaran").exists()  # nothing planned, numbered or written
    result = run("rekap", minimal_event, "--format", "pdf", cwd=tmp_path, code=WITHOUT_PANGO)
    assert result.returncode == 2 and "belum terpasang" in said(result)


def test_commands_without_pdf_work_without_pango(tmp_path, minimal_event):
    for args, code in ((["validasi", minimal_event], 0), (["status", minimal_event], 0),
                       (["rekap", minimal_event], 0), (["rekap", minimal_event, "--format", "xlsx"], 0),
                       (["rekap", minimal_event, "--format", "csv"], 0), (["rekap", minimal_event, "--format", "json"], 0),
                       (["perangkat", "daftar", minimal_event], 0)):
        result = run(*args, cwd=tmp_path, code=WITHOUT_PANGO)
        assert result.returncode == code, (args, said(result)[-1500:])
        said(result)
    # `bursa layani`'s server loads without WeasyPrint: only a certificate asked for needs it.
    probe = WITHOUT_PANGO.split("sys.argv")[0] + (
        "import bursa_cli.web.app, bursa_cli.web.serve, bursa_cli.cli.layani\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint dimuat'\n")
    result = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("platform, build, release, words", [
    ("win32", 22631, None, ["Windows 11 (64-bit): pasang GTK3 runtime 64-bit", "WEASYPRINT_DLL_DIRECTORIES"]),
    ("win32", 19045, None, ["Windows 10", "WSL2", "wsl --install -d Ubuntu"]),
    ("darwin", 0, None, ["brew install pango"]),
    ("linux", 0, {"ID": "fedora"}, ["Fedora: sudo dnf install -y pango"]),
    ("linux", 0, {"ID": "ubuntu", "ID_LIKE": "debian"}, ["Debian/Ubuntu: sudo apt-get install -y libpango-1.0-0"]),
])
def test_the_instructions_fit_the_system(monkeypatch, platform, build, release, words):
    from types import SimpleNamespace

    import bursa_cli.render.pango as pango
    from bursa_cli.errors import ExitCode, UsageError

    monkeypatch.setattr(pango.sys, "platform", platform)
    monkeypatch.setattr(pango.sys, "getwindowsversion", lambda: SimpleNamespace(build=build), raising=False)
    monkeypatch.setattr(pango.platform, "freedesktop_os_release", lambda: release or {})
    monkeypatch.setattr(pango, "missing_libraries", lambda: ("GObject", "Pango"))
    with pytest.raises(UsageError) as raised:
        pango.require_pango()
    assert raised.value.exit_code == ExitCode.USAGE
    for word in words:
        assert word in raised.value.hint


def test_pango_is_found_here_with_the_names_weasyprint_tries():
    from bursa_cli.render.pango import missing_libraries

    assert missing_libraries() == ()
