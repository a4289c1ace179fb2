"""The command-line parser's own words in Indonesian: help panels, usage lines, value names, errors.

Typer's help and the parser underneath it (Click, or Typer's private copy of
it) speak English; this module is the one place that turns their words into
Indonesian, so command modules only ever declare Indonesian help texts.
"""

from __future__ import annotations

import typer


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


HELP_OPTION_TEXT = "Tampilkan bantuan ini lalu keluar."
USAGE_PREFIX = "Pemakaian: "
USAGE_WORDS = (("[OPTIONS]", "[PILIHAN]"), ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."))
# The value names of the help, for Typer's type names (`<str>`, `<list[str]>`, `<path>`; TEXT, PATH
# in older Typer). A flag takes no value, so it shows none.
TYPE_WORDS = {"str": "TEKS", "text": "TEKS", "int": "ANGKA", "integer": "ANGKA", "float": "ANGKA",
              "int range": "ANGKA", "integer range": "ANGKA", "float range": "ANGKA", "path": "BERKAS",
              "file": "BERKAS", "filename": "BERKAS", "directory": "FOLDER", "datetime": "TANGGAL",
              "bool": "", "boolean": ""}


def value_name(param, english: str | None) -> str | None:
    """The value name help shows for `param`: its own metavar, else Typer's type name said in Indonesian."""
    if param.metavar is not None:
        return param.metavar
    if getattr(param, "is_flag", False) or english is None:
        return None
    label = english.strip("<>").removesuffix("...")
    many = english.endswith("...") or label.startswith("list[")
    label = label.removeprefix("list[").removesuffix("]")
    if "|" in label:  # the choices are the values themselves, already in Indonesian
        return english
    word = TYPE_WORDS.get(label.lower(), label.upper())
    if word in ("BERKAS", "FOLDER") and "folder" in (param.name or ""):
        word = "FOLDER"
    if not word:
        return None
    return word + "..." if many else word


def speak_indonesian() -> None:
    """Typer's own words (help panels, the --help line, "Usage:") in Indonesian.

    Only Typer's public classes are touched (`typer.core.TyperCommand` and
    `TyperGroup`, `typer.rich_utils`), never the parser underneath, which older
    Typer takes from the `click` package and newer Typer keeps in a private
    module. The help panels' module is only loaded when help is actually shown,
    so ordinary commands do not pay for it.
    """
    from typer import core

    if getattr(core.TyperCommand, "indonesian", False):
        return

    def with_indonesian_panels(english):
        def format_help(self, ctx, formatter):
            from typer import rich_utils

            for name, text in HELP_WORDS.items():
                setattr(rich_utils, name, text)
            return english(self, ctx, formatter)

        return format_help

    def with_indonesian_help_option(english):
        def get_help_option(self, ctx):
            option = english(self, ctx)
            if option is not None:
                option.help = HELP_OPTION_TEXT
            return option

        return get_help_option

    def format_usage(self, ctx, formatter):
        pieces = " ".join(self.collect_usage_pieces(ctx))
        for english, indonesian in USAGE_WORDS:
            pieces = pieces.replace(english, indonesian)
        formatter.write_usage(ctx.command_path, pieces, USAGE_PREFIX)

    def with_indonesian_type(english):
        def display_type_rich(self, ctx):
            return value_name(self, english(self, ctx))

        return display_type_rich

    for param_class in (core.TyperOption, core.TyperArgument):
        if hasattr(param_class, "display_type_rich"):  # Typer 0.2x: the type column of the help
            param_class.display_type_rich = with_indonesian_type(param_class.display_type_rich)

    for command_class in (core.TyperCommand, core.TyperGroup):
        command_class.format_help = with_indonesian_panels(command_class.format_help)
        command_class.get_help_option = with_indonesian_help_option(command_class.get_help_option)
        command_class.format_usage = format_usage
        command_class.indonesian = True


CLICK_WORDS = (  # the command-line parser's own messages, said in Indonesian
    (r"^No such option:? '?(\S+?)'?\.?(?: \(Possible options: (.+)\)| Did you mean '?(.+?)'?\?)?$",
     "Pilihan {0} tidak dikenal.", " Mungkin maksudnya {1}?"),
    (r"^No such command '(.+?)'\.(?: Did you mean (.+)\?)?$", "Perintah '{0}' tidak dikenal.",
     " Mungkin maksudnya {1}?"),
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
            if extra and len(parts) > 1 and ", " in parts[1]:  # suggestions: "'cetak' atau 'rekap'"
                head, _, last = parts[1].rpartition(", ")
                parts[1] = f"{head} atau {last}"
            said = text.format(*parts)
            if extra and len(parts) > 1:
                said += extra.format(*parts)
            for value_pattern, value_text in VALUE_WORDS:
                said = re.sub(value_pattern, lambda m: value_text.format(*m.groups()), said)
            return said
    return message


def parser_error(name: str) -> type[Exception]:
    """An exception class of the parser under Typer, found through Typer's public `BadParameter`.

    Why: Typer 0.12 to 0.2x raise `click`'s classes, newer Typer its own private
    copy of them; `typer.BadParameter` is the parser's class in both, and its
    bases are the parser's UsageError and ClickException.
    """
    return next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == name)
