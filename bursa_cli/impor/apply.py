"""Carry out a plan: append to the YAML, check the event still loads and links, or roll back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import DataError, Problem
from ..check.links import check_links
from ..schema.event import LoadResult, load_event
from .plan import Plan, existing_items
from .ekspor import rejected_path, rejected_workbook
from ..fsutil import Staging
from .yamltext import appended, updated


@dataclass
class Outcome:
    """What an import did."""

    plan: Plan
    written: list[str] = field(default_factory=list)  # event files changed
    added: int = 0
    updated: int = 0
    rejected_file: Path | None = None
    skipped_updates: list[str] = field(default_factory=list)


def apply_plan(plan: Plan, root: Path, *, skip_errors: bool = False, update: bool = False,
               loaded: LoadResult | None = None) -> Outcome:
    """Write what `plan` says into the event at `root`; all or nothing.

    `loaded` is the event as `plan` was made from, when the caller already has it.
    """
    root = Path(root)
    outcome = Outcome(plan=plan)
    if plan.errors and not skip_errors:
        raise DataError.coded("BUR-I102", problems=plan.errors, jumlah=len(plan.having('ditolak')),
                              berkas=plan.table.shown)
    before = loaded if loaded is not None else load_event(root)
    before_problems = before.problems + check_links(before.event)
    originals: dict[Path, bytes | None] = {}
    contents: dict[Path, str] = {}

    def text_of(name: str) -> str:
        path = root / name
        if path not in contents:
            originals[path] = path.read_bytes() if path.exists() else None
            contents[path] = originals[path].decode("utf-8") if originals[path] is not None else ""
        return contents[path]

    target = root / plan.target
    if update:
        changes = []
        by_id = {item.id: item for item in existing_items(before.event, plan.kind)}
        for row in plan.having("berubah"):
            item = by_id[row.match]
            fields = {name: new for name, (_, new) in row.changes.items()}
            if "sortir" in fields:
                # Only the decision is imported; the OPD and its notes stay as they are.
                fields[("sortir", "keputusan")] = fields.pop("sortir")
            changes.append((item._line, item._column, fields, row.match))
        text, skipped = updated(text_of(plan.target), plan.target, changes)
        outcome.updated = len(changes) - len(skipped)
        outcome.skipped_updates.extend(skipped)
        contents[target] = text

    new_rows = plan.having("baru")
    note = f"Diimpor dari {plan.table.shown} pada {date.today().isoformat()}"
    if new_rows:
        contents[target] = appended(text_of(plan.target), [r.record for r in new_rows], note)
        outcome.added = len(new_rows)
    villages = plan.new_villages
    if villages:
        contents[root / "desa.yaml"] = appended(
            text_of("desa.yaml"), [{"kode": vil.kode, "nama": vil.nama} for vil in villages],
            f"Ditambahkan dari daftar kode wilayah saat impor {plan.table.shown}")

    changed = {path: text for path, text in contents.items()
               if originals.get(path) is None or text != originals[path].decode("utf-8")}
    rejected = plan.having("ditolak") if skip_errors else []
    side = rejected_path(plan) if rejected else None
    if side is not None:
        originals[side] = side.read_bytes() if side.exists() else None
    with Staging() as staging:
        # Moved into place in this order: a rejected-rows workbook still open in Excel stops
        # the import before any event file changes, and desa.yaml goes before the list using it.
        if side is not None:
            staging.add(side, rejected_workbook(plan, rejected))
        for path in sorted(changed, key=lambda p: p.name != "desa.yaml"):
            staging.add(path, changed[path])
    outcome.written = [path.name for path in changed]
    outcome.rejected_file = side
    if changed:
        after = load_event(root)
        fresh = _new_problems(before_problems, after.problems + check_links(after.event))
        if fresh:
            _restore(originals, [*changed, *([side] if side else [])])
            raise DataError.coded("BUR-I101", problems=fresh)
    return outcome


def _restore(originals: dict[Path, bytes | None], paths: list[Path]) -> None:
    """Put `paths` back as they were: earlier bytes restored, new files removed."""
    with Staging() as staging:
        for path in paths:
            if originals.get(path) is not None:
                staging.add(path, originals[path])
    for path in paths:
        if originals.get(path) is None:
            path.unlink(missing_ok=True)


def _new_problems(before: list[Problem], after: list[Problem]) -> list[Problem]:
    """Problems after the write that were not there before (line numbers may have moved)."""
    seen = Counter((p.file, p.message, p.path.split("]", 1)[-1]) for p in before)
    fresh = []
    for problem in after:
        key = (problem.file, problem.message, problem.path.split("]", 1)[-1])
        if seen[key]:
            seen[key] -= 1
        else:
            fresh.append(problem)
    return [p for p in fresh if p.is_error]
