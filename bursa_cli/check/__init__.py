"""Validation of a whole event: schema, links between files, readiness of the stages.

The three passes run in order, like MkDocs's pre/run/post validation: the
loader reports YAML and schema problems, `links` the references between
files, and `readiness` what each preparation stage still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..codes import say
from ..errors import ERROR, NOTE, WARNING, Problem, UsageError
from ..schema.event import Event, load_event
from ..schema.models import TAHAPAN_KODE
from . import links
from .readiness import StageResult, check_readiness, check_tahapan_list
from .requirements import DAY, PROGRESS, REQUIREMENTS, check_requirements


@dataclass
class Report:
    """What `bursa validasi` found, ready to present."""

    root: Path
    event: Event
    problems: list[Problem] = field(default_factory=list)
    stages: list[StageResult] = field(default_factory=list)
    up_to: str | None = None
    strict: bool = False

    notes: list[Problem] = field(default_factory=list)  # worth knowing, never counted

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def files(self) -> list[str]:
        logs = [f for files in self.event.log_files.values() for f in files]
        return sorted(self.event.sources) + logs


def validate_event(folder: Path, up_to_stage: str | None = None, strict: bool = False) -> Report:
    """Load the event at `folder` and run every check; never raises for data problems."""
    if up_to_stage is not None and up_to_stage not in TAHAPAN_KODE:
        raise UsageError.coded("BUR-T105", tahap=up_to_stage, daftar=", ".join(TAHAPAN_KODE))
    loaded = load_event(Path(folder))
    event = loaded.event
    problems = list(loaded.problems)
    skipped = _skipped(event)
    for check in links.LINK_CHECKS:
        if not _blocked(event, READS.get(check.__name__, ())):
            problems.extend(check(event))
    if not _blocked(event, ("tahapan.yaml",)):
        problems.extend(check_tahapan_list(event))
    stages = check_readiness(event, up_to_stage)
    by_stage = {stage.kode: stage for stage in stages}
    for stage in stages:
        if _blocked(event, STAGE_READS.get(stage.kode, ())):
            stage.problems, stage.blocked = [], True  # judged once the file it reads can be read
    for problem in check_requirements(event):
        if problem.stage == DAY:  # waits for the day itself: worth knowing once it has begun, never counted
            if any(event.log_files.values()):
                problems.append(replace(problem, level=NOTE))
            continue
        stage = by_stage[problem.stage]
        stage.problems.append(problem)
        if stage.enforced or problem.code in PROGRESS:  # progress counts from its stage on, like readiness
            continue
        if problem.is_error and problem.code not in ALWAYS:
            problem = replace(problem, level=WARNING)  # what `cetak` would refuse, shown before its stage
        problems.append(problem)
    for stage in stages:
        if stage.enforced:
            problems.extend(p for p in stage.problems if not p.needed_by)
            problems.extend(p for p in stage.problems if p.needed_by)
    problems.extend(skipped)
    notes = [p for p in problems if p.level == NOTE]
    problems = [p for p in problems if p.level != NOTE]
    for stage in stages:
        stage.problems = [p for p in stage.problems if p.level != NOTE]
    if strict:
        problems = [p if p.level == ERROR else p.promoted() for p in problems]
    problems.sort(key=_order)
    return Report(Path(folder), event, problems, stages, up_to_stage, strict, notes)


# The files each check reads: when one of them cannot be read at all, the check is
# skipped (and said so once) instead of reporting what is merely missing from view.
READS: dict[str, tuple[str, ...]] = {
    "check_wilayah": ("acara.yaml", "desa.yaml"),
    "check_people": ("acara.yaml", "desa.yaml", "peserta.yaml", "panitia.yaml", "opd.yaml"),
    "check_rooms": ("acara.yaml",),
    "check_inovasi": ("acara.yaml", "inovasi.yaml", "opd.yaml", "p2ktd.yaml"),
    "check_logs": ("acara.yaml", "peserta.yaml", "inovasi.yaml", "desa.yaml", "panitia.yaml"),
    "check_komitmen": ("desa.yaml", "inovasi.yaml", "peserta.yaml", "acara.yaml"),
    "check_held_seats": ("acara.yaml", "peserta.yaml"),
    "check_log_dates": ("acara.yaml",),
    "check_followup": ("acara.yaml", "desa.yaml", "inovasi.yaml", "p2ktd.yaml"),
}
READ_LABEL: dict[str, str] = {
    "check_wilayah": "kaitan desa dan kecamatan",
    "check_people": "kaitan peserta dan panitia",
    "check_rooms": "ruang dan meja",
    "check_inovasi": "kaitan inovasi",
    "check_logs": "log hari-H",
    "check_komitmen": "Kartu Komitmen",
    "check_held_seats": "kursi yang tercetak",
    "check_register": "register nomor surat",
    "check_log_dates": "tanggal entri log hari-H",
    "check_followup": "tindak lanjut komitmen",
}
STAGE_READS: dict[str, tuple[str, ...]] = {
    "konsultasi-agenda": ("acara.yaml", "opd.yaml"),
    "tempat": ("acara.yaml",),
    "rapat-pembukaan": ("acara.yaml", "tahapan.yaml"),
    "sk": ("acara.yaml", "panitia.yaml"),
    "pembekalan": ("acara.yaml", "tahapan.yaml"),
    "sortir": ("inovasi.yaml",),
    "rapat-bursa": ("acara.yaml", "inovasi.yaml", "panitia.yaml"),
    "survei-lokasi": ("acara.yaml", "peserta.yaml"),
    "materi": ("acara.yaml", "peserta.yaml", "desa.yaml", "inovasi.yaml"),
    "gladi-bersih": ("acara.yaml", "tahapan.yaml"),
}
# Print requirements that are errors whatever the stage: a file named that does not exist,
# a village with two Kepala Desa or two Ketua BPD.
ALWAYS = {"BUR-R017", "BUR-R018", "BUR-D002"}


def _blocked(event: Event, files: tuple[str, ...]) -> bool:
    return any(f in event.unreadable for f in files)


def _skipped(event: Event) -> list[Problem]:
    """One note per unreadable file: which checks wait for it."""
    notes = []
    for name in sorted(event.unreadable):
        waiting = [READ_LABEL.get(c.__name__, c.__name__) for c in links.LINK_CHECKS
                   if name in READS.get(c.__name__, ())]
        waiting += [f"kesiapan tahap {kode}" for kode, files in STAGE_READS.items() if name in files]
        waiting += [label for _rule, files, label, _early in REQUIREMENTS if name in files]
        if waiting:
            # One line: the checks it holds back are named in the value (JSON, the wide table).
            notes.append(Problem(file=name, value=", ".join(waiting),
                                 **say("BUR-Y012", berkas=name, jumlah=len(waiting))))
    return notes


def _order(problem: Problem) -> tuple:
    stage = TAHAPAN_KODE.index(problem.stage) if problem.stage else -1
    return (stage, problem.file, problem.line, problem.column)
