"""Spreadsheets in and out: `bursa impor` and `bursa ekspor`.

The pipeline is read (`sheet`), map the columns (`columns`), build and check
each row (`plan`, with `values` and `wilayah`), then write (`apply`, through
`yamltext`). `ekspor` writes the same layout back out. Nothing here prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..errors import DataError, UsageError
from ..schema.event import Event, LoadResult, load_event
from .apply import Outcome, apply_plan
from .ekspor import Template, export_list, export_templates
from .plan import Plan, Row, plan_import
from .sheet import sheet_names

__all__ = [
    "Outcome", "Plan", "Row", "Template", "apply_plan", "export_list", "export_templates", "import_file",
    "load_checked", "plan_import", "sheet_names",
]


# The files an import reads besides its target; a problem in any other file does not stop it.
NEEDS = {
    "peserta": ("acara.yaml", "desa.yaml", "peserta.yaml"),
    "inovasi": ("acara.yaml", "opd.yaml", "p2ktd.yaml", "inovasi.yaml"),
    "panitia": ("acara.yaml", "opd.yaml", "panitia.yaml"),
}


def load_checked(root: Path, kind: str | None = None) -> Event:
    """The event at `root`, refusing one whose files this import (or export) relies on do not load.

    Why refuse: an item that fails to load is missing from the event, so the
    import could not recognise it and would add it a second time.
    """
    return _load_checked(root, kind).event


def _load_checked(root: Path, kind: str | None) -> LoadResult:
    result = load_event(Path(root))
    files = NEEDS.get(kind or "", ()) or tuple({f for needed in NEEDS.values() for f in needed})
    broken = [p for p in result.problems if p.is_error and p.file in files]
    if broken:
        raise DataError("Data acara masih bermasalah; perbaiki dulu berkas berikut.", broken,
                        hint="Jalankan `bursa validasi` untuk melihat semua masalahnya.")
    return result


def import_file(kind: str, source: Path, root: Path, *, dry_run: bool = False, skip_errors: bool = False,
                update: bool = False, sheet: str | None = None, overrides: list[str] | None = None,
                wilayah: Path | None = None, default_tim: str | None = None,
                preview: Callable[[Plan], None] | None = None) -> tuple[Plan, Outcome | None]:
    """Plan the import of `source` into the event at `root` and, unless `dry_run`, carry it out.

    `preview` is handed the plan before anything is written, so a command can
    show it even when the import is then refused.
    """
    if skip_errors and dry_run:
        raise UsageError("--cek dan --lewati-galat tidak dapat dipakai bersama; --cek tidak menulis apa pun.")
    loaded = _load_checked(root, kind)
    plan = plan_import(kind, source, loaded.event, sheet=sheet, overrides=overrides, wilayah=wilayah,
                       default_tim=default_tim)
    if preview is not None:
        preview(plan)
    if dry_run:
        return plan, None
    return plan, apply_plan(plan, root, skip_errors=skip_errors, update=update, loaded=loaded)
