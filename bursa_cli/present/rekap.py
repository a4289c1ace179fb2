"""The recap in the terminal: rich tables, long views cut short unless --semua."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table as RichTable

from . import console
from ..errors import rel
from ..recap.tables import DECIMAL, INT, LIST, RUPIAH, TEXT, YEAR, YESNO, Table, cell_text, recap_tables
from ..indo import ribuan, rupiah

SHORT_LIMIT = 15


def show_recap(recap, everything: bool = False) -> None:
    """Print every view; views longer than 15 rows are cut unless `everything`."""
    out = console()
    title = f"[bold]Rekap {escape(recap.nama_acara)}[/bold]"
    filters = []
    if recap.filter_kecamatan:
        filters.append("kecamatan " + escape(", ".join(recap.filter_kecamatan)))
    if recap.filter_bidang:
        filters.append(f"bidang {escape(recap.filter_bidang)}")
    if filters:
        title += f"  [dim](hanya {'; '.join(filters)})[/dim]"
    out.print(title)
    if recap.luar_hari:
        from ..codes import say

        nasib = "ikut dihitung" if recap.luar_hari_dihitung else "tidak dihitung (--hanya-hari-acara)"
        said = say("BUR-G004", jumlah=recap.luar_hari, hari=recap.hari_acara, nasib=nasib)
        out.print(f"[bold yellow]! {said['message']} ({said['code']})[/]")
    for table in recap_tables(recap):
        out.print(_rich_table(table, None if everything else SHORT_LIMIT))
    if not everything:
        out.print("[dim]Tabel dipotong 15 baris. Semua baris: --semua, atau --format xlsx.[/dim]")


def _rich_table(table: Table, limit: int | None) -> RichTable:
    view = RichTable(title=escape(table.title), title_justify="left", title_style="bold")
    shown = [i for i, c in enumerate(table.columns) if c.screen]
    for i in shown:
        column = table.columns[i]
        numeric = column.kind in (INT, DECIMAL, RUPIAH, YEAR)
        wide = column.kind in (LIST, TEXT) and column.width > 30
        view.add_column(escape(column.header), justify="right" if numeric else "left", overflow="fold",
                        min_width=12 if wide else None, no_wrap=column.kind in (YESNO, YEAR))
    rows = table.rows if limit is None else table.rows[:limit]
    for row in rows:
        view.add_row(*(escape(_cell(row[i], table.columns[i].kind)) for i in shown))
    if limit is not None and len(table.rows) > limit:
        view.caption = f"… dan {len(table.rows) - limit} baris lagi"
    if not table.rows:
        view.caption = "(tidak ada)"
    return view


def _cell(value, kind: str) -> str:
    if value is None:
        return "-"
    if kind == RUPIAH:
        return rupiah(value)
    if kind == INT:
        return ribuan(value)
    return cell_text(value, kind, ",")


def show_written(paths: list[Path], root: Path | None) -> None:
    out = console()
    if len(paths) == 1:
        out.print(f"[green]✔[/green] Rekap ditulis ke {escape(rel(paths[0], root))}")
        return
    folders = sorted({rel(p.parent, root) for p in paths})
    out.print(f"[green]✔[/green] {len(paths)} berkas rekap ditulis ke {escape(', '.join(folders))}")


# --------------------------------------------------------------------------- certificates


def show_verification(result) -> None:
    """The answer of `bursa verifikasi`: what the code certifies, or why it does not."""
    from rich.panel import Panel
    from rich.text import Text

    out = console()
    if result.sertifikat is None:
        body = Text(result.message)
        out.print(Panel(body, title="Kode TIDAK dikenal", title_align="left", border_style="red", expand=False))
        return
    s = result.sertifikat
    body = Text()
    body.append(f"Kode {s.kode} adalah kode sertifikat {result.acara}.\n\n")
    body.append("Kepala Desa : ", style="bold")
    body.append(f"{s.kepala_desa}\n")
    body.append("Desa        : ", style="bold")
    body.append(f"{s.desa} ({s.desa_kode}), Kecamatan {s.kecamatan}\n")
    body.append("APBDes      : ", style="bold")
    body.append(f"Tahun {s.tahun_apbdes}\n")
    body.append("Inovasi     :", style="bold")
    for number, item in enumerate(s.inovasi, start=1):
        body.append(f"\n  {number}. {item.judul} (Bidang {item.bidang_label})")
    if result.message:
        body.append(f"\n\n{result.message}", style="yellow")
    style = "yellow" if result.superseded else "green"
    title = "Kode sah, tetapi sertifikat LAMA" if result.superseded else "Kode SAH"
    out.print(Panel(body, title=title, title_align="left", border_style=style, expand=False))


def _seconds(value: float | None) -> str:
    """42.5 -> "42,5 dtk", 95.0 -> "1 mnt 35 dtk", None -> "-"."""
    if value is None:
        return "-"
    if value < 60:
        return f"{value:.1f}".removesuffix(".0").replace(".", ",") + " dtk"
    whole = int(value + 0.5)
    return f"{whole // 60} mnt {whole % 60} dtk"


def _codes(counts) -> str:
    return ", ".join(f"{code} \u00d7{n}" for code, n in counts.most_common()) or "-"


def show_timing(timing) -> None:
    """`bursa rekap --gladi`: what the rehearsal measured, for the evening briefing."""
    out = console()
    out.print("[bold black on yellow] GLADI BERSIH \u2014 data latihan [/] [bold]Laporan waktu gladi bersih[/]")
    if timing.mulai:
        out.print(f"Entri pertama {timing.mulai[11:16].replace(':', '.')}, terakhir "
                  f"{timing.selesai[11:16].replace(':', '.')} (gladi/log/).")
    for title, rows, by_desk in (("Per peran", timing.peran, False), ("Per meja", timing.meja, True)):
        view = RichTable(title=title, title_justify="left", title_style="bold")
        view.add_column("Peran")
        if by_desk:
            view.add_column("Meja/perangkat")
        for header in ("Entri", "Median antarpindaian", "P90", "Jeda >10 mnt"):
            view.add_column(header, justify="right")
        view.add_column("Penolakan per kode", overflow="fold")
        for pace in rows:
            view.add_row(pace.label, *([pace.meja] if by_desk else []), ribuan(pace.entri), _seconds(pace.median),
                         _seconds(pace.p90), ribuan(pace.jeda), _codes(pace.tolak))
        if not rows:
            view.caption = "(belum ada entri di gladi/log/)"
        out.print(view)
    out.print(f"Penolakan seluruhnya: {_codes(timing.tolak)}")
    registrasi = timing.registrasi
    if timing.meja_registrasi is None:
        out.print("[yellow]Belum ada dua registrasi berurutan di satu meja: jumlah meja registrasi belum dapat "
                  "dihitung.[/]")
        return
    out.print(f"[bold]Meja registrasi yang diperlukan: {timing.meja_registrasi}[/] untuk "
              f"{ribuan(timing.peserta_konfirmasi)} peserta terkonfirmasi dalam {timing.jendela_menit} menit "
              f"(median {_seconds(registrasi.median)} per registrasi); "
              f"{timing.meja_registrasi_p90} meja bila setiap registrasi selama p90 ({_seconds(registrasi.p90)}).")
