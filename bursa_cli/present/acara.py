"""Terminal views of the event folder: the validation report, status and init."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from . import console

if TYPE_CHECKING:
    from ..check import Report
    from ..check.summary import Summary
    from ..scaffold import InitResult

STATUS_STYLE = {"selesai": "green", "proses": "yellow", "belum": "dim"}


def show_report(report: "Report", fmt: str) -> None:
    """The validation report as a rich report, JSON, or `file:line:col: level: message` lines."""
    out = console()
    if fmt == "parsable":
        for problem in report.problems:
            out.print(problem.parsable(), markup=False, highlight=False, soft_wrap=True)
        return
    if fmt == "json":
        out.print_json(json.dumps(report_as_dict(report), ensure_ascii=False))
        return
    by_group: dict[str, list] = defaultdict(list)
    for problem in report.problems:
        group = f"Tahap {problem.stage}" if problem.stage else problem.file or "-"
        by_group[group].append(problem)
    if out.width < WIDE:
        _compact(by_group)
    else:
        _tables(by_group)
    _summary(report)


WIDE = 120  # from this many columns the report is a table; below (the Windows console's 80), a list


def _compact(by_group: dict[str, list]) -> None:
    """One heading per group, then per problem its location, level, code and message, the lines
    after the first indented.

    Why: a six-column table squeezed into 80 columns wraps every message into a narrow
    column (117 warnings took 1,421 lines) and cuts file names. Here a location is never
    cut; the field path is left to the wide table and JSON, since the line already points at it.
    """
    from rich.text import Text

    out = console()
    for group, problems in by_group.items():
        out.print(Text(group, style="bold"))
        for p in problems:
            head = Text(p.location() if p.line else (p.file or "-"), style="bold")
            head.append("  ")
            head.append(p.level, style="red" if p.is_error else "yellow")
            head.append(f"  {p.code}" if p.code else "")
            body = Text(p.message)
            # A value the message already says is not repeated; Y012's (the checks it holds back) is in JSON.
            if p.value and p.value not in p.message and p.code != "BUR-Y012":
                body.append(f" (nilai: {p.value})", style="dim")
            first, *rest = Text.assemble(head, "  ", body).wrap(out, out.width, overflow="fold")
            out.print(first)
            if rest:  # the rest hangs under the location, so the next location stands out
                for line in rest:
                    line.rstrip()
                for line in Text(" ").join(rest).wrap(out, out.width - 4, overflow="fold"):
                    out.print(Text("    ").append_text(line))


def _tables(by_group: dict[str, list]) -> None:
    out = console()
    for group, problems in by_group.items():
        table = Table(title=escape(group), title_justify="left", title_style="bold", expand=False,
                      show_lines=False, header_style="bold")
        table.add_column("Letak", no_wrap=True)
        table.add_column("Tingkat", no_wrap=True)
        table.add_column("Kode", no_wrap=True)
        table.add_column("Bagian")
        table.add_column("Masalah")
        table.add_column("Nilai")
        for p in problems:
            where = f"{p.file}:{p.line}:{p.column}" if p.stage else f"{p.line}:{p.column}"
            level = "[red]galat[/red]" if p.is_error else "[yellow]peringatan[/yellow]"
            table.add_row(escape(where), level, escape(p.code), escape(p.path), escape(p.message),
                          escape(p.value))
        out.print(table)


def _summary(report: "Report") -> None:
    out = console()
    out.print(_stage_table(report))
    for note in report.notes:
        out.print(f"[dim]Catatan ({escape(note.code)}, {escape(note.location())}):[/dim] {escape(note.message)}")
    errors, warnings = len(report.errors), len(report.warnings)
    scope = f"sampai tahap {report.up_to}" if report.up_to else "tahapan yang berstatus selesai"
    summary = (f"{len(report.files)} berkas diperiksa; kesiapan diperiksa untuk {scope}.\n"
               f"{errors} galat, {warnings} peringatan.")
    style = "red" if errors else ("yellow" if warnings else "green")
    title = "Belum lolos" if errors else "Lolos"
    out.print(Panel(summary, title=title, title_align="left", border_style=style, expand=False))


def _stage_table(report: "Report") -> Table:
    table = Table(title="Kesiapan tahapan", title_justify="left", title_style="bold", header_style="bold")
    table.add_column("No", justify="right")
    table.add_column("Tahap")
    table.add_column("Status")
    table.add_column("Kesiapan data")
    for number, stage in enumerate(report.stages, 1):
        style = STATUS_STYLE.get(stage.status, "")
        if stage.blocked:
            readiness = "[red]? belum dapat dinilai (berkasnya belum terbaca)[/red]"
        elif stage.ready:
            readiness = "[green]✔ siap[/green]"
        elif stage.enforced:
            readiness = f"[red]✘ {len(stage.problems)} masalah[/red]"
        else:
            readiness = f"[dim]{len(stage.problems)} hal belum lengkap (tidak diperiksa)[/dim]"
        table.add_row(str(number), f"{escape(stage.judul)} [dim]({stage.kode})[/dim]",
                      f"[{style}]{stage.status}[/{style}]", readiness)
    return table


def report_as_dict(report: "Report") -> dict:
    return {
        "folder": str(report.root),
        "galat": len(report.errors),
        "peringatan": len(report.warnings),
        "masalah": [p.as_json() for p in report.problems],
        "catatan": [p.as_json() for p in report.notes],
        "tahapan": [
            {"kode": s.kode, "judul": s.judul, "status": s.status, "siap": s.ready, "dinilai": not s.blocked,
             "diperiksa": s.enforced, "masalah": len(s.problems)}
            for s in report.stages
        ],
    }


def show_code(code) -> None:
    """One entry of the problem-code catalogue (`bursa validasi --jelaskan KODE`)."""
    level = {"galat": "[red]galat[/red]", "peringatan": "[yellow]peringatan[/yellow]"}.get(code.level, code.level)
    body = (f"[bold]Pesan:[/bold] {escape(code.shown)}\n[bold]Tingkat:[/bold] {level}\n\n"
            f"{escape(code.explanation)}")
    if code.hint:
        body += f"\n\n[bold]Saran:[/bold] {escape(code.hint.replace('{{', '{').replace('}}', '}'))}"
    console().print(Panel(body, title=escape(code.code), title_align="left", expand=False))


def show_codes(codes) -> None:
    """The whole catalogue, one line per code."""
    table = Table(title="Kode masalah", title_justify="left", title_style="bold", header_style="bold")
    table.add_column("Kode", no_wrap=True)
    table.add_column("Tingkat", no_wrap=True)
    table.add_column("Pesan")
    for code in codes:
        table.add_row(code.code, code.level, escape(code.shown))
    console().print(table)


def show_schemas(folder, written: list[str]) -> None:
    out = console()
    out.print(f"[green]✔[/green] {len(written)} JSON Schema ditulis di [bold]{escape(str(folder / 'skema'))}[/bold]")
    for path in written:
        out.print(f"  + {escape(path)}")
    out.print("Baris pertama setiap berkas YAML, [bold]# yaml-language-server: $schema=skema/....schema.json[/bold], "
              "membuat VS Code (ekstensi YAML) menandai kesalahan saat mengetik.")


def show_status(summary: "Summary") -> None:
    """The ten stages, the counts and the days left."""
    out = console()
    out.print(f"[bold]{escape(summary.nama)}[/bold]")
    out.print(f"{escape(summary.waktu)} · {escape(summary.tempat)}")
    out.print(f"[bold]{escape(summary.sisa_hari)}[/bold]\n")
    stages = Table(title="Tahapan persiapan", title_justify="left", title_style="bold", header_style="bold")
    stages.add_column("No", justify="right")
    stages.add_column("Tahap")
    stages.add_column("Status")
    stages.add_column("Tanggal")
    stages.add_column("Data")
    stages.add_column("Catatan")
    for number, row in enumerate(summary.tahapan, 1):
        style = STATUS_STYLE.get(row.status, "")
        data = ("[green]siap[/green]" if row.siap else f"[yellow]{row.kurang} hal kurang[/yellow]") if row.dinilai \
            else "[red]belum dapat dinilai[/red]"
        stages.add_row(str(number), escape(row.judul), f"[{style}]{row.status}[/{style}]",
                       escape(row.tanggal), data, escape(row.catatan))
    out.print(stages)
    counts = Table(title="Angka", title_justify="left", title_style="bold", show_header=False)
    counts.add_column("", style="bold")
    counts.add_column("", justify="right")
    for label, value in summary.angka:
        counts.add_row(escape(label), escape(str(value)))
    out.print(counts)
    if summary.per_ruang:
        rooms = Table(title="Inovasi terpilih per ruang dan bidang", title_justify="left",
                      title_style="bold", header_style="bold")
        rooms.add_column("Ruang")
        for bidang in summary.bidang:
            rooms.add_column(escape(bidang), justify="right")
        rooms.add_column("Jumlah", justify="right")
        for ruang, row in summary.per_ruang:
            rooms.add_row(escape(ruang), *[str(n) for n in row], str(sum(row)))
        out.print(rooms)
    if summary.masalah:
        out.print(f"[yellow]Data acara memuat {summary.masalah} galat; jalankan `bursa validasi` "
                  "untuk rinciannya.[/yellow]")


def show_init(result: "InitResult") -> None:
    out = console()
    out.print(f"[green]✔[/green] Acara baru dibuat di [bold]{escape(str(result.folder))}[/bold]")
    for path in result.created:
        out.print(f"  + {escape(path)}")
    for note in result.notes:
        out.print(f"  · {escape(note)}")
    for warning in result.warnings:
        out.print(f"[yellow]![/yellow] {escape(warning)}")
    out.print("\nLangkah berikutnya: lengkapi berkas YAML, lalu jalankan "
              f"[bold]bursa validasi {escape(str(result.folder))}[/bold].")
