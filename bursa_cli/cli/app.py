"""The `bursa` command: commands are registered here, explicitly, one per line.

Command modules stay thin and import their core lazily, so `bursa --help`
never pays for pydantic or WeasyPrint.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys

import typer

from . import acara, cetak as cetak_cmd, hari, impor, kunci, layani, rekap
from .kata import command_path, parser_error, say_usage_error, speak_indonesian
from .streams import utf8_streams
from ..kinds import KINDS

app = typer.Typer(
    name="bursa",
    help="Perangkat Bursa Inovasi Desa: data acara, validasi, dokumen, hari-H dan rekap.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
cetak = typer.Typer(help="Mencetak dokumen acara ke PDF.", no_args_is_help=True)
app.add_typer(cetak, name="cetak")
templat = typer.Typer(help="Templat dokumen: daftar dan salin templat bawaan ke folder acara.", no_args_is_help=True)
app.add_typer(templat, name="templat")
perangkat = typer.Typer(help="Perangkat yang dipasangkan ke `bursa layani`: tambah, daftar, cabut.", no_args_is_help=True)
app.add_typer(perangkat, name="perangkat")
kunci_sertifikat = typer.Typer(help="Kunci kode verifikasi sertifikat: satu untuk seluruh acara.", no_args_is_help=True)
app.add_typer(kunci_sertifikat, name="kunci-sertifikat")


def show_version(wanted: bool) -> None:
    if wanted:
        from .. import __version__, present

        present.info(f"bursa {__version__}")
        raise typer.Exit()


def install_completion(wanted: bool) -> None:
    if wanted:
        from typer import completion

        from .. import present

        from ..errors import UsageError

        try:
            shell = _shell()
        except UsageError as error:  # a callback runs before `edge`: show the panel here
            present.show_error(error)
            raise typer.Exit(int(error.exit_code)) from None
        with unchanged_when_installed():
            shell, path = completion.install(shell=shell, prog_name="bursa", complete_var=COMPLETE_VAR)
        present.success(f"Pelengkapan perintah (tombol Tab) untuk {shell} dipasang di {path}. "
                        "Berlaku setelah terminal dibuka ulang.")
        raise typer.Exit()


@contextlib.contextmanager
def unchanged_when_installed():
    """A second `--pasang-pelengkapan` leaves the shell's start-up files as they are.

    Why: Typer's installer adds a blank line to `.bashrc` (and a trailing one to others) on
    every run, even when the completion is already loaded there.
    """
    from pathlib import Path

    home = Path.home()
    watched = [home / ".bashrc", home / ".zshrc"]
    before = {path: path.read_bytes() for path in watched if path.is_file()}
    yield
    for path, old in before.items():
        new = path.read_bytes() if path.is_file() else None
        if new is not None and new != old and new.rstrip() == old.rstrip():
            path.write_bytes(old)  # only white space was added: what it loads is the same


COMPLETE_VAR = "_BURSA_COMPLETE"  # set by the shell when it asks for completions
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell() -> str:
    """The shell this command runs in, or a usage error in Indonesian when it has no completion."""
    import shellingham  # Typer's own dependency for the same question

    from ..errors import UsageError

    try:
        name = shellingham.detect_shell()[0].lower()
    except shellingham.ShellDetectionFailure:
        name = ""
    if name not in SHELLS:
        raise UsageError.coded("BUR-U005", shell=name or 'ini')
    return name


@app.callback()
def options(
    versi: bool = typer.Option(False, "--version", "-V", is_eager=True, callback=show_version,
                               help="Tampilkan versi bursa lalu keluar."),
    pelengkapan: bool = typer.Option(False, "--pasang-pelengkapan", is_eager=True, callback=install_completion,
                                     help="Pasang pelengkapan perintah (tombol Tab) untuk shell ini: "
                                          "bash, zsh, fish atau PowerShell."),
) -> None:
    # No docstring: the help of `bursa` stays the one given to typer.Typer above.
    pass


def edge(command):
    """Turn a user error into its panel and exit code; bugs keep their traceback."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        from ..errors import BursaError

        try:
            return command(*args, **kwargs)
        except BursaError as error:
            from .. import present

            present.show_error(error)
            raise typer.Exit(int(error.exit_code)) from None
        except OSError as error:
            if error.filename is None:  # not about a file the user can fix: a bug, keep the traceback
                raise
            from .. import present
            from ..fsutil import os_refused

            present.show_error(os_refused(error))
            raise typer.Exit(2) from None

    return run


app.command("init")(edge(acara.init))
app.command("validasi")(edge(acara.validasi))
app.command("status")(edge(acara.status))
app.command("skema")(edge(acara.skema))
app.command("rekap")(edge(rekap.rekap))
app.command("verifikasi")(edge(rekap.verifikasi))
app.command("registrasi")(edge(hari.registrasi))
app.command("stempel")(edge(hari.stempel))
app.command("nilai")(edge(hari.nilai))
app.command("ide")(edge(hari.ide))
app.command("komitmen")(edge(hari.komitmen))
app.command("perbaiki")(edge(hari.perbaiki))
app.command("impor")(edge(impor.impor))
app.command("ekspor")(edge(impor.ekspor))
app.command("pantau")(edge(hari.pantau))
app.command("layani")(edge(layani.layani))
perangkat.command("tambah")(edge(layani.tambah))
perangkat.command("daftar")(edge(layani.daftar))
perangkat.command("cabut")(edge(layani.cabut))
for kind in KINDS:  # one `bursa cetak JENIS` per entry of the document registry
    cetak.command(kind.name)(edge(cetak_cmd.command_for(kind)))
templat.command("daftar")(edge(cetak_cmd.daftar))
templat.command("salin")(edge(cetak_cmd.salin))
kunci_sertifikat.command("buat")(edge(kunci.buat))


STOPPED_BY_CTRL_C = 130


def main() -> None:
    """Run `bursa`; parsing errors get the same Indonesian panel and exit code 2 as usage errors."""
    utf8_streams()
    speak_indonesian()
    if COMPLETE_VAR in os.environ:  # the shell asks for completions: Typer's completion classes answer
        from typer import completion

        completion.completion_init()
    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="bursa", standalone_mode=False)
    except parser_error("UsageError") as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # the help is the answer
            error.show()
            sys.exit(2)
        from .. import present
        from ..errors import UsageError

        typed = sys.argv[1:]
        present.show_error(UsageError(say_usage_error(error.format_message(), typed),
                                      hint=f"Lihat `{command_path(command, typed)} --help`."))
        sys.exit(2)
    except typer.Abort:
        from .. import present

        present.info("Dibatalkan.")
        sys.exit(2)
    if code == STOPPED_BY_CTRL_C:  # Typer's answer to KeyboardInterrupt, silent until now
        from .. import present

        present.info("Dihentikan (Ctrl-C).")
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
