"""The `bursa` command: commands are registered here, explicitly, one per line.

Command modules stay thin and import their core lazily, so `bursa --help`
never pays for pydantic or WeasyPrint.
"""

from __future__ import annotations

import functools
import sys

import typer

from . import acara, cetak as cetak_cmd, hari, impor, kunci, rekap
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
kunci_sertifikat = typer.Typer(help="Kunci kode verifikasi sertifikat: satu untuk seluruh acara.", no_args_is_help=True)
app.add_typer(kunci_sertifikat, name="kunci-sertifikat")


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
for kind in KINDS:  # one `bursa cetak JENIS` per entry of the document registry
    cetak.command(kind.name)(edge(cetak_cmd.command_for(kind)))
cetak.command("sertifikat")(edge(rekap.sertifikat))
templat.command("daftar")(edge(cetak_cmd.daftar))
templat.command("salin")(edge(cetak_cmd.salin))
kunci_sertifikat.command("buat")(edge(kunci.buat))


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
    """Typer's own words (help panels, the --help line, "Usage:") in Indonesian.

    The help panels' module is only loaded when help is actually shown, so
    ordinary commands do not pay for it.
    """
    try:
        from typer import core
        from typer._click import decorators
        from typer._click.formatting import HelpFormatter
    except ImportError:  # another Typer layout: keep its wording
        return
    if getattr(decorators.help_option, "indonesian", False):
        return

    def with_indonesian_panels(english):
        def format_help(self, ctx, formatter):
            from typer import rich_utils

            for name, text in HELP_WORDS.items():
                setattr(rich_utils, name, text)
            return english(self, ctx, formatter)

        return format_help

    for command_class in (core.TyperCommand, core.TyperGroup):
        command_class.format_help = with_indonesian_panels(command_class.format_help)

    english_help_option = decorators.help_option

    def help_option(param_decls):
        add = english_help_option(param_decls)

        def apply(command):
            command = add(command)
            command.params[-1].help = "Tampilkan bantuan ini lalu keluar."
            return command

        return apply

    help_option.indonesian = True
    decorators.help_option = help_option

    english_usage = HelpFormatter.write_usage

    def write_usage(self, prog, args="", prefix=None):
        return english_usage(self, prog, args, "Pemakaian: " if prefix is None else prefix)

    HelpFormatter.write_usage = write_usage


CLICK_WORDS = (  # the command-line parser's own messages, said in Indonesian
    (r"^No such option: (\S+)(?: \(Possible options: (.+)\)| Did you mean (.+)\?)?$",
     "Pilihan {0} tidak dikenal.", " Mungkin maksudnya {1}?"),
    (r"^No such command '(.+)'\.$", "Perintah '{0}' tidak dikenal.", ""),
    (r"^Missing argument '(.+)'\.$", "Argumen {0} wajib diisi.", ""),
    (r"^Missing option '(.+)'\.$", "Pilihan {0} wajib diisi.", ""),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$", "Argumen berlebih: {0}.", ""),
    (r"^Option '(.+)' requires an argument\.$", "Pilihan {0} memerlukan nilai.", ""),
    (r"^Invalid value for '(.+?)': (.+)$", "Nilai untuk {0} tidak sah: {1}", ""),
)
VALUE_WORDS = (
    (r"Value error, ", ""),
    (r"Input should be a valid integer.*", "harus bilangan bulat."),
    (r"Input should be a valid (?:number|float).*", "harus angka."),
    (r"Input should be a valid boolean.*", "harus ya atau tidak."),
    (r"Input should be greater than or equal to (\S+)", "harus paling sedikit {0}."),
    (r"Input should be less than or equal to (\S+)", "harus paling banyak {0}."),
    (r"'(.*)' is not one of (.+)\.", "'{0}' bukan salah satu dari {1}."),
    (r"'(.*)' is not a valid integer( range)?\.", "'{0}' bukan bilangan bulat."),
    (r"'(.*)' is not a valid float( range)?\.", "'{0}' bukan angka."),
    (r"'(.*)' is not a valid boolean\.", "'{0}' bukan ya/tidak."),
    (r"(.+) is not in the range (.+)\.", "{0} di luar rentang {1}."),
)


def say_usage_error(message: str) -> str:
    """A command-line parsing message in Indonesian (unknown ones are kept as they are)."""
    import re

    for pattern, text, extra in CLICK_WORDS:
        found = re.match(pattern, message.strip(), re.S)
        if found:
            parts = [g for g in found.groups() if g is not None]
            said = text.format(*parts)
            if extra and len(parts) > 1:
                said += extra.format(*parts)
            for value_pattern, value_text in VALUE_WORDS:
                said = re.sub(value_pattern, lambda m: value_text.format(*m.groups()), said)
            return said
    return message


def main() -> None:
    """Run `bursa`; parsing errors get the same Indonesian panel and exit code 2 as usage errors."""
    from typer._click import exceptions as click_errors
    from typer.exceptions import Abort

    speak_indonesian()
    try:
        code = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:  # the help is the answer
        error.show()
        sys.exit(2)
    except click_errors.UsageError as error:
        from .. import present
        from ..errors import UsageError

        command = error.ctx.command_path if error.ctx else "bursa"
        present.show_error(UsageError(say_usage_error(error.format_message()),
                                      hint=f"Lihat `{command} --help`."))
        sys.exit(2)
    except Abort:
        from .. import present

        present.info("Dibatalkan.")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
