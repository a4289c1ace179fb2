"""`bursa impor tindak-lanjut FILE [--cek]`: the rows a pendamping changed become follow-up entries.

Each sheet of the workbook (`bursa ekspor tindak-lanjut`, possibly saved again
by Excel or LibreOffice) is read with the importer's reader (`sheet`). A row
whose step, date, budget, P2KTD or note differs from the commitment's latest
known state becomes one entry of `log/tindak-lanjut/<perangkat>.yaml`; a row
that says what is already known is left alone, so importing the same file
twice writes nothing. Every new entry is checked as `bursa validasi` would
(BUR-F) before anything is written, and each problem names its sheet, row and
column, as in the other imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..check.followup import check_followup
from ..codes import say
from ..errors import DataError, Problem, UsageError
from ..recap.followup import followup_state
from ..schema.event import Event
from ..schema.followup import SUMBER_ORDER, TAHAP_ORDER, TindakLanjut
from . import values as v
from .followup_export import COLUMNS, GUIDE_SHEET, LIST_SHEET, row_values
from .rows import Row, RowVerdicts
from .sheet import MAX_HEADER_SCAN, Table, read_table, sheet_names

LABELS = {name: label for name, label, _locked, _width in COLUMNS}
NEEDED = ("desa", "inovasi", "tahap", "tanggal", "nilai", "sumber", "perdes", "p2ktd", "keterangan")
BUDGET = ("nilai", "sumber", "perdes")


@dataclass
class FollowupRow(Row):
    """One row of one kecamatan sheet: a commitment, and the entry it adds (`record`) if any."""

    sheet: str = ""
    columns: dict[str, int] = field(default_factory=dict)


@dataclass
class FollowupPlan(RowVerdicts):
    """What importing one workbook would do: rows per sheet, and the entries to append."""

    source: Path
    rows: list[FollowupRow] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)  # in row order, for rows that are "baru"


def plan_followup(source: Path, event: Event, petugas: str, waktu: str) -> FollowupPlan:
    """Read every kecamatan sheet of `source` and decide what each row adds to the follow-up log."""
    source = Path(source)
    names = [n for n in sheet_names(source) if n not in (LIST_SHEET, GUIDE_SHEET)] or [None]
    states = {(row.desa_kode, row.inovasi): row for row in followup_state(event)}
    plan = FollowupPlan(source)
    for name in names:
        table = read_table(source, name)
        plan.sheets.append(table.shown)
        header_number, columns = _header(table)
        for number, cells in table.rows:
            if number <= header_number or not any(_cell(cells, columns[k]) for k in ("desa", "inovasi")):
                continue
            plan.rows.append(_row(table, number, cells, columns, states, petugas, waktu))
    _check_entries(plan, event)
    return plan


def _header(table: Table) -> tuple[int, dict[str, int]]:
    wanted = {v.norm(LABELS[name]): name for name in NEEDED}
    for number, cells in table.rows[:MAX_HEADER_SCAN]:
        found = {wanted[v.norm(v.text(c))]: i for i, c in enumerate(cells) if c is not None
                 and v.norm(v.text(c)) in wanted}
        if "desa" in found and "tahap" in found:
            missing = [LABELS[name] for name in NEEDED if name not in found]
            if missing:
                raise DataError.coded("BUR-F106",
                                      problems=[Problem( file=table.shown, line=number, **say("BUR-F014", kolom=missing[0], sheet=table.shown))])
            return number, found
    raise DataError.coded("BUR-F107",
                          problems=[Problem( file=table.shown, line=1, **say("BUR-F014", kolom=LABELS["desa"], sheet=table.shown))])


def _cell(cells: list, index: int) -> Any:
    value = cells[index] if index < len(cells) else None
    return None if isinstance(value, str) and not value.strip() else value


def _row(table: Table, number: int, cells: list, columns: dict[str, int], states: dict, petugas: str,
         waktu: str) -> FollowupRow:
    row = FollowupRow(number=number, cells=cells, sheet=table.shown, columns=columns)

    def problem(name: str, message: dict, level: str | None = None) -> None:
        found = Problem(file=table.shown, line=number, column=columns[name] + 1, path=LABELS[name], **message)
        row.problems.append(found if level is None else Problem(**{**found.as_dict(), "level": level}))

    desa, inovasi = v.text(_cell(cells, columns["desa"])), v.text(_cell(cells, columns["inovasi"]))
    row.match = f"{desa} {inovasi}"
    state = states.get((desa, inovasi))
    if state is None:
        problem("desa", say("BUR-F011", desa=desa or "-", inovasi=inovasi or "-"))
        row.status = "ditolak"
        return row
    read: dict[str, Any] = {}
    for name, parse in (("tahap", _tahap), ("tanggal", _tanggal), ("nilai", v.integer), ("sumber", _sumber),
                        ("perdes", _text), ("p2ktd", _ids), ("keterangan", _text)):
        try:
            read[name] = parse(_cell(cells, columns[name]))
        except v.BadValue as exc:
            problem(name, say("BUR-F012", pesan=f"{LABELS[name]}: {exc}."))
    if row.errors:
        row.status = "ditolak"
        return row
    known = row_values(state)
    known_p2ktd = set(state.p2ktd)
    changed = {name for name in ("tahap", "tanggal", "keterangan") if read[name] != _known(known, name)}
    if not set(read["p2ktd"]) <= known_p2ktd:
        changed.add("p2ktd")
    budget_changed = [LABELS[n] for n in BUDGET if read[n] != known[n]]
    if read["tahap"] == "apbdes" and budget_changed:
        changed.add("nilai")
    elif budget_changed and read["tahap"] is not None:
        problem("nilai", say("BUR-F013", isian=" dan ".join(budget_changed), tahap=read["tahap"]))
    if not changed or read["tahap"] is None:
        if changed and read["tahap"] is None:
            problem("tahap", say("BUR-F012", pesan="Tahap kosong; pilih tahap dari daftar untuk mencatat perubahan."))
            row.status = "ditolak"
            return row
        row.status = "sama"
        return row
    if read["tanggal"] is None:
        problem("tanggal", say("BUR-F012", pesan="Tanggal wajib diisi untuk langkah baru."))
        row.status = "ditolak"
        return row
    entry: dict[str, Any] = {"waktu": _after(waktu, state), "petugas": petugas, "desa": desa, "inovasi": inovasi,
                             "tahap": read["tahap"], "tanggal": read["tanggal"].isoformat()}
    if read["tahap"] == "apbdes":
        entry.update({n: read[n] for n in BUDGET if read[n] is not None})
    if read["p2ktd"]:
        entry["p2ktd"] = read["p2ktd"]
    if read["keterangan"]:
        entry["alasan" if read["tahap"] == "batal" else "keterangan"] = read["keterangan"]
    row.record = entry
    row.changes = {name: (_known(known, name), read[name]) for name in sorted(changed)}
    row.status = "baru"
    return row


def _after(waktu: str, state) -> str:
    """`waktu`, or one second after the commitment's last entry when the laptop's clock is behind it.

    Why: the latest step is the one written last (`schema.followup.history`); an
    entry imported now must not sort before a step the log already holds.
    """
    if state.waktu is None:
        return waktu
    now = datetime.fromisoformat(waktu)
    if now > state.waktu:
        return waktu
    return (state.waktu + timedelta(seconds=1)).astimezone(now.tzinfo).isoformat(timespec="seconds")


def _known(known: dict, name: str) -> Any:
    value = known[name]
    if isinstance(value, datetime):
        return value.date()
    return value


def _check_entries(plan: FollowupPlan, event: Event) -> None:
    """Check the new entries as validasi will once they are in the log; a row with an error is refused."""
    new = {f"{row.sheet}#{row.number}": row for row in plan.rows if row.status == "baru"}
    entries = [TindakLanjut.model_validate(row.record).located(tag, row.number) for tag, row in new.items()]
    before = len(event.tindak_lanjut)
    event.tindak_lanjut = list(event.tindak_lanjut) + entries
    try:
        found = [p for p in check_followup(event) if p.file in new]
    finally:
        event.tindak_lanjut = event.tindak_lanjut[:before]
    for problem in found:
        row = new[problem.file]
        name = {"alasan": "keterangan", "desa": "desa"}.get(problem.path, problem.path)
        name = name if name in row.columns else "tahap"
        row.problems.append(Problem(**{**problem.as_dict(), "file": row.sheet, "path": LABELS[name],
                                       "column": row.columns[name] + 1}))
    for row in new.values():
        if row.errors:
            row.status = "ditolak"
    plan.entries = [row.record for row in plan.rows if row.status == "baru"]


def _tahap(value: object) -> str | None:
    return _choice(value, TAHAP_ORDER, "tahap", {"rkp desa": "rkp-desa", "dana desa": "dana-desa",
                                                   "dilaksanakan": "pelaksanaan"})


def _sumber(value: object) -> str | None:
    return _choice(value, SUMBER_ORDER, "sumber dana", {"dana desa": "dana-desa", "dd": "dana-desa"})


def _choice(value: object, allowed: tuple[str, ...], what: str, aliases: dict[str, str]) -> str | None:
    raw = v.text(value)
    if not raw:
        return None
    key = raw.strip().lower()
    if key in allowed:
        return key
    spaced = v.norm(raw)
    if spaced in aliases:
        return aliases[spaced]
    for option in allowed:
        if v.norm(option) == spaced:
            return option
    raise v.BadValue.coded("BUR-F102", isi=raw, apa=what, daftar=', '.join(allowed))


def _tanggal(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = v.text(value)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(raw)
    except ValueError:
        raise v.BadValue.coded("BUR-F103", isi=raw) from None


def _text(value: object) -> str | None:
    return " ".join(v.text(value).split()) or None


def _ids(value: object) -> list[str]:
    return [part for part in re.split(r"[,;\s]+", v.text(value)) if part]




def import_followup(source: Path, root: Path, *, perangkat: str = "impor", petugas: str | None = None,
                    dry_run: bool = False, skip_errors: bool = False,
                    preview=None) -> tuple[FollowupPlan, Path | None]:
    """Plan the import of `source` into the follow-up log of the event at `root` and, unless `dry_run`,
    append its entries to `log/tindak-lanjut/<perangkat>.yaml` in one durable write.

    Nothing is written while a row is refused, unless `skip_errors`. Returns the plan and the log
    written (None when nothing was).
    """
    from ..check.gate import gate
    from ..day.logwrite import append_entries, header_for, log_path, now
    from ..schema.followup import FOLLOWUP_KIND
    from ..schema.types import Id

    from pydantic import TypeAdapter, ValidationError

    if skip_errors and dry_run:
        raise UsageError.coded("BUR-I100")
    try:
        TypeAdapter(Id).validate_python(perangkat)
    except ValidationError:
        raise UsageError.coded("BUR-F104", perangkat=perangkat) from None
    event = gate(Path(root), "tindak-lanjut").event
    plan = plan_followup(source, event, petugas or perangkat, now(event.acara.zona_waktu))
    if preview is not None:
        preview(plan)
    if dry_run or not plan.entries:
        return plan, None
    if plan.errors and not skip_errors:
        raise DataError.coded("BUR-F105")
    path = log_path(Path(root), FOLLOWUP_KIND, perangkat)
    path.parent.mkdir(parents=True, exist_ok=True)
    append_entries(path, plan.entries, header_for(FOLLOWUP_KIND, perangkat))
    return plan, path
