"""What the desks of the day show: check-ins, stamps, cards, repairs and the live screen."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Sequence

from rich.console import Group
from rich.live import Live
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import ask, console

if TYPE_CHECKING:  # pragma: no cover
    from ..day import LiveSummary, Repair, Summary
    from ..errors import BursaError


# --------------------------------------------------------------------------- input


def confirm(prompt: str) -> bool:
    answer = ask(f"{prompt} (y/T)")
    return answer is not None and answer.strip().lower() in ("y", "ya")


def pick(labels: Sequence[str], prompt: str = "Pilih nomor (kosong = batal):") -> int | None:
    """Show numbered choices; the index chosen, or None."""
    show_numbered(labels)
    while True:
        answer = ask(prompt)
        if answer is None or not answer.strip():
            return None
        text = answer.strip()
        if text.isdigit() and 1 <= int(text) <= len(labels):
            return int(text) - 1
        console().print(f"[red]✘[/] Ketik nomor 1 sampai {len(labels)}, atau kosongkan untuk batal.")


# --------------------------------------------------------------------------- desks


def show_desk(title: str, lines: Sequence[str], load_problems: int = 0) -> None:
    body = Text("\n".join(lines))
    if load_problems:
        body.append(f"\n\n{load_problems} galat pada data acara; jalankan `bursa validasi` setelah ini.",
                    style="yellow")
    console().print(Panel(body, title=escape(title), title_align="left", border_style="cyan", expand=False))


def show_refused(error: "BursaError") -> None:
    code = getattr(error, "code", "")
    console().print(f"[bold red]✘ DITOLAK:[/] {escape(error.message)}" + (f" ({code})" if code else ""))


def show_rehearsal(logs: str) -> None:
    """The rehearsal's band at the top of a terminal desk."""
    console().print(Panel(Text(f"GLADI BERSIH \u2014 data latihan\nEntri dicatat di {logs}/, tidak pernah di log/.",
                               style="bold black on yellow", justify="center"), border_style="yellow", expand=True))


def show_note(message: str) -> None:
    console().print(f"[dim]{escape(message)}[/]")


def show_warning(message: str) -> None:
    console().print(f"[bold yellow]! PERINGATAN:[/] {escape(message)}")


def show_scan_held(scan: str) -> None:
    """A Kartu ID scanned while the desk asked something else: not taken as the answer."""
    console().print(f"[bold yellow]! {escape(scan)} tampak seperti Kartu ID yang dipindai, bukan jawaban.[/] "
                    "Pertanyaan tadi dibatalkan (tidak dicatat); kartu ini dilayani berikutnya.")


def _seat(seat: str) -> str:
    from ..day.seat import NO_SEAT

    return "bebas (kursi kosong di Ruang Pleno)" if seat == NO_SEAT else seat


ANSWER_STYLE = {
    "tercatat": ("green", "✔ TERCATAT"), "sudah_tercatat": ("green", "✔ SUDAH TERCATAT"),
    "sudah_hadir": ("yellow", "! SUDAH REGISTRASI"), "perlu_konfirmasi": ("yellow", "! SUDAH ADA"),
    "ditolak": ("red", "✘ DITOLAK"),
}


