"""`bursa layani` and `bursa perangkat`: the laptop induk and the devices paired with it."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER, complete_peran

PERAN_HELP = "registrasi, stempel, nilai, ide, komitmen atau pantau."
QR_BERLAKU = typer.Option(15, "--qr-berlaku", min=1, max=24 * 60,
                          help="Berapa menit QR pemasangan berlaku; setiap QR memasangkan satu browser, sekali.")


def _event_root(folder: Path) -> Path:
    from ..errors import UsageError

    if not (Path(folder) / "acara.yaml").is_file():
        raise UsageError.coded("BUR-U004", folder=folder)
    return Path(folder)


def layani(
    folder: Path = FOLDER,
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port yang dibuka untuk meja."),
    alamat: str = typer.Option("0.0.0.0", "--alamat", help="Alamat laptop ini yang diberikan ke meja (bawaan: semua jaringan, alamat hotspot dipilih sendiri)."),
    https: bool = typer.Option(False, "--https", help="Pakai HTTPS dengan sertifikat buatan sendiri (kamera langsung di halaman; tiap ponsel harus menerima peringatan sertifikat)."),
    commit_tiap: int = typer.Option(0, "--commit-tiap", min=0, help="Commit log ke git setiap N menit (0 = tidak)."),
    qr_berlaku: int = QR_BERLAKU,
    gladi: bool = typer.Option(False, "--gladi", help="Gladi bersih: meja dan perangkat yang sama, tetapi entri "
                                                     "dicatat di gladi/log/, tidak pernah di log/."),
    ulang: bool = typer.Option(False, "--ulang", help="Bersama --gladi: kosongkan dulu area gladi untuk gladi berikutnya."),
) -> None:
    """Laptop induk hari-H: semua meja bekerja lewat browser, satu laptop memegang semua log.

    Hanya perangkat yang dipasangkan (`bursa perangkat tambah`) yang dilayani, masing-masing
    sesuai perannya. Dengan --gladi, semua halaman memakai pita GLADI BERSIH dan entrinya masuk
    gladi/log/; perangkat yang dipasangkan saat gladi tetap terpasang untuk hari-H. Tekan Ctrl+C
    untuk berhenti.
    """
    from ..day import Day
    from ..day.area import day_check, empty_rehearsal
    from ..errors import UsageError
    from ..present import layani as show
    from ..web.serve import serve

    if ulang and not gladi:
        raise UsageError.coded("BUR-U009")
    root = _event_root(folder)
    day = Day.open(root, gladi)  # refuses an unusable acara.yaml before the port opens
    emptied = empty_rehearsal(root) if ulang else None
    check = day_check(day.event, gladi)
    serve(root, alamat, port, https, commit_tiap, gladi=gladi, qr_minutes=qr_berlaku,
          on_start=lambda serving: show.show_serving(serving, day.acara.nama, check, emptied))
    show.show_stopped(gladi)


def tambah(
    folder: Path = FOLDER,
    peran: str = typer.Option(..., "--peran", autocompletion=complete_peran, help=f"Peran perangkat: {PERAN_HELP}"),
    meja: Optional[str] = typer.Option(None, "--meja", help="Meja konsultasi, untuk peran stempel (mis. A-01)."),
    nama: str = typer.Option("", "--nama", help="Nama yang mudah dikenali, mis. \"Laptop Bidang PMD\"."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port `bursa layani` (untuk alamat pemasangan)."),
    alamat: str = typer.Option("0.0.0.0", "--alamat", help="Alamat laptop induk di jaringan (bawaan: dicari sendiri)."),
    https: bool = typer.Option(False, "--https", help="Alamat pemasangan memakai https."),
    format: str = typer.Option("teks", "--format", help="teks (alamat dan QR) atau json."),
    qr_berlaku: int = QR_BERLAKU,
) -> None:
    """Pasangkan perangkat baru: token, alamat pemasangan dan QR-nya."""
    from ..day import Day
    from ..day.devices import add_device
    from ..errors import UsageError
    from ..present import layani as show
    from ..web.address import base_url, pairing_url

    if format not in ("teks", "json"):
        raise UsageError.coded("BUR-U010", format=format)
    root = _event_root(folder)
    day = Day.open(root)
    base = base_url(alamat, port, https)  # no LAN: refused before a device is made
    paired = add_device(root, peran, meja, nama, known_desks=set(day.event.meja_ruang), zona=day.acara.zona_waktu,
                        berlaku=qr_berlaku)
    show.show_paired(paired, pairing_url(base, paired.kode), format)


def daftar(folder: Path = FOLDER) -> None:
    """Daftar perangkat yang pernah dipasangkan, yang dicabut juga."""
    from ..day.devices import list_devices
    from ..present import layani as show

    show.show_devices(list_devices(_event_root(folder)))


def cabut(
    folder: Path = typer.Argument(Path("."), metavar="FOLDER", show_default=False,
                                  help="Folder acara (bawaan: folder ini)."),
    perangkat_id: Optional[str] = typer.Argument(None, metavar="ID", help="Id perangkat, mis. MEJA-3."),
) -> None:
    """Cabut perangkat: tokennya dan setiap sesi browsernya langsung ditolak; lognya tetap ada.

    Urutan lama `bursa perangkat cabut ID [FOLDER]` tetap diterima.
    """
    from ..day.devices import revoke_device
    from ..errors import UsageError
    from ..present import layani as show

    old_order = not (Path(folder) / "acara.yaml").is_file() and (
        perangkat_id is None or (Path(perangkat_id) / "acara.yaml").is_file())
    if old_order:  # `cabut ID [FOLDER]`, as older docs and scripts write it
        folder, perangkat_id = Path(perangkat_id or "."), str(folder)
    if not perangkat_id:
        raise UsageError.coded("BUR-U008")
    show.show_revoked(revoke_device(_event_root(folder), perangkat_id), folder if old_order else None)
