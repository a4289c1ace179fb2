"""Turn a sheet into a plan: which rows add, change, match or are rejected, and why.

Nothing is written here. Every problem in every row is gathered (with sheet,
row and column) before anything is decided, unlike tools that stop at the
first bad row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import ERROR, WARNING, DataError, Problem, UsageError
from ..schema.event import Event
from ..schema.models import PERAN_DESA
from . import values as v
from .rows import IdSequence, Row, RowVerdicts
from .columns import KEY_FIELD, KINDS, Mapping, column_letter, map_columns, parse_overrides
from .sheet import Table, read_table
from .wilayah import Village, Villages

FILES = {"peserta": "peserta.yaml", "inovasi": "inovasi.yaml", "panitia": "panitia.yaml"}


def existing_items(event: Event, kind: str) -> list:
    """The items of `kind` (peserta, inovasi, panitia) already in `event`."""
    return {"peserta": event.peserta, "inovasi": event.inovasi, "panitia": event.panitia}[kind]


@dataclass
class Plan(RowVerdicts):
    kind: str
    source: Path
    table: Table
    mapping: Mapping
    target: str  # peserta.yaml, ...
    rows: list[Row] = field(default_factory=list)
    tail: tuple[int, int, str] | None = None  # rows skipped under the table: first, last, what opens them

    @property
    def new_villages(self) -> list[Village]:
        seen: dict[str, Village] = {}
        for row in self.rows:
            if row.status == "baru" and row.village and row.village.official_only:
                seen.setdefault(row.village.kode, row.village)
        return list(seen.values())


def plan_import(kind: str, source: Path, event: Event, *, sheet: str | None = None,
                overrides: list[str] | None = None, wilayah: Path | None = None,
                default_tim: str | None = None, proper_case: bool = False) -> Plan:
    """Read `source` and decide, row by row, what importing it into `event` would do.

    A name written wholly in capitals gets a proper-case suggestion (a warning);
    with `proper_case` the suggestion is taken.
    """
    if kind not in KINDS:
        raise UsageError.coded("BUR-I111", jenis=kind)
    if event.acara is None:
        raise DataError.coded("BUR-I112")
    columns = parse_overrides(kind, overrides or [])
    table = read_table(Path(source), sheet)
    mapping, header_index = map_columns(kind, table, columns)
    plan = Plan(kind=kind, source=Path(source), table=table, mapping=mapping, target=FILES[kind])
    builder = _Builder(plan, event, wilayah, default_tim, proper_case)
    substance = [i for name, i in mapping.fields.items() if name not in ("kecamatan", "konfirmasi", "tim")]
    below = table.rows[header_index + 1:]
    for position, (number, cells) in enumerate(below):
        if plan.rows and is_sign_off(cells):
            # A signature block or a note under the table ("Mengetahui, / Camat ..."): not data.
            plan.tail = (number, below[-1][0], next(v.text(c) for c in cells if v.text(c)))
            break
        # Rows whose every useful cell is empty are skipped: trailing rows, pre-numbered
        # template rows holding only "No" and the kecamatan.
        if not any(v.text(cells[i]) if i < len(cells) else "" for i in substance):
            continue
        plan.rows.append(builder.build(number, cells))
    builder.finish()
    return plan


# What opens a signature block or a note under a table. Only a sparse row counts (two cells at
# most), so a list whose first column is a role ("Kepala Desa") is never cut.
SIGN_OFF = re.compile(
    r"^(mengetahui|menyetujui|disetujui|diketahui|dibuat oleh|yang membuat|hormat kami|camat\b|kepala\b|"
    r"sekretaris\b|a\.?\s?n\.?\s|u\.?b\.?\s|plt\.?\s|ttd\.?|nip\b|catatan|keterangan|ket\s*[.:]|sumber\s*:|"
    r"[a-z .'-]+,\s*\d{1,2}\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|desember)\s+\d{4})", re.IGNORECASE)


def is_sign_off(cells: list[object]) -> bool:
    """A row that opens a signature block or a note under the table (see `SIGN_OFF`)."""
    filled = [v.text(c) for c in cells if v.text(c)]
    return 0 < len(filled) <= 2 and bool(SIGN_OFF.match(filled[0]))


class _Builder:
    """Builds each row's record and checks it against the file so far and the event."""

    def __init__(self, plan: Plan, event: Event, wilayah: Path | None, default_tim: str | None,
                 proper_case: bool = False):
        self.plan, self.event, self.kind = plan, event, plan.kind
        self.proper_case = proper_case
        acara = event.acara
        kecamatan = {k.kode: k.nama for k in acara.wilayah.kecamatan}
        self.villages = Villages.build(event.desa, kecamatan, wilayah, acara.wilayah.kode)
        self.default_tim = v.tim(default_tim) if default_tim else ""
        self.existing = existing_items(event, self.kind)
        self.by_id = {item.id: item for item in self.existing}
        self.taken_ids = set(self.by_id) | (set(event.peserta_by_id) if self.kind == "peserta" else set())
        self.by_key: dict[tuple, Any] = {}
        for item in self.existing:
            for key in self._keys(self._as_record(item)):
                self.by_key.setdefault(key, item)
        self.phones = {}
        if self.kind == "peserta":
            for item in event.peserta_by_id.values():
                if item.telepon:
                    self.phones.setdefault(_phone_key(item.telepon), item)
        self.seen_keys: dict[tuple, int] = {}
        self.seen_phones: dict[str, int] = {}
        self.seen_ids: dict[str, int] = {}
        self.holders: dict[tuple[str, str], str] = {}  # (desa, peran) -> who: one Kepala Desa, one Ketua BPD
        if self.kind == "peserta":
            for item in event.peserta:
                if item.peran in _ONE_PER_VILLAGE and item.desa:
                    self.holders.setdefault((item.desa, item.peran), f"{item.nama} ({item.id})")

    # ---- one row

    def build(self, number: int, cells: list[object]) -> Row:
        row = Row(number=number, cells=cells)
        self.row = row
        record = {"peserta": self._peserta, "inovasi": self._inovasi, "panitia": self._panitia}[self.kind](row)
        row.record = {k: val for k, val in record.items() if val not in ("", None, [], {})}
        self._match(row)
        if row.errors:
            row.status = "ditolak"
        return row

    def cell(self, name: str) -> object:
        index = self.plan.mapping.fields.get(name)
        if index is None or index >= len(self.row.cells):
            return None
        return self.row.cells[index]

    def text(self, name: str) -> str:
        return v.text(self.cell(name))

    def problem(self, name: str, message: str, level: str = ERROR, code: str = "BUR-I002") -> None:
        mapping = self.plan.mapping
        index = mapping.fields.get(name)
        if index is None:
            where, column = "", 0
        else:
            where, column = f"Kolom {column_letter(index)} ({mapping.headers[index]}): ", index + 1
        self.row.problems.append(Problem(
            message=where + _sentence(message), file=self.plan.table.shown, line=self.row.number, column=column,
            path=name, value=v.text(self.cell(name))[:80], level=level, code=code))

    def parse(self, name: str, parser: Callable[[object], Any]) -> Any:
        try:
            return parser(self.cell(name))
        except v.BadValue as exc:
            self.problem(name, _sentence(str(exc)), code=exc.code or "BUR-I002")
            return None

    def required(self, name: str, what: str) -> str:
        value = self.text(name)
        if not value:
            if name not in self.plan.mapping.fields:
                self.problem(name, code="BUR-I001", message=f"{what} wajib diisi, tetapi kolomnya tidak ada di sheet "
                                   f"(tunjuk dengan --kolom {name}=\"Judul Kolom\").")
            else:
                self.problem(name, code="BUR-I001", message=f"{what} wajib diisi.")
        return value

    # ---- records per kind, keys in the order of the model

    def _name(self) -> str:
        """The name cell; one in capitals is offered (or, with --rapikan-nama, given) in proper case."""
        nama = self.required("nama", "Nama")
        bare = v.without_honorific(nama)
        if bare:
            suggestion = v.proper_name(bare) or bare
            if self.proper_case:
                return suggestion
            self.problem("nama", code="BUR-I060",
                         message=f"nama diawali sapaan ('{nama[:len(nama) - len(bare)].strip()}'); usulan: "
                                 f"'{suggestion}' (terapkan dengan --rapikan-nama, atau perbaiki di sheet).",
                         level=WARNING)
            return nama
        suggestion = v.proper_name(nama)
        if suggestion and self.proper_case:
            return suggestion
        if suggestion:
            self.problem("nama", code="BUR-I007",
                         message=f"nama ditulis dengan huruf kapital semua; usulan: '{suggestion}' "
                                 "(terapkan dengan --rapikan-nama, atau perbaiki di sheet).", level=WARNING)
        return nama

    def _peserta(self, row: Row) -> dict:
        nama = self._name()
        peran = self.parse("peran", v.role) if self.text("peran") else (self.required("peran", "Jabatan/peran") and None)
        desa = kecamatan = None
        name, kec_text, kode = self.text("desa"), self.text("kecamatan"), self.text("kode_desa")
        kec = self.parse("kecamatan", self.villages.kecamatan_code) if kec_text else ""
        if (name or kode) and kec is not None:
            try:
                row.village = self.villages.find(name, kec, kode)
                desa = row.village.kode
            except v.BadValue as exc:
                self.problem("desa" if name or "kode_desa" not in self.plan.mapping.fields else "kode_desa",
                             code=exc.code or "BUR-I003", message=_sentence(str(exc)))
        elif peran in PERAN_DESA and not name and not kode:
            self.required("desa", f"Desa (untuk {v.PERAN_LABEL[peran]})")
        if peran == "camat":
            named = _after_role(self.text("peran"))  # "Camat Tlogomulyo": the kecamatan is in the role
            if kec_text:
                kecamatan = kec
            elif named:
                kecamatan = self.parse("peran", lambda _: self.villages.kecamatan_code(named))
            else:
                self.required("kecamatan", "Kecamatan (untuk Camat)")
        telepon = self.parse("telepon", v.phone)
        return {
            "id": self._given_id(), "nama": nama, "peran": peran, "desa": desa, "kecamatan": kecamatan,
            "instansi": self.text("instansi"), "jabatan": self.text("jabatan"), "telepon": telepon,
            "konfirmasi": self.parse("konfirmasi", v.konfirmasi),
        }

    def _inovasi(self, row: Row) -> dict:
        judul = self.required("judul", "Judul")
        bidang = self.parse("bidang", v.bidang) if self.text("bidang") else self.required("bidang", "Bidang") and None
        desa_asal = self.required("desa_asal", "Desa asal")
        opd = self._opd("opd_pengkaji", required=True)
        ringkasan = self.required("ringkasan", "Ringkasan")
        p2ktd = []
        for part in v.split_list(self.text("p2ktd")):
            found = self._lookup(part, self.event.p2ktd)
            if found:
                p2ktd.append(found)
            else:
                self.problem("p2ktd", code="BUR-I003", message=f"penyedia P2KTD '{part}' tidak ada di p2ktd.yaml.")
        keputusan = self.parse("keputusan", v.sortir)
        sortir = None
        if keputusan:
            # The OPD that decides at the sorting meeting is the one that reviews the
            # innovation's sector, unless the sheet names another.
            sortir_opd = self._opd("sortir_opd", required=False) if self.text("sortir_opd") else opd
            sortir = {"keputusan": keputusan, "opd": sortir_opd} if keputusan != "belum" and sortir_opd else \
                {"keputusan": keputusan}
        return {
            "id": self._given_id(), "judul": judul, "bidang": bidang, "desa_asal": desa_asal,
            "opd_pengkaji": opd, "ringkasan": ringkasan,
            "manfaat": [v.unbullet(line) for line in v.lines_of(self.cell("manfaat")) if v.unbullet(line)],
            "biaya": self.parse("biaya", v.integer), "p2ktd": p2ktd,
            "dokumen_pembelajaran": self.text("dokumen_pembelajaran"),
            "sortir": sortir,
            "ruang": self._ruang(), "meja": self._meja(),
        }

    def _panitia(self, row: Row) -> dict:
        nama = self._name()
        nip = self.parse("nip", v.nip)
        # SK attachments often hold "Name / NIP. 1975..." or "Name, S.E. / 1981..." in one cell.
        joined = re.search(r"\s*(?:/\s*(?:NIP\b[.:]?\s*)?|,?\s*\bNIP\b[.:]?\s*)([0-9][0-9 .]{16,})\s*$", nama,
                           flags=re.I)
        if joined:
            nama = nama[: joined.start()].strip()
            if not nip:
                nip = self.parse("nama", lambda _: v.nip(joined.group(1)))
        pangkat, golongan = v.pangkat_golongan(self.cell("pangkat_gol"))
        pangkat = self.text("pangkat") or pangkat
        golongan = (self.parse("golongan", v.golongan) if self.text("golongan") else "") or golongan
        opd = instansi = None
        if self.text("opd"):
            opd = self._lookup(self.text("opd"), self.event.opd)
            if not opd:
                instansi = self.text("opd")
        if self.text("tim"):
            tim = self.parse("tim", v.tim)
        elif self.default_tim:
            tim = self.default_tim
        else:
            tim = None
            self.problem("tim", code="BUR-I001", message="Tim wajib diisi (TIK atau Panitia)" + (
                "." if "tim" in self.plan.mapping.fields else "; kolomnya tidak ada, pakai --tim TIK atau --tim Panitia."))
        kedudukan = self.required("kedudukan", "Kedudukan dalam tim (mis. Ketua, Sekretaris, Anggota)")
        return {
            "id": self._given_id(), "nama": nama, "nip": nip, "pangkat": pangkat, "golongan": golongan,
            "jabatan": self.text("jabatan"), "opd": opd, "instansi": instansi, "tim": tim, "kedudukan": kedudukan,
            "jendela": self.parse("jendela", v.jendela), "ruang": self._ruang(), "meja": self._meja(),
            "telepon": self.parse("telepon", v.phone),
        }

    # ---- helpers for records

    def _given_id(self) -> str:
        value = self.text("id")
        if value and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value):
            self.problem("id", code="BUR-I005",
                         message=f"id '{value}' tidak sah: hanya huruf, angka, titik, garis bawah dan tanda hubung.")
            return ""
        if value in self.seen_ids:
            self.problem("id", code="BUR-I005", message=f"id '{value}' sudah dipakai di baris {self.seen_ids[value]}.")
        elif value:
            self.seen_ids[value] = self.row.number
        return value

    def _lookup(self, value: str, items: list) -> str:
        """An OPD or P2KTD id from its id or its name, case and spacing ignored."""
        key = v.norm(value)
        for item in items:
            if v.norm(item.id) == key or v.norm(item.nama) == key:
                return item.id
        return ""

    def _opd(self, name: str, required: bool) -> str | None:
        value = self.text(name)
        if not value:
            if required:
                self.required(name, "OPD pengkaji")
            return None
        found = self._lookup(value, self.event.opd)
        if not found:
            known = ", ".join(o.id for o in self.event.opd)
            self.problem(name, code="BUR-I003", message=f"OPD '{value}' tidak ada di opd.yaml (yang ada: {known}).")
        return found or None

    def _ruang(self) -> str | None:
        value = self.text("ruang")
        if value and value not in self.event.ruang_by_kode:
            self.problem("ruang", code="BUR-I003", message=f"ruang '{value}' tidak ada di acara.yaml (yang ada: "
                                  + ", ".join(self.event.ruang_by_kode) + ").")
        return value or None

    def _meja(self) -> str | None:
        value = self.text("meja")
        room = self.event.meja_ruang.get(value)
        if value and room is None:
            self.problem("meja", code="BUR-I003", message=f"meja '{value}' tidak ada di ruang mana pun di acara.yaml.")
        elif value and self.text("ruang") and room != self.text("ruang"):
            self.problem("meja", code="BUR-I003",
                         message=f"meja {value} ada di ruang {room}, bukan di ruang {self.text('ruang')}.")
        return value or None

    # ---- matching against the file so far and the event

    def _keys(self, record: dict) -> list[tuple]:
        """The keys that say two records are the same person or innovation."""
        if self.kind == "inovasi":
            return [("judul", v.norm(record.get("judul", "")))]
        name = v.person_key(record.get("nama", ""))
        if self.kind == "peserta":
            where = record.get("desa") or record.get("kecamatan") or v.norm(record.get("instansi") or "")
            return [("nama", name, where)]
        keys = [("nama", record.get("tim"), name)]
        if record.get("nip"):
            keys.insert(0, ("nip", record.get("tim"), record["nip"]))
        return keys

    def _identified(self, record: dict) -> bool:
        """Whether the row says enough to tell who (or which innovation) it is."""
        if not record.get(KEY_FIELD[self.kind]):
            return False
        if self.kind == "peserta" and (self.text("desa") or self.text("kode_desa")):
            return bool(record.get("desa"))  # an unknown village must not make two people look alike
        return True

    def _as_record(self, item) -> dict:
        record = item.model_dump()
        if record.get("telepon"):
            record["telepon"] = _phone_key(record["telepon"])
        return record

    def _match(self, row: Row) -> None:
        """Duplicates within the file (checked on every row, refused or not), then the existing item."""
        record = row.record
        keys = self._keys(record) if self._identified(record) else []
        duplicate = False
        for key in keys:
            if key in self.seen_keys:
                what = {"peserta": "orang yang sama (nama dan desa sama)", "inovasi": "inovasi dengan judul sama",
                        "panitia": "anggota yang sama"}[self.kind]
                self.problem(KEY_FIELD[self.kind] if key[0] != "nip" else "nip", code="BUR-I004",
                             message=f"{what} sudah ada di baris {self.seen_keys[key]}.")
                duplicate = True
                break
        if not duplicate:
            for key in keys:
                self.seen_keys[key] = row.number
        existing = self.by_id.get(record.get("id", "")) or next(
            (self.by_key[k] for k in keys if k in self.by_key), None)
        phone = record.get("telepon")
        if self.kind == "peserta" and phone:
            if phone in self.seen_phones:
                self.problem("telepon", code="BUR-I006", message=f"nomor HP {phone} sudah dipakai orang lain di baris "
                                        f"{self.seen_phones[phone]}; periksa, atau biarkan bila memang HP bersama.",
                             level=WARNING)
            else:
                self.seen_phones[phone] = row.number
                owner = self.phones.get(phone)
                if owner is not None and (existing is None or owner.id != existing.id):
                    self.problem("telepon", code="BUR-I006",
                                 message=f"nomor HP {phone} sudah dipakai peserta {owner.id} ({owner.nama}) "
                                            f"di {owner._file or 'peserta.yaml'} baris {owner._line}; periksa, atau "
                                            "biarkan bila memang HP bersama.", level=WARNING)
        if row.errors:
            return
        if existing is None:
            if record.get("id") and record["id"] in self.taken_ids:
                self.problem("id", code="BUR-I005", message=f"id '{record['id']}' sudah dipakai untuk data lain.")
                return
            row.status = "baru"
            self._warn_second_holder(row)
            return
        row.match = existing.id
        old = self._as_record(existing)
        for name, new in record.items():
            if name == "id":
                continue
            before = old.get(name)
            if name == "sortir":  # an update imports the decision only; the OPD and notes stay as written
                before = (before or {}).get("keputusan")
                new = new.get("keputusan")

            if new != before and not (name == "nama" and v.person_key(str(new)) == v.person_key(str(before or ""))):
                row.changes[name] = (before, new)
        row.status = "berubah" if row.changes else "sama"

    def _warn_second_holder(self, row: Row) -> None:
        """A village has one Kepala Desa and one Ketua BPD; a second is said (validasi refuses it later)."""
        record = row.record
        peran = record.get("peran")
        if self.kind != "peserta" or peran not in _ONE_PER_VILLAGE or not record.get("desa"):
            return
        other = self.holders.get((record["desa"], peran))
        if other:
            self.problem("peran", code="BUR-I008", message=f"desa ini sudah punya {v.PERAN_LABEL[peran]}: {other}.",
                         level=WARNING)
        else:
            self.holders[(record["desa"], peran)] = f"{record['nama']} (baris {row.number})"

    def finish(self) -> None:
        """Give new rows their ids, continuing the sequences already in the file."""
        new = [r for r in self.plan.rows if r.status == "baru"]
        for row in new:
            if row.record.get("id"):
                self.taken_ids.add(row.record["id"])
        sequences: dict[str, IdSequence] = {}
        for row in new:
            if row.record.get("id"):
                continue
            group = row.record.get("tim", "") if self.kind == "panitia" else ""
            if group not in sequences:
                sequences[group] = IdSequence.of(self.kind, group, self.existing, self.taken_ids)
            row.record = {"id": sequences[group].next(), **row.record}


_ONE_PER_VILLAGE = ("kepala-desa", "ketua-bpd")
def _after_role(role_text: str) -> str:
    """'Camat Tlogomulyo' -> 'Tlogomulyo'; '' when the role names no place."""
    words = role_text.split()
    return " ".join(words[1:]).strip() if len(words) > 1 and v.norm(words[0]) == "camat" else ""


def _phone_key(value: str) -> str:
    """A phone number written by hand in YAML, in the form the importer writes."""
    try:
        return v.phone(value)
    except v.BadValue:
        return re.sub(r"\D", "", value)


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."
