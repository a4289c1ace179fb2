"""One family of user errors: every problem carries its file, line and column.

A *problem* is something in the user's data that the user can fix. Problems are
gathered (all of them, not just the first) and shown together at the edge by
`bursa_cli.present`. Anything that is not a `BursaError` is a bug and keeps its
traceback.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from .day.state import Seen


class ExitCode(IntEnum):
    """Exit codes, as in SQLFluff: 0 ok, 1 data problems, 2 usage or internal error."""

    OK = 0
    DATA = 1
    USAGE = 2


ERROR = "galat"
WARNING = "peringatan"
NOTE = "catatan"  # worth knowing, never a problem: not counted, not promoted by --strict


# The keys of a problem in JSON output, in the words the terminal report uses.
JSON_KEYS = {"message": "pesan", "file": "berkas", "line": "baris", "column": "kolom", "path": "bagian",
             "value": "nilai", "level": "tingkat", "stage": "tahap", "code": "kode", "needed_by": "dokumen",
             "rapat": "rapat"}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the user's data, with where it is."""

    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: str = ""
    value: str = ""
    level: str = ERROR
    stage: str = ""  # kode tahapan for readiness problems, empty otherwise
    code: str = ""  # stable code from the catalogue in `bursa_cli.codes`, e.g. BUR-K002
    needed_by: tuple[str, ...] = ()  # the documents (`cetak JENIS`) this problem stops
    rapat: str = ""  # the one meeting (kode tahapan or hari-h) it concerns: printing another meeting passes

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def location(self) -> str:
        """`file:line:col`, as far as it is known."""
        parts = [self.file or "-"]
        if self.line:
            parts.append(str(self.line))
            parts.append(str(self.column or 1))
        return ":".join(parts)

    def parsable(self) -> str:
        """yamllint-style `file:line:col: level: message (code)`."""
        where = self.location() if self.line else f"{self.file or '-'}:0:0"
        text = self.message
        if self.path:
            text = f"{self.path}: {text}"
        if self.code:
            text = f"{text} ({self.code})"
        return f"{where}: {self.level}: {text}"

    def as_dict(self) -> dict:
        return asdict(self)

    def as_json(self) -> dict:
        """This problem for `validasi --format json`: every key in Indonesian (docs/folder-acara.md)."""
        return {JSON_KEYS[name]: (list(value) if isinstance(value, tuple) else value)
                for name, value in asdict(self).items()}

    def promoted(self) -> "Problem":
        """This problem as an error (for `--strict`); a note stays a note."""
        return self if self.level == NOTE else replace(self, level=ERROR)


class BursaError(Exception):
    """Base of every error the user can fix; shown as a short panel, never a traceback."""

    exit_code = ExitCode.DATA

    def __init__(self, message: str, problems: Iterable[Problem] = (), hint: str = "", code: str = ""):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)
        self.hint = hint
        self.code = code  # the catalogue's code (`bursa_cli.codes`), so a helpdesk can look the refusal up

    @classmethod
    def coded(cls, code: str, *, problems: Iterable[Problem] = (), **fields):
        """This error with its message and hint from the catalogue: `raise UsageError.coded("BUR-U001", x=...)`."""
        from .codes import CODES  # the catalogue imports this module for its levels

        entry = CODES[code]
        return cls(entry.template.format(**fields), problems, entry.hint.format(**fields), code=code)


class DataError(BursaError):
    """The event's data has problems (each one in `problems`)."""


class UsageError(BursaError):
    """The command was called wrongly: a missing folder, a bad option value."""

    exit_code = ExitCode.USAGE


class TemplateRefused(UsageError):
    """A template file that leads outside the event folder (or the package's templates)."""


class Refused(UsageError):
    """An entry a desk must not record; the desk says why and carries on."""

    exit_code = ExitCode.DATA

    def __init__(self, message: str, problems: Iterable[Problem] = (), hint: str = "", code: str = "",
                 level: str = ""):  # `level` lets `Refused(**say(CODE, ...))` pass the catalogue's entry whole
        super().__init__(message, problems, hint, code)


class Duplicate(BursaError):
    """An entry sent again under the same `id_entri`: it was recorded before and is not written twice."""

    exit_code = ExitCode.OK

    def __init__(self, earlier: "Seen"):
        from .codes import CODES  # the catalogue imports this module for its levels

        super().__init__(CODES["BUR-M001"].template.format(berkas=earlier.file, baris=earlier.line, jam=earlier.jam),
                         code="BUR-M001")
        self.earlier = earlier


class Repeat(BursaError):
    """The same entry was recorded before; recording it again needs `ulang=True`."""

    def __init__(self, message: str, earlier: "Seen", code: str = ""):
        super().__init__(message, hint="Tambahkan --ulang bila memang perlu dicatat lagi.", code=code)
        self.earlier = earlier

    @classmethod
    def coded(cls, code: str, *, earlier: "Seen", **fields: Any) -> "Repeat":  # type: ignore[override]
        from .codes import CODES

        return cls(CODES[code].template.format(**fields), earlier, code=code)


class PairingRefused(BursaError):
    """A pairing QR that was used already, has expired, or is unknown (`code` says which)."""


class Forbidden(BursaError):
    """A paired device asking for what its role or desk does not allow (HTTP 403)."""


class NotFound(BursaError):
    """A participant, village or certificate asked for by its id that the event does not have (HTTP 404)."""


def rel(path: Path | str, root: Path | None) -> str:
    """A path as the user sees it: relative to the event folder where possible."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
