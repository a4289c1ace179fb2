"""Load an event folder into one `Event`, gathering every problem on the way.

Loading never stops at the first problem: each file is read, each item is
validated on its own, and an item that fails is left out of the event while
its problems are kept. Cross-file checks run afterwards (`bursa_cli.check`).
"""

from __future__ import annotations

import difflib
import functools
import gc
import typing
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..codes import say
from ..errors import Problem, UsageError
from ..safepath import leads_out
from .followup import FOLLOWUP_KIND, TindakLanjut
from .logfile import LogLine, column_of, read_log
from .register import Nomor
from .models import (
    LOG_KINDS, Acara, Anggota, Desa, Ide, Inovasi, Komitmen, Kursi, Opd, P2ktd, Penilaian, Peserta,
    Registrasi, Ruang, Stempel, Tahap,
)
from .types import PATTERN_MESSAGES, kecamatan_of
from .yamlsrc import Loaded, SourceMap, dotted, load_yaml

ACARA_FILE = "acara.yaml"
REGISTER_FILE = "register-nomor.yaml"  # letter numbers issued, one log line each (render/nomor.py)
LOG_DIR = "log"

# file name -> (model of each item, the key that must be unique)
LIST_FILES: dict[str, tuple[type[BaseModel], str | None]] = {
    "tahapan.yaml": (Tahap, "kode"),
    "opd.yaml": (Opd, "id"),
    "panitia.yaml": (Anggota, "id"),
    "p2ktd.yaml": (P2ktd, "id"),
    "inovasi.yaml": (Inovasi, "id"),
    "desa.yaml": (Desa, "kode"),
    "peserta.yaml": (Peserta, "id"),
}


def cards_in_force(komitmen: typing.Iterable[Komitmen]) -> dict[str, Komitmen]:
    """Village code -> its latest Kartu Komitmen (later `waktu` wins, then later in the logs).

    Why only the latest: a card replaced at Jendela 3 (`--ulang`) stays in the
    append-only log as history; validation, the recap and the certificates
    look at the card in force only.
    """
    latest: dict[str, Komitmen] = {}
    for card in komitmen:
        held = latest.get(card.desa)
        if replaces_card(card.waktu.timestamp(), held.waktu.timestamp() if held else None):
            latest[card.desa] = card
    return latest


def replaces_card(when: float, held: float | None) -> bool:
    """Whether a card written at `when` (seconds), read after the village's card in force written at
    `held` (None: there is none), becomes the card in force: the later `waktu` wins, then the later
    in the logs. The one statement of the rule, for the event's cards and the day's desks alike."""
    return held is None or when >= held


