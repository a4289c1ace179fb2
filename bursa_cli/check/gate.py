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
from ..schema.event import Event, load_event
from .requirements import check_requirements


@dataclass(frozen=True)
class Need:
    """What one command needs of the event."""

    files: tuple[str, ...] | None  # errors in these files (a prefix such as "log/" too) refuse; None: every file
    message: str  # the refusal, in Indonesian
    hint: str = "Jalankan `bursa validasi` dan perbaiki dulu masalahnya."
    kind: str = ""  # the document whose print requirements must hold
    load: tuple[str, ...] | None = None  # only these files and log folders are read (`load_event(only=)`)


_RECAP = ("acara.yaml", "desa.yaml", "peserta.yaml", "inovasi.yaml", "p2ktd.yaml", "log/")
_FOLLOWUP = ("acara.yaml", "desa.yaml", "inovasi.yaml", "p2ktd.yaml", "log/komitmen/", "log/tindak-lanjut/")
_FOLLOWUP_LOAD = ("desa.yaml", "inovasi.yaml", "p2ktd.yaml", "log/komitmen", "log/tindak-lanjut")
_IMPOR = {
    "peserta": ("acara.yaml", "desa.yaml", "peserta.yaml"),
    "inovasi": ("acara.yaml", "opd.yaml", "p2ktd.yaml", "inovasi.yaml"),
    "panitia": ("acara.yaml", "opd.yaml", "panitia.yaml"),
}

NEEDS: dict[str, Need] = {
    # a desk keeps working through problems elsewhere: the day must go on
    "hari": Need((), "acara.yaml belum sah; hari-H tidak dapat dimulai.",
                 "Jalankan `bursa validasi` dan perbaiki galat di acara.yaml."),
    # problems elsewhere (tahapan, panitia, opd) do not touch the recap
    "rekap": Need(_RECAP, "Rekap tidak dibuat: data yang dihitung masih bermasalah.",
                  "Perbaiki dulu (lihat `bursa validasi`; log yang terpotong dipulihkan dengan `bursa perbaiki`)."),
    # an item that fails to load is missing from the event, so an import would add it twice
    **{f"impor:{kind}": Need(files, "Data acara masih bermasalah; perbaiki dulu berkas berikut.",
                             "Jalankan `bursa validasi` untuk melihat semua masalahnya.")
       for kind, files in _IMPOR.items()},
    "impor": Need(tuple(dict.fromkeys(f for files in _IMPOR.values() for f in files)),
                  "Data acara masih bermasalah; perbaiki dulu berkas berikut.",
                  "Jalankan `bursa validasi` untuk melihat semua masalahnya."),
    # the follow-up counts commitments and their steps; its own checks (BUR-F) refuse too
    "tindak-lanjut": Need(_FOLLOWUP, "Rekap tindak lanjut tidak dibuat: data yang dihitung masih bermasalah.",
                          "Perbaiki dulu (lihat `bursa validasi`).", load=_FOLLOWUP_LOAD),
    "surat-tindak-lanjut": Need(_FOLLOWUP + ("register-nomor.yaml",),
                                "Data untuk surat tindak lanjut belum lengkap; belum ada surat yang dicetak.",
                                "Jalankan `bursa validasi`, lengkapi data di atas lalu jalankan lagi."),
    "cetak:sertifikat": Need(_RECAP, "Data untuk sertifikat belum lengkap; belum ada sertifikat yang dicetak.",
                             "Lengkapi data di atas lalu jalankan lagi.", kind="sertifikat"),
}


def need_of(name: str) -> Need:
    """The need named `name`; any `cetak:JENIS` not listed needs every file and its document's rules."""
    if name in NEEDS:
        return NEEDS[name]
    if name.startswith("cetak:"):
        kind = name.removeprefix("cetak:")
        return Need(None, f"Data untuk mencetak {kind} belum lengkap; belum ada berkas yang ditulis.",
                    "Jalankan `bursa validasi`, lengkapi data di atas lalu jalankan lagi.", kind=kind)
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
        message = wanted.message
        if loading and wanted.files is None:
            message = "Data acara masih bermasalah, jadi dokumen tidak dicetak."
        raise DataError(message, blocking, hint=wanted.hint)
    return Passed(event, loaded.problems, [n for n in notes if n.level in (NOTE, "peringatan")])
