"""The `bursa` command: commands are registered here, explicitly, one per line.

Command modules stay thin and import their core lazily, so `bursa --help`
never pays for pydantic or WeasyPrint.
"""

from __future__ import annotations

import functools
import sys

import typer

from . import acara, cetak as cetak_cmd, hari, impor, rekap
from ..render.kinds import KINDS

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

    return run


app.command("init")(edge(acara.init))
app.command("validasi")(edge(acara.validasi))
app.command("status")(edge(acara.status))
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
for kind in KINDS:  # one `bursa cetak JENIS` per entry of the document registry
    cetak.command(kind.name)(edge(cetak_cmd.command_for(kind)))
cetak.command("sertifikat")(edge(rekap.sertifikat))
templat.command("daftar")(edge(cetak_cmd.daftar))
templat.command("salin")(edge(cetak_cmd.salin))


HELP_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Pilihan",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ERRORS_PANEL_TITLE": "Galat",
    "REQUIRED_LONG_STRING": "[wajib]",
    "DEFAULT_STRING": "[bawaan: {}]",
    "DEPRECATED_STRING": "(usang) ",
    "ABORTED_TEXT": "Dibatalkan.",
    "RICH_HELP": "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
}


def speak_indonesian() -> None:
    """Typer's own help words, in Indonesian (only loaded when help is shown)."""
    from typer import rich_utils

    for name, text in HELP_WORDS.items():
        setattr(rich_utils, name, text)


def main() -> None:
    argv = sys.argv[1:]
    if not argv or {"-h", "--help"} & set(argv):
        speak_indonesian()
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
