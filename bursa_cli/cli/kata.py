"""The command-line parser's own words in Indonesian: help panels, usage lines, value names, errors.

Typer's help and the parser underneath it (Click, or Typer's private copy of
it) speak English; this module is the one place that turns their words into
Indonesian, so command modules only ever declare Indonesian help texts.
"""

from __future__ import annotations

import re

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
    "ENVVAR_STRING": "[variabel lingkungan: {}]",
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


DEFAULT_IN_HELP = re.compile(r"\(bawaan\b|\bBawaan:")


def usage_names(pieces: str) -> str:
    """A usage line's argument names in capitals, without the parser's braces: `JENIS BERKAS [FOLDER]`."""
    pieces = re.sub(r"\{([^{}|]+)\}", lambda m: m.group(1).upper(), pieces)
    pieces = re.sub(r"\{([^{}]+)\}", lambda m: m.group(1), pieces)  # choices: `peserta|inovasi|panitia`
    return re.sub(r"\[([a-z][a-z0-9_-]*)\]", lambda m: f"[{m.group(1).upper()}]", pieces)


def _parser_range_class():
    """Click's number range type, where Typer runs over the `click` package (older Typer); else None."""
    import importlib

    package = typer.BadParameter.__module__.rpartition(".")[0]
    try:
        types = importlib.import_module(f"{package}.types")
    except ImportError:
        return None
    found = getattr(types, "_NumberRangeBase", None)
    return found if hasattr(found, "_describe_range") else None


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
            for param in self.get_params(ctx):
                if DEFAULT_IN_HELP.search(getattr(param, "help", None) or ""):
                    param.show_default = False  # the help says the default in words: not twice
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
        formatter.write_usage(ctx.command_path, usage_names(pieces), USAGE_PREFIX)

    def with_indonesian_type(english):
        def display_type_rich(self, ctx):
            return value_name(self, english(self, ctx))

        return display_type_rich

    def with_range_in_words(english):
        def describe(self, *args, **kwargs):
            return say_range(english(self, *args, **kwargs))

        return describe

    for param_class in (core.TyperOption, core.TyperArgument):
        if hasattr(param_class, "display_type_rich"):  # Typer 0.2x: the type column of the help
            param_class.display_type_rich = with_indonesian_type(param_class.display_type_rich)
        if hasattr(param_class, "_get_number_range_help_str"):  # Typer 0.2x: `1<=x<=65535`
            param_class._get_number_range_help_str = with_range_in_words(param_class._get_number_range_help_str)
    number_range = _parser_range_class()
    if number_range is not None:  # Typer over the `click` package: the range is the type's own words
        number_range._describe_range = with_range_in_words(number_range._describe_range)

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
    (r"^Missing argument '(.+?)'\.\s*Choose from:?\s*(.+?)\.?$", "Argumen {0} wajib diisi: pilih {1}.", ""),
    (r"^Missing argument '(.+)'\.$", "Argumen {0} wajib diisi.", ""),
    (r"^Missing option '(.+?)'\.\s*Choose from:?\s*(.+?)\.?$", "Pilihan {0} wajib diisi: pilih {1}.", ""),
    (r"^Missing option '(.+)'\.$", "Pilihan {0} wajib diisi.", ""),
    (r"^Missing parameter:? '?(.+?)'?\.?$", "{0} wajib diisi.", ""),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$", "Argumen berlebih: {0}.", ""),
    (r"^Option '(.+)' requires an argument\.$", "Pilihan {0} memerlukan nilai.", ""),
    (r"^Option '(.+)' requires (\d+) arguments\.$", "Pilihan {0} memerlukan {1} nilai.", ""),
    (r"^Argument '(.+)' takes (\d+) values\.$", "Argumen {0} memerlukan {1} nilai.", ""),
    (r"^Option '(.+)' does not take a value\.$", "Pilihan {0} tidak memakai nilai.", ""),
    (r"^Invalid value for '(.+?)': (.+)$", "Nilai untuk {0} tidak sah: {1}", ""),
    (r"^Invalid value: (.+)$", "Nilai tidak sah: {0}", ""),
    (r"^Could not open file '(.+?)': (.+)$", "Berkas {0} tidak dapat dibuka: {1}", ""),
)
VALUE_WORDS = (
    (r"Value error, ", ""),
    (r"Input should be a valid integer.*", "harus bilangan bulat."),
    (r"Input should be a valid (?:number|float).*", "harus angka."),
    (r"Input should be a valid boolean.*", "harus ya atau tidak."),
    (r"Input should be greater than or equal to (\S+)", "harus paling sedikit {0}."),
    (r"Input should be less than or equal to (\S+)", "harus paling banyak {0}."),
    (r"Input should be greater than (\S+)", "harus lebih dari {0}."),
    (r"Input should be less than (\S+)", "harus kurang dari {0}."),
    (r"'(.*)' is not one of (.+)\.", "'{0}' bukan salah satu dari {1}."),
    (r"(?:Value )?'(.*)' is not a valid integer( range)?\.", "'{0}' bukan bilangan bulat."),
    (r"(?:Value )?'(.*)' is not a valid float( range)?\.", "'{0}' bukan angka."),
    (r"(?:Value )?'(.*)' is not a valid boolean\.", "'{0}' bukan ya/tidak."),
    (r"(?:Value )?'(.*)' is not a valid (.+)\.", "'{0}' tidak sah."),
    (r"(\S+) is not in the range (.+)\.", "harus {1}."),  # the range said in words by `say_range`
    (r"(?:File|Path) '(.*)' does not exist\.", "berkas '{0}' tidak ada."),
    (r"Directory '(.*)' does not exist\.", "folder '{0}' tidak ada."),
    (r"(?:File|Directory|Path) '(.*)' is a file\.", "'{0}' sebuah berkas, bukan folder."),
    (r"(?:File|Directory|Path) '(.*)' is a directory\.", "'{0}' sebuah folder, bukan berkas."),
    (r"(?:File|Directory|Path) '(.*)' is not readable\.", "'{0}' tidak boleh dibaca."),
    (r"(?:File|Directory|Path) '(.*)' is not writable\.", "'{0}' tidak boleh ditulis."),
    (r"Value must be an iterable\.", "harus berupa daftar."),
)
RANGE_WORDS = (  # Typer's and Click's range notation (`1<=x<=65535`, `x>=0`) in words
    (r"^(\S+)<=x<=(\S+)$", "{0} sampai {1}"),
    (r"^(\S+)<x<(\S+)$", "antara {0} dan {1}"),
    (r"^(\S+)<=x<(\S+)$", "{0} sampai kurang dari {1}"),
    (r"^(\S+)<x<=(\S+)$", "lebih dari {0} sampai {1}"),
    (r"^x>=(\S+)$", "paling sedikit {0}"),
    (r"^x>(\S+)$", "lebih dari {0}"),
    (r"^x<=(\S+)$", "paling banyak {0}"),
    (r"^x<(\S+)$", "kurang dari {0}"),
)


