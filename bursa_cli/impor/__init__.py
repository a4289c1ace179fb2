"""Spreadsheets in and out: `bursa impor` and `bursa ekspor`.

The pipeline is read (`sheet`), map the columns (`columns`), build and check
each row (`plan`, with `values` and `wilayah`), then write (`apply`, through
`yamltext`). `ekspor` writes the same layout back out. Nothing here prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..check.gate import gate
from ..errors import UsageError
from ..schema.event import Event, LoadResult
from .apply import Outcome, apply_plan
from .ekspor import Template, export_list, export_templates
from .plan import Plan, plan_import
from .rows import Row
from .sheet import sheet_names

__all__ = [
    "Outcome", "Plan", "Row", "Template", "apply_plan", "export_list", "export_templates", "import_file",
    "load_checked", "plan_import", "sheet_names",
]


def load_checked(root: Path, kind: str | None = None) -> Event:
    """The event at `root`, refusing one whose files this import (or export) relies on do not load.

    Why refuse: an item that fails to load is missing from the event, so the
    import could not recognise it and would add it a second time.
    """
    return _load_checked(root, kind).event


def _load_checked(root: Path, kind: str | None) -> LoadResult:
    passed = gate(Path(root), f"impor:{kind}" if kind in ("peserta", "inovasi", "panitia") else "impor")
    return LoadResult(passed.event, passed.problems)


def import_file(kind: str, source: Path, root: Path, *, dry_run: bool = False, skip_errors: bool = False,
                update: bool = False, sheet: str | None = None, overrides: list[str] | None = None,
                wilayah: Path | None = None, default_tim: str | None = None, proper_case: bool = False,
                preview: Callable[[Plan], None] | None = None) -> tuple[Plan, Outcome | None]:
    """Plan the import of `source` into the event at `root` and, unless `dry_run`, carry it out.

    `preview` is handed the plan before anything is written, so a command can
    show it even when the import is then refused.
    """
    if skip_errors and dry_run:
        raise UsageError.coded("BUR-I100")
    loaded = _load_checked(root, kind)
    plan = plan_import(kind, source, loaded.event, sheet=sheet, overrides=overrides, wilayah=wilayah,
                       default_tim=default_tim, proper_case=proper_case)
    if preview is not None:
        preview(plan)
    if dry_run:
        return plan, None
    return plan, apply_plan(plan, root, skip_errors=skip_errors, update=update, loaded=loaded)
