"""The one gate: every command loads the event here and states what it needs.

A command names its need (`"cetak:undangan"`, `"rekap"`, `"impor:peserta"`,
`"hari"`); the gate loads the event and refuses, with every problem at its
file:line, when the files the command reads have errors or when a print
requirement of the document is not met. The same rules run in `bursa
validasi` (`check.requirements`), so validasi finds each refusal first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NOTE, DataError, Problem
from ..kinds import KIND_BY_NAME, RECAP_FILES
from ..schema.event import Event, load_event
from .requirements import check_requirements


@dataclass(frozen=True)
class Need:
    """What one command needs of the event."""

    files: tuple[str, ...] | None  # errors in these files (a prefix such as "log/" too) refuse; None: every file
    code: str  # the refusal in the catalogue (`bursa_cli.codes`): its message and hint
    kind: str = ""  # the document whose print requirements must hold
    load: tuple[str, ...] | None = None  # only these files and log folders are read (`load_event(only=)`)

    def refused(self, problems: list[Problem]) -> DataError:
        """The refusal of this need, with the problems that block it."""
        return DataError.coded(self.code, problems=problems, jenis=self.kind)


_FOLLOWUP = ("acara.yaml", "desa.yaml", "inovasi.yaml", "p2ktd.yaml", "log/komitmen/", "log/tindak-lanjut/")
_FOLLOWUP_LOAD = ("desa.yaml", "inovasi.yaml", "p2ktd.yaml", "log/komitmen", "log/tindak-lanjut")
_IMPOR = {
    "peserta": ("acara.yaml", "desa.yaml", "peserta.yaml"),
    "inovasi": ("acara.yaml", "opd.yaml", "p2ktd.yaml", "inovasi.yaml"),
    "panitia": ("acara.yaml", "opd.yaml", "panitia.yaml"),
}

# The needs of commands other than one document's print (`cetak JENIS` takes its need from its `Kind`).
NEEDS: dict[str, Need] = {
    # a desk keeps working through problems elsewhere: the day must go on
    "hari": Need((), "BUR-T100"),
    # problems elsewhere (tahapan, panitia, opd) do not touch the recap
    "rekap": Need(RECAP_FILES, "BUR-T101"),
    # an item that fails to load is missing from the event, so an import would add it twice
    **{f"impor:{kind}": Need(files, "BUR-T102") for kind, files in _IMPOR.items()},
    "impor": Need(tuple(dict.fromkeys(f for files in _IMPOR.values() for f in files)), "BUR-T102"),
    # the follow-up counts commitments and their steps; its own checks (BUR-F) refuse too
    "tindak-lanjut": Need(_FOLLOWUP, "BUR-T103", load=_FOLLOWUP_LOAD),
    "surat-tindak-lanjut": Need(_FOLLOWUP + ("register-nomor.yaml",), "BUR-T104"),
}


def need_of(name: str) -> Need:
    """The need named `name`; `cetak:JENIS` is the need its `Kind` declares (`bursa_cli/kinds.py`)."""
    if name in NEEDS:
        return NEEDS[name]
    if name.startswith("cetak:"):
        kind = KIND_BY_NAME[name.removeprefix("cetak:")]
        if kind.need:
            return NEEDS[kind.need]
        return Need(kind.files, kind.refusal, kind=kind.name)
    raise KeyError(name)


@dataclass
class Passed:
    """The event a command may work on, with what the gate found but let through."""

    event: Event
    problems: list[Problem]  # every problem the load found (a desk counts them)
    notes: list[Problem] = field(default_factory=list)  # warnings and notes of the document's rules


def _reads(problem: Problem, files: tuple[str, ...] | None) -> bool:
    return files is None or problem.file.startswith(files)


def gate(root: Path, need: str, rapat: str | None = None, logs: str = "log") -> Passed:
    """Load the event at `root` for a command that needs `need`; refuse with every blocking problem.

    `rapat` narrows a print to one meeting: a problem of another meeting does not refuse it.
    `logs`: where the day's entries are read (`gladi/log` for the rehearsal's documents).
    """
    wanted = need_of(need)
    loaded = load_event(Path(root), logs) if wanted.load is None else load_event(Path(root), logs, only=wanted.load)
    event = loaded.event
    blocking = [p for p in loaded.problems if p.is_error and _reads(p, wanted.files)]
    if event.acara is None and not any(p.file == "acara.yaml" for p in blocking):
        blocking += [p for p in loaded.problems if p.file == "acara.yaml"]
    notes: list[Problem] = []
    if event.acara is not None and wanted.kind:
        for problem in check_requirements(event, wanted.kind):
            if rapat and problem.rapat and problem.rapat != rapat:
                continue
            (blocking if problem.is_error else notes).append(problem)
    if blocking or event.acara is None:
        loading = any(p in loaded.problems for p in blocking)
        if loading and wanted.files is None:
            raise DataError.coded("BUR-C102", problems=blocking, jenis=wanted.kind)
        raise wanted.refused(blocking)
    return Passed(event, loaded.problems, [n for n in notes if n.level in (NOTE, "peringatan")])
