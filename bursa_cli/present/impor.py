"""Terminal output of `bursa impor` and `bursa ekspor`: the mapping used, what changes, what is refused."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..schema.models import PERAN_LABEL
from . import console

SHOWN_ROWS = 200  # longer lists are cut in the terminal; problems are never cut
ROW_FIELDS = {
    "peserta": (("id", "ID"), ("nama", "Nama"), ("peran", "Peran"), ("desa", "Desa"), ("telepon", "No HP")),
    "inovasi": (("id", "ID"), ("judul", "Judul"), ("bidang", "Bidang"), ("opd_pengkaji", "OPD")),
    "panitia": (("id", "ID"), ("nama", "Nama"), ("tim", "Tim"), ("kedudukan", "Kedudukan"), ("nip", "NIP")),
}


def sheet_choices(path: Path, names: list[str]) -> None:
    out = console()
    out.print(f"[bold]{escape(path.name)}[/bold] berisi {len(names)} sheet:")
    for number, name in enumerate(names, start=1):
        out.print(f"  {number}. {escape(name)}")


def show_invalid(message: str) -> None:
    console().print(f"[red]✘[/] {escape(message)}")


def show_plan(plan, dry_run: bool = False, update: bool = False) -> None:
    """The mapping, then the rows that would be added, changed or refused."""
    from ..impor.columns import KINDS, column_letter

    out = console()
    out.print(f"[bold]Berkas:[/bold] {escape(plan.table.shown)}   [bold]baris judul kolom:[/bold] {plan.mapping.header_row}")
    if plan.table.hidden:
        out.print("[dim]Sheet tersembunyi diabaikan: " + escape(", ".join(f"'{n}'" for n in plan.table.hidden))
                  + " (baca dengan --sheet NAMA)[/dim]")
    if plan.tail:
        first, last, opening = plan.tail
        rows = f"Baris {first}" if first == last else f"Baris {first}-{last}"
        out.print(f"[dim]{rows} di bawah tabel dilewati: tanda tangan atau catatan ('{escape(opening)}'), "
                  "bukan data.[/dim]")
    labels = {c.name: c.label for c in KINDS[plan.kind]}
    table = Table(title="Pemetaan kolom", title_justify="left", show_lines=False)
    table.add_column("Isian")
    table.add_column("Kolom di berkas")
    table.add_column("Cara", style="dim")
    for name, index in sorted(plan.mapping.fields.items(), key=lambda item: item[1]):
        table.add_row(f"{name} ({labels[name]})", f"{column_letter(index)}: {escape(plan.mapping.headers[index])}",
                      escape(plan.mapping.how.get(name, "")))
    out.print(table)
    unused = plan.mapping.unused()
    if unused:
        out.print("[dim]Kolom yang tidak dipakai: " + ", ".join(f"'{escape(h)}'" for h in unused) + "[/dim]")

    if not plan.rows:
        out.print(f"[yellow]![/yellow] Tidak ada baris data di bawah baris judul kolom {plan.mapping.header_row}.")
    added, changed = plan.having("baru"), plan.having("berubah")
    same, refused = plan.having("sama"), plan.having("ditolak")
    verb = "akan " if dry_run else ""
    out.print(Text.assemble(
        (f"{len(added)} {verb}ditambah", "green"), "   ",
        (f"{len(changed)} berubah", "yellow"), "   ",
        (f"{len(same)} sudah ada", "dim"), "   ",
        (f"{len(refused)} ditolak", "red" if refused else "dim")))
    if plan.new_villages:
        out.print(f"Desa baru dari daftar kode wilayah ({verb}ditambahkan ke desa.yaml): "
                  + escape(", ".join(f"{v.nama} ({v.kode})" for v in plan.new_villages)))
    if added:
        _rows(plan, added, f"Yang {verb}ditambahkan ke {plan.target}", "green")
    if changed:
        table = Table(title=f"Yang berubah dibanding {plan.target}"
                            + ("" if update else " (diterapkan hanya dengan --perbarui)"),
                      title_justify="left")
        for column in ("Baris", "ID", "Isian", "Lama", "Baru"):
            table.add_column(column)
        for row in changed[:SHOWN_ROWS]:
            for name, (old, new) in row.changes.items():
                table.add_row(str(row.number), escape(row.match or ""), name, _show(old), _show(new))
        out.print(table)
    warnings = [p for r in plan.rows for p in r.problems if not p.is_error]
    if refused or warnings:
        table = Table(title="Masalah (setiap baris, setiap kolom)", title_justify="left")
        table.add_column("Baris", justify="right")
        table.add_column("Kolom")
        table.add_column("Tingkat")
        table.add_column("Masalah", overflow="fold")
        for problem in sorted(plan.problems, key=lambda p: (p.line, p.column)):
            style = "red" if problem.is_error else "yellow"
            table.add_row(str(problem.line), column_letter(problem.column - 1) if problem.column else "-",
                          Text(problem.level, style=style), escape(problem.message))
        out.print(f"[bold]{escape(plan.table.shown)}[/bold]")
        out.print(table)


def _rows(plan, rows, title: str, style: str) -> None:
    fields = ROW_FIELDS[plan.kind]
    table = Table(title=title, title_justify="left", title_style=style)
    table.add_column("Baris", justify="right")
    for _, label in fields:
        table.add_column(label)
    for row in rows[:SHOWN_ROWS]:
        cells = []
        for name, _ in fields:
            value = row.record.get(name, "")
            if name == "desa" and row.village is not None:
                value = row.village.nama
            elif name == "peran":
                value = PERAN_LABEL.get(value, value)
            cells.append(_show(value))
        table.add_row(str(row.number), *cells)
    console().print(table)
    if len(rows) > SHOWN_ROWS:
        console().print(f"… dan {len(rows) - SHOWN_ROWS} baris lain")


def _show(value) -> str:
    """A cell as rich markup: the spreadsheet's text is data, so its brackets are escaped."""
    if value is None or value == "":
        return "-"
    if isinstance(value, list):
        return escape(", ".join(map(str, value)))
    return escape(str(value))


