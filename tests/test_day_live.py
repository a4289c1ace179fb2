"""`bursa pantau` and `LiveSummary`: numbers against raw logs, incremental reading."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bursa_cli.day import LiveSummary, repair_logs
from bursa_cli.day.logwrite import append_entry, header_for, log_path
from bursa_cli.schema.logfile import format_entry
from bursa_cli.schema.types import BIDANG_SHORT
from support import bursa, make_event


def raw_entries(root: Path, kind: str) -> list[tuple[str, dict]]:
    """(file stem, entry) for every entry line of log/<kind>/*.yaml, in file order."""
    found = []
    for path in sorted((root / "log" / kind).glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- {"):
                found.append((path.stem, json.loads(line[2:])))
    return found


def expected_counts(root: Path) -> dict:
    """The pantau numbers, counted straight from the YAML and log files."""
    peserta = yaml.safe_load((root / "peserta.yaml").read_text(encoding="utf-8"))
    confirmed = {p["id"] for p in peserta if p.get("konfirmasi") in ("ya", True)}
    acara = yaml.safe_load((root / "acara.yaml").read_text(encoding="utf-8"))
    room_of = {meja: r["kode"] for r in acara["tempat"]["ruang"] for meja in r.get("meja", [])}
    room_name = {r["kode"]: r["nama"] for r in acara["tempat"]["ruang"]}
    bidang = {i["id"]: i["bidang"] for i in yaml.safe_load((root / "inovasi.yaml").read_text(encoding="utf-8"))}
    desa = yaml.safe_load((root / "desa.yaml").read_text(encoding="utf-8"))

    arrived = {e["peserta"] for _, e in raw_entries(root, "registrasi")}
    walk_ins = {e["peserta"] for _, e in raw_entries(root, "registrasi") if "tanpa_undangan" in e}
    desks = Counter(e["meja"] for _, e in raw_entries(root, "stempel"))
    rooms = Counter()
    for desk, n in desks.items():
        rooms[room_name[room_of[desk]]] += n
    cards = {}
    for _, e in raw_entries(root, "komitmen"):
        cards[e["desa"]] = e  # the last card of a village counts
    per_bidang = Counter(bidang[i] for card in cards.values() for i in set(card["inovasi"]))
    return {
        "Hadir": [len(arrived)],
        "Hadir / konfirmasi": [len(arrived & confirmed), len(confirmed)],
        "Kehadiran": [len(arrived & confirmed) * 100 // len(confirmed)],
        "Tanpa undangan": [len(walk_ins)],
        "Diundang": [len(peserta)],
        "Stempel:": [sum(desks.values())],
        **{f"{desk}:": [n] for desk, n in desks.items()},
        **{name: [n] for name, n in rooms.items()},
        "Desa berkomitmen": [len(cards), len(desa)],
        **{f"  {label}": [per_bidang.get(key, 0)] for key, label in BIDANG_SHORT.items()},
        "Kartu Ide": [len(raw_entries(root, "ide"))],
        "Penilaian": [len(raw_entries(root, "penilaian"))],
    }


def shown_numbers(output: str, label: str, count: int) -> list[int]:
    match = re.search(re.escape(label) + r"[^\d\n]*" + r"[^\d\n]*".join([r"(\d+)"] * count), output)
    assert match, f"{label!r} tidak tampil"
    return [int(n) for n in match.groups()]


def busy_minimal(tmp_path: Path) -> Path:
    """The minimal event after a short morning: check-ins, a walk-in, stamps, two cards."""
    root = make_event(tmp_path / "minimal")
    for result in (
        bursa("registrasi", root, "--perangkat", "REG-1", input="P-0001\nP-0002\nP-0003\n+baru\nAni\n9\nRadio\n\n"),
        bursa("registrasi", root, "--perangkat", "REG-2", input="P-0003\n"),
        bursa("stempel", root, "--meja", "A-01", input="P-0001\nP-0002\nP-0003\n"),
        bursa("stempel", root, "--meja", "A-02", input="P-0001\n"),
        bursa("komitmen", root, "--perangkat", "J3-1", "--desa", "33.23.01.2001", "--inovasi", "INO-001", "--inovasi", "INO-002",
              "--ttd-kepala-desa", "--ttd-ketua-bpd"),
        bursa("komitmen", root, "--perangkat", "J3-1", "--desa", "33.23.01.2002", "--inovasi", "INO-001", "--ttd-kepala-desa"),
    ):
        assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize("which", ["minimal", "contoh"])
def test_pantau_sekali_matches_the_raw_logs(request, tmp_path, which):
    root = busy_minimal(tmp_path) if which == "minimal" else request.getfixturevalue("contoh_event")
    expected = expected_counts(root)
    assert expected["Stempel:"][0] > 0 and expected["Desa berkomitmen"][0] > 0  # not a trivial event

    result = bursa("pantau", root, "--sekali")
    assert result.exit_code == 0, result.output
    for label, numbers in expected.items():
        assert shown_numbers(result.output, label, len(numbers)) == numbers, label


def test_unsigned_cards_are_counted(tmp_path):
    root = busy_minimal(tmp_path)
    summary = LiveSummary(root).refresh()
    assert summary.unsigned == 1
    assert summary.villages == 2
    assert summary.commitments_by_bidang == {"psdm": 2, "infrastruktur": 1}


def _stamp(n: int) -> dict:
    return {"waktu": f"2026-11-12T10:00:{n:02d}+07:00", "peserta": "P-0001", "inovasi": "INO-001", "meja": "A-01"}


def test_refresh_reads_only_what_was_appended(minimal_event):
    live = LiveSummary(minimal_event)
    assert live.refresh().stamps == 0
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    first = live.refresh()
    assert first.stamps == 1 and first.bytes_read == path.stat().st_size

    size = path.stat().st_size
    append_entry(path, _stamp(2))
    append_entry(path, _stamp(3))
    second = live.refresh()
    assert second.stamps == 3
    assert second.bytes_read == path.stat().st_size - size == 2 * len(format_entry(_stamp(2)).encode())
    assert live.refresh().bytes_read == 0


def test_unfinished_line_waits_for_the_next_refresh(minimal_event):
    live = LiveSummary(minimal_event)
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    line = format_entry(_stamp(2)).encode()
    with open(path, "ab") as handle:
        handle.write(line[:30])
    half = live.refresh()
    assert half.stamps == 1
    assert [(p.file, p.line) for p in half.problems] == [("log/stempel/A-01.yaml", 5)]
    with open(path, "ab") as handle:
        handle.write(line[30:])
    whole = live.refresh()
    assert whole.stamps == 2 and whole.problems == []
    assert [item.text for item in whole.latest][:1] == ["stempel INO-001 untuk P-0001 di meja A-01"]


def test_summary_stays_right_after_a_repair(minimal_event):
    live = LiveSummary(minimal_event)
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    with open(path, "ab") as handle:
        handle.write(b'- {"waktu": "2026-11-12T10:')
    append_entry(path, _stamp(2))
    before = live.refresh()
    assert before.stamps == 2 and len(before.problems) == 1
    repair_logs(minimal_event)
    after = live.refresh()  # the log got shorter: read again from the start
    assert after.stamps == 2 and after.problems == []
    assert after.stamps_by_desk == LiveSummary(minimal_event).refresh().stamps_by_desk == {"A-01": 2}


def _stamp_for(peserta: str, n: int) -> dict:
    return {**_stamp(n), "peserta": peserta}


def _replace_file(path: Path, text: str) -> None:
    """Put new content at `path` the way `bursa perbaiki` and git do: a new file moved into place."""
    fresh = path.with_name(path.name + ".baru")
    fresh.write_text(text, encoding="utf-8")
    fresh.replace(path)


def test_repaired_log_that_grew_again_is_read_from_the_start(minimal_event):
    """A torn line in the middle is moved aside and desks append again before the next refresh:
    the file ends up longer than what was read, yet its first bytes changed."""
    live = LiveSummary(minimal_event)
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    with open(path, "ab") as handle:
        handle.write(b'- {"waktu": "2026-11-12T10:')
    append_entry(path, _stamp_for("P-0002", 2))
    before = live.refresh()
    assert before.stamps == 2 and len(before.problems) == 1
    repair_logs(minimal_event)
    append_entry(path, _stamp_for("P-0003", 3))
    append_entry(path, _stamp_for("P-0004", 4))
    after = live.refresh()
    fresh = LiveSummary(minimal_event).refresh()
    assert after.stamps == fresh.stamps == 4
    assert after.problems == fresh.problems == []


def test_log_rewritten_with_the_same_size_is_read_again(minimal_event):
    """A merge that swaps one stamp for another of the same length leaves the size as it was."""
    live = LiveSummary(minimal_event)
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    append_entry(path, _stamp_for("P-0002", 2))
    assert live.refresh().stamps_by_desk == {"A-01": 2}
    text = path.read_text(encoding="utf-8")
    _replace_file(path, text.replace('"P-0002"', '"P-0009"'))  # an unknown participant now
    assert len(path.read_text(encoding="utf-8")) == len(text)
    day_line = live.refresh()
    assert day_line.stamps == 2
    assert "stempel INO-001 untuk P-0009 di meja A-01" in [item.text for item in day_line.latest]


def test_removed_log_no_longer_counts(minimal_event):
    live = LiveSummary(minimal_event)
    append_entry(log_path(minimal_event, "stempel", "A-01"), _stamp(1), header_for("stempel", "A-01"))
    append_entry(log_path(minimal_event, "stempel", "A-02"),
                 {**_stamp(2), "inovasi": "INO-002", "meja": "A-02"}, header_for("stempel", "A-02"))
    assert live.refresh().stamps == 2
    log_path(minimal_event, "stempel", "A-02").unlink()
    after = live.refresh()
    assert after.stamps == 1 and after.stamps_by_desk == {"A-01": 1}


def test_day_sees_a_rewritten_log(minimal_event):
    """The desks' `Day` reads through the same tail: a stamp gone from a rewritten log is gone."""
    from bursa_cli.day import Day

    day = Day.open(minimal_event)
    path = log_path(minimal_event, "stempel", "A-01")
    append_entry(path, _stamp(1), header_for("stempel", "A-01"))
    append_entry(path, _stamp_for("P-0002", 2))
    day.refresh()
    assert set(day.stamps) == {("P-0001", "INO-001"), ("P-0002", "INO-001")}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    _replace_file(path, "".join(line for line in lines if "P-0001" not in line) + format_entry(_stamp_for("P-0003", 3)))
    day.refresh()
    assert set(day.stamps) == {("P-0002", "INO-001"), ("P-0003", "INO-001")}


def test_the_card_in_force_is_the_latest_by_time_across_desks(tmp_path):
    """Jendela 3 desk J3-2 recorded the earlier card; J3-1 replaced it later: J3-1's card is in force
    for the desks and the screen, as it is for validasi, the recap and the certificates."""
    from bursa_cli.day import Day
    from bursa_cli.recap.build import latest_cards
    from bursa_cli.schema.event import load_event

    card = {"desa": "33.23.01.2001", "inovasi": ["INO-001"], "tahun_apbdes": 2027, "ttd_kepala_desa": True}
    root = make_event(tmp_path / "ev", {
        "log/komitmen/J3-1.yaml": [{"waktu": "2026-11-12T12:30:00+07:00", **card, "ttd_ketua_bpd": True}],
        "log/komitmen/J3-2.yaml": [{"waktu": "2026-11-12T12:00:00+07:00", **card, "ttd_ketua_bpd": False}]})
    assert latest_cards(load_event(root).event.komitmen)["33.23.01.2001"]._file == "log/komitmen/J3-1.yaml"
    assert Day.open(root).commitments["33.23.01.2001"].file == "log/komitmen/J3-1.yaml"
    assert LiveSummary(root).refresh().unsigned == 0