def show_answer(answer) -> None:
    """A desk's answer to one entry (a `Reply`, or the induk's `Jawaban`): what to hand over, what to watch."""
    style, label = ANSWER_STYLE.get(answer.status, ("red", answer.status))
    code = f" [dim]({escape(answer.kode)})[/]" if answer.status == "ditolak" and answer.kode else ""
    where = f"  [dim]{escape(answer.berkas)}[/]" if answer.status == "tercatat" and answer.berkas else ""
    console().print(f"[bold {style}]{label}:[/] {escape(answer.pesan)}{code}{where}")
    data = answer.data or {}
    if data.get("kursi"):
        kit = ", ".join(map(str, data.get("bursa_kit") or []))
        console().print(f"   Kursi: [bold]{escape(_seat(str(data['kursi'])))}[/]" +
                        (f"   Serahkan Bursa Kit: [bold]{escape(kit)}[/]" if kit else
                         "   Bursa Kit sudah diserahkan; tidak dicatat dua kali." if answer.status == "sudah_hadir"
                         else ""))
    for item in data.get("inovasi") or [] if isinstance(data.get("inovasi"), list) else []:
        console().print(f"   - {escape(choice_label(item))}")
    for inovasi_id, reason in (data.get("alasan") or {}).items():
        console().print(f"   [yellow]tanpa stempel:[/] {escape(inovasi_id)}: {escape(reason)}")
    if data.get("menggantikan"):
        console().print(f"   [yellow]Menggantikan kartu yang dicatat pukul {escape(data['menggantikan'])}.[/]")
    if data.get("belum_ditandatangani"):
        console().print(Panel(
            f"Kartu ini BELUM ditandatangani {escape(' dan '.join(data['belum_ditandatangani']))}.\n"
            "Kartu tetap dicatat, tetapi harus ditandatangani sebelum sertifikat dicetak;\n"
            "`bursa validasi` akan melaporkannya sebagai galat.",
            title="PERHATIAN", border_style="bold red", expand=False))
    if data.get("peringatan"):
        show_warning(str(data["peringatan"]))


def peserta_line(view: dict) -> str:
    """A participant as a desk shows them (`day/desks/views.peserta_view`): id · nama · peran · desa."""
    place = view.get("desa_label") if view.get("desa") else view.get("instansi")
    return " · ".join(str(part) for part in (view["id"], view["nama"], view.get("peran_label"), place) if part)


def choice_label(item: dict) -> str:
    """One item of a desk's numbered list: an innovation (with its stamps at Jendela 3), a role, a field."""
    from ..schema.types import BIDANG_SHORT

    if "judul" not in item:
        return str(item.get("label") or item["id"])
    label = f"{item['id']} {item['judul']}"
    if item.get("bidang"):
        label += f" ({BIDANG_SHORT.get(item['bidang'], item['bidang'])})"
    if "jumlah" in item:
        label += f" · {item['jumlah']} stempel"
    return label


def show_numbered(labels: Sequence[str]) -> None:
    """A numbered list whose long lines wrap under their text, not under the number (80 columns)."""
    width = len(f"{len(labels)}.")
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", min_width=max(width, 3), style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for number, label in enumerate(labels, start=1):
        grid.add_row(f"{number}.", Text(label))
    console().print(grid)


def show_choices(items: Sequence[dict]) -> None:
    show_numbered([choice_label(item) for item in items])


def show_village(view: dict) -> None:
    """A village at Jendela 3 (`views.desa_view`): its name, its stamps' heading, and what to watch."""
    if view.get("stempel"):
        console().print(f"Inovasi yang distempel: {escape(view['label'])}")
    else:
        console().print(f"Belum ada stempel untuk {escape(view['label'])}: "
                        "setiap inovasi yang dipilih memerlukan alasan.")
    if view.get("kartu"):
        show_warning(f"Kartu Komitmen desa ini sudah dicatat pukul {view['kartu']['jam']}; kartu baru menggantikannya "
                     "setelah petugas mengiyakan.")
    if view.get("luar_hari"):
        show_warning(str(view["luar_hari"]))


def show_session_end(count: int, what: str, file: str) -> None:
    where = f" di {file}" if count and file else ""
    console().print(f"Selesai: {count} {what} dicatat{escape(where)}.")


def show_key_made(path, root) -> None:
    from ..errors import rel

    console().print(f"[green]✔[/] Kunci sertifikat dibuat: {escape(rel(path, root))}\n"
                    "  Commit berkas ini ke git sekarang, lalu tarik (pull) di setiap laptop yang mencetak "
                    "sertifikat; jangan diterbitkan.")


