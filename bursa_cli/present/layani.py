"""What `bursa layani` and `bursa perangkat` show: the address, QR codes, devices."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Sequence

from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import console

if TYPE_CHECKING:  # pragma: no cover
    from ..day.area import DayCheck
    from ..day.devices import Paired, Perangkat
    from ..web.serve import Serving


def _terminal_qr(data: str) -> str:
    """A QR code drawn with block characters, readable by a phone camera from the terminal."""
    import segno

    out = io.StringIO()
    segno.make(data, error="m", micro=False).terminal(out=out, compact=True, border=2)
    return out.getvalue()


def show_serving(serving: "Serving", acara: str, check: "DayCheck | None" = None,
                 emptied: int | None = None) -> None:
    body = Text()
    if serving.gladi:
        body.append("GLADI BERSIH \u2014 data latihan\n", style="bold black on yellow")
        body.append("Entri dicatat di gladi/log/, tidak pernah di log/. Perangkat yang dipasangkan sekarang "
                    "tetap terpasang untuk hari-H.\n", style="yellow")
        if emptied is not None:
            body.append(f"Area gladi dikosongkan ({emptied} berkas).\n", style="yellow")
    elif check is not None:
        if check.warning:
            body.append(f"{check.warning} ({check.code})\n", style="bold yellow")
        if check.rehearsal_files:
            body.append(f"Log gladi bersih ({check.rehearsal_files} berkas di gladi/log/) tidak dipakai; "
                        "entri hari ini dicatat di log/.\n")
    body.append(f"{acara}\n\n")
    body.append("Alamat laptop induk untuk meja: ")
    body.append(serving.url, style="bold")
    if serving.addresses:
        body.append("\nLaptop ini tersambung ke beberapa jaringan; meja memakai alamat bertanda ✔ "
                    "(pilih yang lain dengan --alamat):")
        for url, interface, chosen in serving.addresses:
            body.append(f"\n  {'✔' if chosen else ' '} {url}  ({interface})", style="bold" if chosen else "")
    body.append("\nLayar induk (daftar perangkat, QR pemasangan), di laptop ini: ")
    body.append(serving.induk_url, style="bold")
    if serving.fingerprint:
        body.append("\nSidik sertifikat HTTPS (cocokkan di ponsel): ")
        body.append(serving.fingerprint, style="bold")
    for repair in serving.repaired:
        body.append(f"\nLog {repair.file} dipulihkan: baris rusak {', '.join(map(str, repair.lines))} "
                    f"dipindah ke {repair.side_file}.", style="yellow")
    if serving.commit_every:
        body.append(f"\nLog di-commit ke git setiap {serving.commit_every} menit.")
    body.append(f"\n\nPasangkan ponsel meja dari layar induk: setiap QR pemasangan memasangkan satu ponsel, "
                f"sekali, dalam {serving.qr_minutes} menit. Alamat di atas bukan QR pemasangan. "
                "Tekan Ctrl+C untuk berhenti.")
    console().print(Panel(body, title="bursa layani berjalan", title_align="left", border_style="green",
                          expand=False))


def show_stopped(gladi: bool = False) -> None:
    where = "gladi/log/ (gladi bersih)" if gladi else "log/"
    console().print(f"[green]✔[/] bursa layani berhenti. Semua entri yang dijawab 'tercatat' sudah tersimpan di {where}.")


def show_paired(paired: "Paired", url: str, fmt: str = "teks") -> None:
    if fmt == "json":
        console().print(json.dumps({"id": paired.device.id, "peran": paired.device.peran,
                                    "meja": paired.device.meja, "token": paired.token, "url": url,
                                    "qr_berlaku_sampai": paired.sampai}),
                        markup=False, highlight=False, soft_wrap=True)
        return
    device = paired.device
    where = f" meja {device.meja}" if device.meja else ""
    console().print(f"[green]✔[/] Perangkat [bold]{escape(device.id)}[/] ({escape(device.peran)}{escape(where)}) "
                    "dibuat. Pindai QR ini dengan kamera ponselnya, atau buka alamat ini di browsernya, "
                    f"sebelum pukul {escape(paired.sampai[11:16])}:")
    console().print(url, markup=False, highlight=False, soft_wrap=True)
    console().print(_terminal_qr(url), markup=False, highlight=False)
    console().print("QR ini memasangkan satu browser, sekali. Meja terminal memakai token (hanya tampil sekali):")
    console().print(paired.token, markup=False, highlight=False, soft_wrap=True)
    console().print(f"Cabut dengan `bursa perangkat cabut FOLDER {escape(device.id)}`.")


def show_devices(devices: Sequence["Perangkat"]) -> None:
    if not devices:
        console().print("Belum ada perangkat yang dipasangkan. Buat dengan `bursa perangkat tambah --peran ...`.")
        return
    table = Table(title="Perangkat bursa layani", title_justify="left")
    for column in ("Id", "Peran", "Meja", "Nama", "Dibuat", "Status"):
        table.add_column(column)
    for device in devices:
        status = "aktif" if device.active else f"dicabut {device.dicabut[11:16]}"
        table.add_row(escape(device.id), escape(device.peran), escape(device.meja or ""), escape(device.nama),
                      escape(device.dibuat[:16].replace("T", " ")), status)
    console().print(table)


def show_revoked(device: "Perangkat", old_order_folder=None) -> None:
    console().print(f"[green]✔[/] Perangkat [bold]{escape(device.id)}[/] dicabut: tokennya dan setiap sesi "
                    "browsernya langsung ditolak.")
    if old_order_folder is not None:
        console().print(f"[yellow]Catatan:[/] urutan yang baku kini folder dulu, seperti `perangkat tambah`: "
                        f"`bursa perangkat cabut {escape(str(old_order_folder))} {escape(device.id)}`.")