@dataclass
class Event:
    """Everything in one event folder, validated item by item."""

    root: Path
    acara: Acara | None = None
    tahapan: list[Tahap] = field(default_factory=list)
    opd: list[Opd] = field(default_factory=list)
    panitia: list[Anggota] = field(default_factory=list)
    p2ktd: list[P2ktd] = field(default_factory=list)
    inovasi: list[Inovasi] = field(default_factory=list)
    desa: list[Desa] = field(default_factory=list)
    peserta: list[Peserta] = field(default_factory=list)
    registrasi: list[Registrasi] = field(default_factory=list)
    stempel: list[Stempel] = field(default_factory=list)
    penilaian: list[Penilaian] = field(default_factory=list)
    ide: list[Ide] = field(default_factory=list)
    komitmen: list[Komitmen] = field(default_factory=list)
    kursi: list[Kursi] = field(default_factory=list)
    nomor: list[Nomor] = field(default_factory=list)  # register-nomor.yaml
    tindak_lanjut: list[TindakLanjut] = field(default_factory=list)  # log/tindak-lanjut/, after the fair
    sources: dict[str, SourceMap] = field(default_factory=dict)
    log_files: dict[str, list[str]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # files whose YAML could not be read at all

    # ---- indexes, built once on first use

    @cached_property
    def peserta_by_id(self) -> dict[str, Peserta]:
        """Listed participants and walk-ins registered on the day."""
        found = {p.id: p for p in self.peserta}
        for entry in self.registrasi:
            if entry.tanpa_undangan and entry.peserta not in found:
                found[entry.peserta] = entry.tanpa_undangan.as_peserta(entry.peserta).located(
                    entry._file, entry._line, raw=entry._raw)
        return found

    @cached_property
    def kepala_desa_nama(self) -> dict[str, str]:
        """Village code -> its Kepala Desa's name (listed participants first, then walk-ins)."""
        names: dict[str, str] = {}
        for person in self.peserta_by_id.values():
            if person.peran == "kepala-desa" and person.desa and person.desa not in names:
                names[person.desa] = person.nama
        return names

    @cached_property
    def inovasi_by_id(self) -> dict[str, Inovasi]:
        return {i.id: i for i in self.inovasi}

    @cached_property
    def desa_by_kode(self) -> dict[str, Desa]:
        return {d.kode: d for d in self.desa}

    @cached_property
    def panitia_by_id(self) -> dict[str, Anggota]:
        return {a.id: a for a in self.panitia}

    @cached_property
    def opd_by_id(self) -> dict[str, Opd]:
        return {o.id: o for o in self.opd}

    @cached_property
    def p2ktd_by_id(self) -> dict[str, P2ktd]:
        return {p.id: p for p in self.p2ktd}

    @cached_property
    def tahap_by_kode(self) -> dict[str, Tahap]:
        return {t.kode: t for t in self.tahapan}

    @cached_property
    def ruang_by_kode(self) -> dict[str, Ruang]:
        return {r.kode: r for r in (self.acara.tempat.ruang if self.acara else [])}

    @cached_property
    def meja_ruang(self) -> dict[str, str]:
        """Desk code -> the code of the Bursa room it stands in."""
        return {meja: ruang.kode for ruang in self.ruang_by_kode.values() for meja in ruang.meja}

    @cached_property
    def kursi_by_peserta(self) -> dict[str, Kursi]:
        """Peserta id -> their last entry in `log/kursi/` (the seat on their latest Kartu ID)."""
        return {entry.peserta: entry for entry in self.kursi}

    @cached_property
    def komitmen_berlaku(self) -> dict[str, Komitmen]:
        """Village code -> its Kartu Komitmen in force (see `cards_in_force`)."""
        return cards_in_force(self.komitmen)

    @cached_property
    def kecamatan_nama(self) -> dict[str, str]:
        return {k.kode: k.nama for k in (self.acara.wilayah.kecamatan if self.acara else [])}

    @property
    def inovasi_terpilih(self) -> list[Inovasi]:
        """Innovations kept at the sorting meeting: the menu of the day."""
        return [i for i in self.inovasi if i.kept]

    def kecamatan_of_desa(self, kode_desa: str) -> str:
        """The name of the kecamatan a village lies in ('' when unknown)."""
        return self.kecamatan_nama.get(kecamatan_of(kode_desa), "")


def locate(item: BaseModel, message: str, field_name: str = "", **extra) -> Problem:
    """A problem about `item` (and one of its fields), placed where it was read.

    `field_name` is a dotted path inside the item ("sortir.opd", "tempat.ruang.2.meja");
    the problem lands on that field's own line when the file's source map knows it.
    """
    file, line, column = item._file, item._line, item._column  # type: ignore[attr-defined]
    source: SourceMap | None = item._source  # type: ignore[attr-defined]
    parts = tuple(int(p) if p.isdigit() else p for p in field_name.split(".")) if field_name else ()
    if source is not None:
        path = item._path + parts  # type: ignore[attr-defined]
        line, column = source.find(path)
        shown = dotted(path)
    else:
        shown = dotted(parts)
        raw = item._raw  # type: ignore[attr-defined]
        if raw and parts:
            column = column_of(raw, str(parts[0]))
    return Problem(message=message, file=file, line=line, column=column, path=shown, **extra)


@dataclass
class LoadResult:
    event: Event
    problems: list[Problem]


@contextmanager
def _without_gc_pauses():
    """Loading builds hundreds of thousands of objects that stay alive for the
    rest of the command and form no cycles. The cyclic collector would rescan
    them again and again for nothing, while loading, on every later collection
    and once more when the process ends. So it is paused while loading, and
    afterwards the loaded objects are moved out of its view (`gc.freeze`); they
    are still freed as soon as nothing refers to them. On the largest
    kabupaten the freeze alone takes a cold `bursa validasi` from 0.43 s to 0.35 s.

    A process that loads again (`bursa layani` printing a certificate goes through
    the gate each time) first frees the cycles left since its last load: frozen
    with the rest, a printed document and its fonts' temporary folder would stay
    until the process ends (bench/sertifikat_induk.py: the server grew from 121 to
    245 MB over 33 certificates of the example event; now 122 MB)."""
    if gc.get_freeze_count():
        gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_event(root: Path, logs: str = LOG_DIR, only: typing.Collection[str] | None = None) -> LoadResult:
    """Read every file of the event folder at `root`; the day's entries from `logs`
    (`log`, or `gladi/log` for the rehearsal: the printed seats always come from `log/kursi/`).

    `only` names the list files ("desa.yaml") and log folders ("log/komitmen") to read, when not
    all; acara.yaml is always read. Why: the follow-up recap of a whole province reads 35 events
    and needs neither the participants nor the day's stamps.
    """
    with _without_gc_pauses():
        return _load_event(Path(root), logs, None if only is None else frozenset(only))


def _load_event(root: Path, logs: str = LOG_DIR, only: frozenset[str] | None = None) -> LoadResult:
    root = Path(root)
    if not root.is_dir():
        raise UsageError.coded("BUR-U025", folder=root)
    if not (root / ACARA_FILE).is_file():
        raise UsageError.coded("BUR-U004", folder=root)
    event = Event(root=root)
    problems: list[Problem] = []

    loaded = _read(root / ACARA_FILE, ACARA_FILE, problems, event)
    if loaded is not None and loaded.data is not None:
        if isinstance(loaded.data, dict):
            event.acara = _validate(Acara, loaded.data, (), loaded.source, problems)
        else:
            event.unreadable.add(ACARA_FILE)
            problems.append(loaded.source.problem((), **say("BUR-Y009")))
    elif loaded is not None and not loaded.problems:  # empty, or only comments: nothing to judge
        event.unreadable.add(ACARA_FILE)
        problems.append(Problem(**say("BUR-Y011"), file=ACARA_FILE, line=1, column=1))

    for name, (model, unique) in LIST_FILES.items():
        if only is not None and name not in only:
            continue
        loaded = _read(root / name, name, problems, event)
        items = _validate_list(model, unique, loaded, problems) if loaded else []
        setattr(event, name.removesuffix(".yaml"), items)

    for kind, model in LOG_KINDS.items():
        where = LOG_DIR if kind == "kursi" else logs
        if only is None or f"{LOG_DIR}/{kind}" in only:
            setattr(event, kind, _read_logs(root, kind, model, event, problems, where))
    if only is None or f"{LOG_DIR}/{FOLLOWUP_KIND}" in only:  # never a rehearsal's
        event.tindak_lanjut = _read_logs(root, FOLLOWUP_KIND, TindakLanjut, event, problems)
    register = root / REGISTER_FILE
    if register.is_file() and (only is None or REGISTER_FILE in only):
        read = read_log(register, REGISTER_FILE)
        problems.extend(read.problems)
        event.nomor = _validate_log_file(Nomor, read.entries, REGISTER_FILE, problems)
    return LoadResult(event, problems)


def _read_logs(root: Path, kind: str, model: type[BaseModel], event: Event,
               problems: list[Problem], where: str = LOG_DIR) -> list[Any]:
    """Every entry of the log files in `<where>/<kind>/` (`log`, or `gladi/log` for the rehearsal),
    validated, in file then line order."""
    folder = root / where / kind
    entries: list[Any] = []
    event.log_files[kind] = []
    if not folder.is_dir():
        return entries
    for path in sorted(folder.glob("*.yaml")):
        shown = f"{where}/{kind}/{path.name}"
        event.log_files[kind].append(shown)
        if leads_out(root, path):  # a symlink to a file elsewhere on the laptop is not read
            problems.append(Problem(**say("BUR-L003", rincian="tautan (symlink) ke luar folder acara"),
                                    file=shown))
            continue
        read = read_log(path, shown)
        problems.extend(read.problems)
        entries.extend(_validate_log_file(model, read.entries, shown, problems))
    return entries


def _read(path: Path, shown: str, problems: list[Problem], event: Event) -> Loaded | None:
    if not path.exists() and not path.is_symlink():
        event.unreadable.add(shown)
        problems.append(Problem(**say("BUR-Y001", berkas=shown), file=shown))
        return None
    if leads_out(path.parent, path):  # a symlink to a file elsewhere on the laptop is not read
        event.unreadable.add(shown)
        problems.append(Problem(**say("BUR-Y016", rincian="tautan (symlink) ke luar folder acara"), file=shown))
        return None
    loaded = load_yaml(path, shown)
    event.sources[shown] = loaded.source
    problems.extend(loaded.problems)
    if loaded.data is None and any(p.is_error for p in loaded.problems):
        event.unreadable.add(shown)
    return loaded


def _validate(model: type[BaseModel], data: Any, path: tuple, source: SourceMap,
              problems: list[Problem]) -> Any:
    try:
        item = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = path + tuple(err["loc"])
            problems.append(source.problem(loc, translate(err, model, tuple(err["loc"])),
                                           value=_shown_value(err), code=code_of(err)))
        return None
    line, column = source.find(path)
    return item.located(source.file, line, column, source=source, path=path)


def _validate_list(model: type[BaseModel], unique: str | None, loaded: Loaded,
                   problems: list[Problem]) -> list[Any]:
    data, source = loaded.data, loaded.source
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(source.problem((), **say("BUR-Y010", berkas=source.file)))
        return []
    items = []
    first_seen: dict[Any, int] = {}
    for index, raw in enumerate(data):
        item = _validate(model, raw, (index,), source, problems)
        if item is None:
            continue
        if unique:
            key = getattr(item, unique)
            if key in first_seen:
                problems.append(source.problem(
                    (index, unique), **say("BUR-S008", kunci=unique, nilai=key, baris=first_seen[key]),
                    value=str(key)))
                continue
            first_seen[key] = source.find((index, unique))[0]
        items.append(item)
    return items


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _validate_log_file(model: type[BaseModel], lines: list[LogLine], shown: str,
                       problems: list[Problem]) -> list[Any]:
    """Validate a whole log in one call; only a file with problems is gone through entry by entry."""
    try:
        entries = _list_adapter(model).validate_python([line.data for line in lines])
    except ValidationError:
        checked = (_validate_log(model, line, shown, problems) for line in lines)
        return [entry for entry in checked if entry is not None]
    return [entry.located(shown, line.line, 1, raw=line.raw) for entry, line in zip(entries, lines)]


def _validate_log(model: type[BaseModel], line: LogLine, shown: str, problems: list[Problem]) -> Any:
    try:
        entry = model.model_validate(line.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            key = str(loc[0]) if loc else ""
            problems.append(Problem(
                translate(err, model, loc), file=shown, line=line.line,
                column=line.column_of(key) if key else 1, path=dotted(loc), value=_shown_value(err),
                code=code_of(err)))
        return None
    return entry.located(shown, line.line, 1, raw=line.raw)


# --------------------------------------------------------------------------- messages

_MESSAGES = {
    "missing": "Wajib diisi.",
    "string_type": "Harus berupa teks.",
    "int_type": "Harus bilangan bulat, tanpa titik atau koma (mis. 25000000).",
    "int_parsing": "Harus bilangan bulat, tanpa titik atau koma (mis. 25000000).",
    "int_from_float": "Harus bilangan bulat.",
    "float_type": "Harus berupa angka.",
    "float_parsing": "Harus berupa angka.",
    "bool_type": "Harus ya atau tidak.",
    "bool_parsing": "Harus ya atau tidak.",
    "date_type": "Bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2026-11-12.",
    "date_parsing": "Bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2026-11-12.",
    "date_from_datetime_parsing": "Bukan tanggal yang sah; tulis TTTT-BB-HH, mis. 2026-11-12.",
    "date_from_datetime_inexact": "Tulis tanggal saja, tanpa jam (TTTT-BB-HH).",
    "datetime_type": "Bukan waktu yang sah; tulis mis. 2026-11-12T09:00:00+07:00.",
    "datetime_parsing": "Bukan waktu yang sah; tulis mis. 2026-11-12T09:00:00+07:00.",
    "datetime_from_date_parsing": "Bukan waktu yang sah; tulis mis. 2026-11-12T09:00:00+07:00.",
    "list_type": "Harus berupa daftar (setiap butir diawali '- ').",
    "dict_type": "Harus berupa kumpulan kunci: nilai.",
    "model_type": "Harus berupa kumpulan kunci: nilai.",
    "model_attributes_type": "Harus berupa kumpulan kunci: nilai.",
    "too_short": "Tidak boleh kosong.",
    "string_too_short": "Tidak boleh kosong.",
}


def translate(err: dict, model: type[BaseModel], loc: tuple) -> str:
    """Pydantic's error, said plainly in Indonesian."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = _fields_at(model, loc[:-1])
        hint = ""
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            hint = f" Mungkin maksudnya '{close[0]}'?"
        elif allowed:
            hint = " Kunci yang dikenal: " + ", ".join(allowed) + "."
        return f"Kunci '{key}' tidak dikenal.{hint}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"Nilai tidak dikenal; harus salah satu dari: {expected}."
    if kind in ("greater_than_equal", "greater_than"):
        return f"Harus paling sedikit {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"Harus paling banyak {ctx.get('le', ctx.get('lt'))}."
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[ctx["pattern"]] + "."
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    message = err.get("msg", kind)
    return message.removeprefix("Value error, ") + ("" if message.endswith(".") else ".")


_CODES = {
    "missing": "BUR-S001", "extra_forbidden": "BUR-S002", "literal_error": "BUR-S003",
    "string_pattern_mismatch": "BUR-S004", "nip": "BUR-S004", "jam": "BUR-S004", "ya_tidak": "BUR-S005",
    "greater_than_equal": "BUR-S006", "greater_than": "BUR-S006", "less_than_equal": "BUR-S006",
    "less_than": "BUR-S006", "value_error": "BUR-S007", "assertion_error": "BUR-S007",
}


def code_of(err: dict) -> str:
    """The catalogue code of one pydantic error: its kind, or BUR-S005 for a value of the wrong type."""
    return _CODES.get(err["type"], "BUR-S005")


def _shown_value(err: dict) -> str:
    value = err.get("input")
    if err["type"] == "missing" or isinstance(value, (dict, list)) or value is None:
        return ""
    return str(value)[:80]


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at `loc` inside `model` (best effort)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