def show_outcome(outcome) -> None:
    out = console()
    plan = outcome.plan
    if outcome.added:
        out.print(f"[green]✔[/green] {outcome.added} {plan.kind} ditambahkan ke {plan.target}.")
    if outcome.updated:
        out.print(f"[green]✔[/green] {outcome.updated} {plan.kind} diperbarui di {plan.target}.")
    if plan.new_villages:
        out.print(f"[green]✔[/green] {len(plan.new_villages)} desa ditambahkan ke desa.yaml.")
    if not outcome.written:
        out.print("Tidak ada yang berubah" + (": semua baris sudah ada di data acara." if plan.rows else "."))
    for skipped in outcome.skipped_updates:
        out.print(f"[yellow]![/yellow] Tidak diperbarui otomatis: {escape(skipped)}")
    if outcome.rejected_file is not None:
        out.print(f"[yellow]![/yellow] {len(plan.having('ditolak'))} baris ditolak disimpan ke "
                  f"{escape(str(outcome.rejected_file))}; perbaiki lalu impor berkas itu lagi.")


def show_export(kind: str, count: int, path: Path) -> None:
    console().print(f"[green]✔[/green] {count} {kind} ditulis ke {escape(str(path))}")


def show_templates(templates) -> None:
    out = console()
    if not templates:
        return
    table = Table(title=f"Templat daftar peserta per kecamatan, di {escape(str(templates[0].path.parent))}",
                  title_justify="left")
    table.add_column("Kecamatan")
    table.add_column("Desa", justify="right")
    table.add_column("Baris isian", justify="right")
    table.add_column("Berkas", overflow="fold")
    for item in templates:
        table.add_row(escape(item.kecamatan), str(item.villages), str(item.rows), escape(item.path.name))
    out.print(table)
