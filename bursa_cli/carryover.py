"""`bursa init BARU --dari LAMA`: the next Bursa starts from this one.

Carried over: the OPD, the P2KTD directory and the committee's people as they
are (comments included), the villages, and the innovation catalogue with its
sorting reset (the TIK sorts it again) and its rooms and desks cleared (the
venue is new). Two things come from the old event's follow-up:

- each innovation's evidence (`bukti`): how many villages carried it out, how
  many budgeted it and for how much, shown on posters and in the katalog;
- each village's `inovasi_berjalan`: the innovations it already carries out,
  which are not offered to it again as new (its Kartu Komitmen names them,
  and `bursa validasi` warns about a commitment to one of them, BUR-F015).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from .errors import DataError, UsageError
from .impor.yamltext import format_item
from .recap.followup import CARRIED_OUT, followup_state
from .schema.event import load_event

KEPT_AS_IS = ("opd.yaml", "p2ktd.yaml", "panitia.yaml")
ASSETS = "aset"  # the emblem and other pictures the documents name
READ = KEPT_AS_IS + ("acara.yaml", "inovasi.yaml", "desa.yaml", "log/komitmen/", "log/tindak-lanjut/")
INOVASI_HEADER = (
    "# Menu inovasi, dibawa dari {acara} (`bursa init --dari`).\n"
    "# Hasil sortir dikosongkan: Tim Inovasi Kabupaten memilah ulang (sortir.keputusan).\n"
    "# `bukti` adalah tindak lanjut acara itu per {per}: desa yang melaksanakan, yang menganggarkan, dan nilainya.\n"
)
DESA_HEADER = (
    "# Desa peserta, dibawa dari {acara} (`bursa init --dari`).\n"
    "# `inovasi_berjalan`: inovasi yang sudah dilaksanakan desa itu (tindak lanjut per {per});\n"
    "# tidak ditawarkan lagi kepadanya sebagai inovasi baru.\n"
)


def carry_over(old: Path, per: date) -> dict[str, str | bytes]:
    """The files the new event takes from the event at `old`, keyed by their name."""
    old = _event_folder(old)
    loaded = load_event(old)
    blocking = [p for p in loaded.problems if p.is_error and p.file.startswith(READ)]
    if blocking or loaded.event.acara is None:
        raise DataError.coded("BUR-U002", problems=blocking, folder=old)
    event = loaded.event
    name = event.acara.nama
    rows = followup_state(event)
    files = {file: (old / file).read_text(encoding="utf-8") for file in KEPT_AS_IS}
    files["inovasi.yaml"] = _inovasi(event, rows, name, per)
    files["desa.yaml"] = _desa(event, rows, name, per)
    files.update(_assets(old, event.acara.penyelenggara.logo))
    return files


def _assets(old: Path, logo: str | None) -> dict[str, bytes]:
    """The pictures the documents name (`aset/`, and the emblem wherever it is), only files inside the event."""
    from .safepath import event_file

    named = [p.relative_to(old).as_posix() for p in sorted((old / ASSETS).rglob("*"))] if (old / ASSETS).is_dir() else []
    if logo:
        named.append(logo)
    found = {}
    for name in dict.fromkeys(named):
        real = event_file(old, name)
        if real is not None:
            found[Path(name).as_posix()] = real.read_bytes()
    return found


def _event_folder(old: Path) -> Path:
    old = Path(old)
    if not (old / "acara.yaml").is_file():
        raise UsageError.coded("BUR-U003", folder=old)
    return old


def _evidence(rows) -> dict[str, dict]:
    found: dict[str, dict] = defaultdict(lambda: {"direplikasi": set(), "dianggarkan": set(), "nilai": 0})
    for row in rows:
        item = found[row.inovasi]
        if row.tahap in CARRIED_OUT:
            item["direplikasi"].add(row.desa_kode)
        if row.dianggarkan:
            item["dianggarkan"].add(row.desa_kode)
            item["nilai"] += row.anggaran
    return found


def _inovasi(event, rows, name: str, per: date) -> str:
    evidence = _evidence(rows)
    items = []
    for item in event.inovasi:
        record = item.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        for dropped in ("sortir", "ruang", "meja", "bukti"):
            record.pop(dropped, None)
        record["sortir"] = {"keputusan": "belum"}
        found = evidence.get(item.id)
        if found and (found["direplikasi"] or found["dianggarkan"]):
            record["bukti"] = {"acara": name, "per": per.isoformat(),
                               "desa_direplikasi": len(found["direplikasi"]),
                               "desa_dianggarkan": len(found["dianggarkan"]), "nilai_apbdes": found["nilai"]}
        items.append(record)
    body = "\n".join(format_item(record) for record in items) if items else "[]\n"
    return INOVASI_HEADER.format(acara=name, per=per.isoformat()) + "\n" + body


def _desa(event, rows, name: str, per: date) -> str:
    running: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.tahap in CARRIED_OUT:
            running[row.desa_kode].append(row.inovasi)
    for desa in event.desa:  # what a village already ran before, it still runs
        running[desa.kode][:0] = [i for i in desa.inovasi_berjalan if i not in running[desa.kode]]
    items = []
    for desa in event.desa:
        record = {"kode": desa.kode, "nama": desa.nama}
        if running.get(desa.kode):
            record["inovasi_berjalan"] = sorted(set(running[desa.kode]))
        items.append(record)
    body = "\n".join(format_item(record) for record in items) if items else "[]\n"
    return DESA_HEADER.format(acara=name, per=per.isoformat()) + "\n" + body


def next_acara(old: Path, tanggal: date | None) -> tuple[str, date]:
    """The old acara.yaml for the new event: its name, date and APBDes year moved on, all else kept.

    Only three top-level lines change (a top-level key starts its line), so the
    officer's comments, the kop, the venue and the signers stay as they were.
    """
    import re

    from .impor.yamltext import scalar

    text = (_event_folder(old) / "acara.yaml").read_text(encoding="utf-8")
    event = load_event(Path(old)).event
    before = event.acara.tanggal
    when = tanggal or _next_year(before)
    name = event.acara.nama
    name = name.replace(str(before.year), str(when.year)) if str(before.year) in name else f"{name} {when.year}"
    lines = {"nama": f"nama: {scalar(name)}", "tanggal": f"tanggal: {when.isoformat()}",
             "tahun_apbdes": f"tahun_apbdes: {when.year + 1}"}
    for key, line in lines.items():
        text = re.sub(rf"^{key}:.*$", line, text, count=1, flags=re.M)
    return text, when


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
