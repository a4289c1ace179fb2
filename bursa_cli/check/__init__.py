"""Validation of a whole event: schema, links between files, readiness of the stages.

The three passes run in order, like MkDocs's pre/run/post validation: the
loader reports YAML and schema problems, `links` the references between
files, and `readiness` what each preparation stage still lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ERROR, Problem, UsageError
from ..schema.event import Event, load_event
from ..schema.models import TAHAPAN_KODE
from .links import check_links
from .readiness import StageResult, check_readiness, check_tahapan_list


@dataclass
class Report:
    """What `bursa validasi` found, ready to present."""

    root: Path
    event: Event
    problems: list[Problem] = field(default_factory=list)
    stages: list[StageResult] = field(default_factory=list)
    up_to: str | None = None
    strict: bool = False

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
        raise UsageError(f"Tahap '{up_to_stage}' tidak dikenal.",
                         hint="Tahap yang ada: " + ", ".join(TAHAPAN_KODE) + ".")
    loaded = load_event(Path(folder))
    event = loaded.event
    problems = list(loaded.problems)
    problems.extend(check_links(event))
    problems.extend(check_tahapan_list(event))
    stages = check_readiness(event, up_to_stage)
    for stage in stages:
        if stage.enforced:
            problems.extend(stage.problems)
    if strict:
        problems = [p if p.level == ERROR else p.promoted() for p in problems]
    problems.sort(key=_order)
    return Report(Path(folder), event, problems, stages, up_to_stage, strict)


def _order(problem: Problem) -> tuple:
    stage = TAHAPAN_KODE.index(problem.stage) if problem.stage else -1
    return (stage, problem.file, problem.line, problem.column)
