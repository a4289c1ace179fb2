"""Terminal output of `bursa cetak` and `bursa templat`."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table

from . import console, success, warn
from ..errors import rel


def produced(result) -> None:
    """The files one `bursa cetak` run wrote, with their page counts."""
    names = [f"{result.folder.name}/{output.name}" if output.kept is None
             else f"{rel(output.kept.folder, result.folder.parent)}/" for output in result.outputs]
    # A file name is never cut (at 80 columns `.pdf`, `.csv` and `.docx` must stay readable):
    # its column is as wide as the longest name, and only a name wider than the screen folds.
    widest = max(map(len, names), default=6)
    table = Table(title=f"bursa cetak {result.kind}", title_justify="left", show_edge=False)
    width = console().width
    name_width = min(widest, max(20, width - 36))
    table.add_column("Berkas", style="bold", width=name_width, overflow="fold")
    table.add_column("Halaman", justify="right", no_wrap=True, width=7)
    table.add_column("Isi", width=max(12, width - name_width - 15))  # 15: padding and rules
    kept = [output.kept for output in result.outputs if output.kept is not None]
    for name, output in zip(names, result.outputs):
        if output.kept is None:
            table.add_row(escape(name), "" if output.pages is None else str(output.pages), escape(output.what))
        else:
            table.add_row(escape(name), str(output.pages), escape(f"{output.what}, {len(output.kept.done)} berkas"))
    console().print(table)
    for output in kept:
        _kept(output, result.folder.parent)
    for note in result.notes:
        warn(note)
    if result.omitted:
        warn(f"{len(result.omitted)} {result.omitted_heading}")
        for problem in result.omitted:
            console().print(f"  {escape(problem.location())}  {escape(problem.message)}")
    if result.preview:
        warn("Ini CONTOH (--contoh): hanya sebagian butir, bertanda CONTOH, nomor surat tidak dicatat.")
    written = len(result.outputs) - len(kept) + sum(not d.skipped for k in kept for d in k.done)
    if written:
        success(f"{written} berkas ditulis ke {result.folder}")
    else:
        success(f"Tidak ada yang berubah; berkas di {result.folder} sudah terbaru.")


def _kept(kept, root: Path) -> None:
    """What an output kept in batches (certificates) did: rendered, kept, removed, merged."""
    out = console()
    rendered = [d for d in kept.done if not d.skipped]
    skipped = [d for d in kept.done if d.skipped]
    out.print(f"[green]✔[/green] {kept.items} {kept.unit} dalam {len(kept.done)} berkas "
              f"({kept.pages} halaman) di {escape(rel(kept.folder, root))}")
    if rendered:
        out.print(f"  dicetak: {len(rendered)} batch dalam {kept.seconds:.1f} detik")
    if skipped:
        out.print(f"  dilewati (tidak berubah): {len(skipped)} batch. Cetak ulang semua: --ulang")
    if kept.removed:
        out.print(f"  dihapus (tidak dipakai lagi): {escape(', '.join(kept.removed))}")
    if kept.merged:
        out.print(f"  gabungan: {escape(rel(kept.merged, root))}")


def copied(path: Path) -> None:
    success(f"Templat disalin ke {path}")
    console().print("Ubah berkas itu; bursa cetak memakainya mendahului templat bawaan. "
                    "Untuk mengganti satu blok saja, tulis {% extends \"bawaan/NAMA\" %} di templat Anda.")


def templates(names: list[str]) -> None:
    for name in names:
        console().print(name, markup=False)


class BatchProgress:
    """A progress bar for the batches of a long output (letters, cards, posters).

    Refreshed only when a batch is done, from this thread: no refresh thread
    runs while the pipeline forks its workers.
    """

    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console(), transient=True, auto_refresh=False)
        self.tasks: dict[str, object] = {}

    def __enter__(self) -> "BatchProgress":
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def on_batch(self, done: int, total: int, name: str) -> None:
        task = self.tasks.get(name)
        if task is None:
            task = self.tasks[name] = self.progress.add_task(f"{name}: batch", total=total)
        self.progress.update(task, completed=done)
        self.progress.refresh()
