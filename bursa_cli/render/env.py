"""The Jinja2 environment: the event's templates first, then the built-in ones.

A user template can extend a built-in one by its prefixed name
(`{% extends "bawaan/undangan.html" %}`) and replace one block, as Pelican's
`!theme/` does, instead of copying the whole file.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..errors import Problem, TemplateRefused
from ..paths import BUILTIN_TEMPLATES, FONTS
from ..safepath import within
from ..schema.models import PERAN_LABEL
from ..schema.types import BIDANG_LABEL, BIDANG_SHORT
from .. import indo

EVENT_TEMPLATES = "templates"
BUILTIN_PREFIX = "bawaan"

# Paper sizes for CSS `@page { size: ... }` (width height).
KERTAS = {
    "A4": "210mm 297mm",
    "F4": "215mm 330mm",
    "A3": "297mm 420mm",
    "A6": "105mm 148mm",
    "ID-1": "85.6mm 54mm",
}

FONT_FILES = {
    ("Liberation Sans", "normal", "normal"): "LiberationSans-Regular.ttf",
    ("Liberation Sans", "bold", "normal"): "LiberationSans-Bold.ttf",
    ("Liberation Sans", "normal", "italic"): "LiberationSans-Italic.ttf",
    ("Liberation Sans", "bold", "italic"): "LiberationSans-BoldItalic.ttf",
    ("Liberation Serif", "normal", "normal"): "LiberationSerif-Regular.ttf",
    ("Liberation Serif", "bold", "normal"): "LiberationSerif-Bold.ttf",
    ("Liberation Serif", "normal", "italic"): "LiberationSerif-Italic.ttf",
    ("Liberation Serif", "bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
HURUF = {"sans": "Liberation Sans", "serif": "Liberation Serif"}


def font_faces() -> list[dict[str, str]]:
    """The @font-face rules of the shipped fonts, so a PDF never depends on installed fonts."""
    return [{"family": family, "weight": weight, "style": style, "url": (FONTS / name).as_uri()}
            for (family, weight, style), name in FONT_FILES.items()]


class ContainedLoader(FileSystemLoader):
    """A file loader that refuses a template resolving outside `bases` (a symlink to /etc/passwd)."""

    def __init__(self, folder: Path, bases: tuple[Path, ...], shown_prefix: str):
        super().__init__(str(folder))
        self.bases, self.shown_prefix = bases, shown_prefix

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if within(filename, *self.bases) is None:
            shown = f"{self.shown_prefix}/{template}"
            raise TemplateRefused.coded("BUR-C112",
                                        problems=[Problem("Templat ini tautan ke luar folder acara.", file=shown, line=1, column=1)],
                                        templat=shown)
        return source, filename, uptodate


def make_env(root: Path | None = None) -> Environment:
    """A sandboxed Jinja2 environment whose search path starts at the event's `templates/`.

    Why a sandbox: an event template is data that travels in a shared repository or
    on a USB stick, so it may not reach Python's insides (`cycler.__init__.__globals__`).
    """
    builtin = ContainedLoader(BUILTIN_TEMPLATES, (BUILTIN_TEMPLATES,), BUILTIN_PREFIX)
    loaders = []
    if root is not None and (Path(root) / EVENT_TEMPLATES).is_dir():
        loaders.append(ContainedLoader(Path(root) / EVENT_TEMPLATES, (Path(root),), EVENT_TEMPLATES))
    loaders += [PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tanggal=indo.tanggal, hari=indo.hari, hari_tanggal=indo.hari_tanggal, bulan=indo.bulan,
        jam=indo.jam, jam_angka=indo.jam_angka, rupiah=indo.rupiah, ribuan=indo.ribuan,
        romawi=indo.romawi, terbilang=indo.terbilang, nip=indo.nip, urutan=indo.urutan,
        huruf=indo.huruf, bidang_label=BIDANG_LABEL.get, bidang_singkat=BIDANG_SHORT.get,
        peran_label=lambda peran: PERAN_LABEL.get(peran, peran),
    )
    env.globals.update(
        waktu=indo.waktu, pangkat=indo.pangkat, KERTAS=KERTAS, HURUF=HURUF,
        font_faces=font_faces(),
    )
    return env


def builtin_names() -> list[str]:
    """Names of the built-in templates a user may copy (`bursa templat salin`)."""
    return sorted(p.relative_to(BUILTIN_TEMPLATES).as_posix()
                  for p in BUILTIN_TEMPLATES.rglob("*") if p.is_file() and not p.name.startswith("."))
