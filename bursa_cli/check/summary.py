"""What `bursa status` shows: stages, counts and the days left, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import DataError
from ..schema.types import BIDANG_SHORT
from . import validate_event
from ..indo import hari_tanggal, tanggal, waktu


@dataclass
class StageRow:
    judul: str
    status: str
    tanggal: str
    catatan: str
    siap: bool
    kurang: int
    dinilai: bool = True  # False when a file the stage reads could not be read


@dataclass
class Summary:
    nama: str
    waktu: str
    tempat: str
    sisa_hari: str
    tahapan: list[StageRow]
    angka: list[tuple[str, object]]
    bidang: list[str]
    per_ruang: list[tuple[str, list[int]]] = field(default_factory=list)
    masalah: int = 0


def days_left_text(event_day: date, today: date) -> str:
    days = (event_day - today).days
    if days > 1:
        return f"{days} hari lagi menuju hari acara."
    if days == 1:
        return "Besok hari acara (H-1: gladi bersih)."
    if days == 0:
        return "Hari ini hari acara."
    return f"Acara telah berlangsung {-days} hari yang lalu."


def summarize(folder: Path, today: date) -> Summary:
    """Count what the event folder holds; refuses only when acara.yaml is unreadable."""
    report = validate_event(Path(folder))  # the same checks as `bursa validasi`
    event = report.event
    if event.acara is None:
        raise DataError.coded("BUR-T108", problems=[p for p in report.problems if p.file == "acara.yaml"])
    acara = event.acara
    rows = [
        StageRow(s.judul, s.status, tanggal(s.tahap.tanggal) if s.tahap and s.tahap.tanggal else "-",
                 (s.tahap.catatan or "") if s.tahap else "", s.ready, len(s.problems), not s.blocked)
        for s in report.stages
    ]
    kept = event.inovasi_terpilih
    attended = {e.peserta for e in event.registrasi}
    committed = {k.desa for k in event.komitmen}
    angka: list[tuple[str, object]] = [
        ("Kecamatan", len(acara.wilayah.kecamatan)),
        ("Desa", len(event.desa)),
        ("Peserta terdaftar", len(event.peserta)),
        ("Peserta konfirmasi hadir", sum(1 for p in event.peserta if p.konfirmasi == "ya")),
        ("Inovasi di menu (dipertahankan)", f"{len(kept)} dari {len(event.inovasi)}"),
    ]
    for key, label in BIDANG_SHORT.items():
        angka.append((f"  bidang {label}", sum(1 for i in kept if i.bidang == key)))
    angka += [
        ("Registrasi hari-H", len(attended)),
        ("Stempel konsultasi", len(event.stempel)),
        ("Penilaian", len(event.penilaian)),
        ("Kartu Komitmen (desa)", len(committed)),
        ("Kartu Ide", len(event.ide)),
    ]
    per_ruang = []
    for ruang in acara.tempat.ruang:
        if ruang.jenis != "bursa":
            continue
        per_ruang.append((f"{ruang.nama} ({ruang.kode})",
                          [sum(1 for i in kept if i.ruang == ruang.kode and i.bidang == b) for b in BIDANG_SHORT]))
    return Summary(
        nama=acara.nama,
        waktu=f"{hari_tanggal(acara.tanggal)}, {waktu(acara.jam_mulai, acara.jam_selesai, acara.zona_waktu)}",
        tempat=f"{acara.tempat.nama}, {acara.tempat.alamat}",
        sisa_hari=days_left_text(acara.tanggal, today),
        tahapan=rows,
        angka=angka,
        bidang=list(BIDANG_SHORT.values()),
        per_ruang=per_ruang,
        masalah=len(report.errors),
    )