def say_range(english: str | None) -> str | None:
    """A number range as help shows it (`1<=x<=65535`), said in words (`1 sampai 65535`)."""
    import re

    if not english:
        return english
    for pattern, text in RANGE_WORDS:
        found = re.match(pattern, english.strip())
        if found:
            return text.format(*found.groups())
    return english


def _choices(text: str) -> str:
    """Click's list of choices (one per line, or with commas) as "a, b atau c"."""
    import re

    items = [item for item in re.split(r"[\s,]+", text.strip().rstrip(".")) if item]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} atau {items[-1]}"


def typed_name(names: str, typed: list[str]) -> str:
    """Of an option's names as the parser lists them (`--proses' / '--jobs' / '-j`), the one typed."""
    choices = [name.strip(" '\"") for name in names.split("/")]
    if len(choices) == 1:
        return choices[0]
    for name in choices:
        for word in typed:
            if word == name or word.startswith(name + "=") or (
                    not name.startswith("--") and word.startswith(name) and not word.startswith("--")):
                return name
    return choices[0]


def say_usage_error(message: str, typed: list[str] | None = None) -> str:
    """A command-line parsing message in Indonesian (unknown ones are kept as they are).

    `typed` is what the user typed, so an option with several names is named as it was typed.
    """
    import re

    for pattern, text, extra in CLICK_WORDS:
        found = re.match(pattern, message.strip(), re.S)
        if found:
            parts = [g for g in found.groups() if g is not None]
            if parts and "/" in parts[0]:
                parts[0] = typed_name(parts[0], typed or [])
            if parts and text.startswith(("Argumen {0}", "Nilai untuk {0}")) and not parts[0].startswith("-"):
                # an argument, named as the usage line names it (older Click adds its choices: `JENIS:{a|b}`)
                parts[0] = re.sub(r":?\{.*\}$", "", parts[0]).upper()
            if "pilih {1}" in text:
                parts[1] = _choices(parts[1])
            if extra and len(parts) > 1 and ", " in parts[1]:  # suggestions: "'cetak' atau 'rekap'"
                head, _, last = parts[1].rpartition(", ")
                parts[1] = f"{head} atau {last}"
            said = text.format(*parts)
            if extra and len(parts) > 1:
                said += extra.format(*parts)
            for value_pattern, value_text in VALUE_WORDS:
                said = re.sub(value_pattern, lambda m: value_text.format(*map(say_range, m.groups())), said)
            return said
    return message


def command_path(command, typed: list[str], prog: str = "bursa") -> str:
    """The (sub)command the user was calling, from the words typed: `bursa cetak poster`."""
    path = [prog]
    for word in typed:
        commands = getattr(command, "commands", None)
        if word.startswith("-"):
            continue
        if not commands or word not in commands:
            break
        command = commands[word]
        path.append(word)
    return " ".join(path)


def parser_error(name: str) -> type[Exception]:
    """An exception class of the parser under Typer, found through Typer's public `BadParameter`.

    Why: Typer 0.12 to 0.2x raise `click`'s classes, newer Typer its own private
    copy of them; `typer.BadParameter` is the parser's class in both, and its
    bases are the parser's UsageError and ClickException.
    """
    return next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == name)