def show_repairs(repairs: Sequence["Repair"]) -> None:
    if not repairs:
        console().print("[green]✔[/] Semua log utuh; tidak ada yang perlu diperbaiki.")
        return
    for repair in repairs:
        lines = ", ".join(map(str, repair.lines))
        console().print(
            f"[green]✔[/] {escape(repair.file)}: {repair.kept} entri utuh dipertahankan; "
            f"baris {lines} dipindahkan ke {escape(repair.side_file)}")


# --------------------------------------------------------------------------- pantau


def render_summary(summary: "Summary", title: str) -> Group:
    from ..schema.types import BIDANG_SHORT

    head = Text(title, style="bold")
    head.append(f"   diperbarui {summary.refreshed}", style="dim")

    reg = Table(title="Registrasi", title_justify="left", show_header=False, expand=True)
    reg.add_column(ratio=2)
    reg.add_column(justify="right", ratio=1)
    reg.add_row("Hadir", str(summary.registered))
    reg.add_row("Hadir / konfirmasi", f"{summary.registered_confirmed} / {summary.confirmed}")
    if summary.confirmed:
        reg.add_row("Kehadiran", f"{summary.registered_confirmed * 100 // summary.confirmed}%")
    reg.add_row("Tanpa undangan", str(summary.walk_ins))
    reg.add_row("Diundang", str(summary.invited))

    stamps = Table(title=f"Stempel: {summary.stamps}", title_justify="left", expand=True)
    stamps.add_column("Ruang")
    stamps.add_column("Jumlah", justify="right")
    stamps.add_column("Per meja")
    for room, count in summary.stamps_by_room.items():
        desks = "  ".join(f"{desk}: {n}" for desk, n in summary.stamps_by_desk.items()
                          if summary.room_of.get(desk, "?") == room)
        stamps.add_row(escape(summary.room_names.get(room, room)), str(count), escape(desks))

    cards = Table(title="Komitmen", title_justify="left", show_header=False, expand=True)
    cards.add_column(ratio=2)
    cards.add_column(justify="right", ratio=1)
    cards.add_row("Desa berkomitmen", f"{summary.villages} / {summary.villages_total}")
    for bidang, label in BIDANG_SHORT.items():
        cards.add_row(f"  {label}", str(summary.commitments_by_bidang.get(bidang, 0)))
    cards.add_row("Kartu tanpa ttd lengkap", str(summary.unsigned),
                  style="bold red" if summary.unsigned else None)
    cards.add_row("Kartu Ide", str(summary.ideas))
    cards.add_row("Penilaian", str(summary.ratings))

    grid = Table.grid(expand=True, padding=(0, 2))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(reg, cards)

    latest = Table(title="Terakhir masuk", title_justify="left", show_header=False, expand=True, box=None)
    latest.add_column(style="dim", no_wrap=True)
    latest.add_column()
    for item in summary.latest:
        latest.add_row(escape(item.waktu[11:19].replace(":", ".")), escape(item.text))

    parts = [head, grid, stamps, latest]
    if summary.problems:
        text = Text()
        for problem in summary.problems[:5]:
            text.append(f"{problem.location()}  {problem.message}\n", style="red")
        parts.append(Panel(text, title="Masalah log", border_style="red"))
    return Group(*parts)


def show_summary(summary: "Summary", title: str) -> None:
    console().print(render_summary(summary, title))


def watch(live: "LiveSummary", title: str, interval: float) -> None:
    """Full-screen summary, refreshed every `interval` seconds until Ctrl+C."""
    with Live(render_summary(live.refresh(), title), console=console(), screen=True,
              auto_refresh=False) as screen:
        try:
            while True:
                time.sleep(interval)
                screen.update(render_summary(live.refresh(), title), refresh=True)
        except KeyboardInterrupt:
            return  # Ctrl+C is how the officer closes the screen
