"""Terminal output of `bursa cetak` and `bursa templat`."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from . import console, success, warn


def produced(result) -> None:
    """The files one `bursa cetak` run wrote, with their page counts."""
    table = Table(title=f"bursa cetak {result.kind}", title_justify="left", show_edge=False)
    table.add_column("Berkas", style="bold")
    table.add_column("Halaman", justify="right")
    table.add_column("Isi")
    for output in result.outputs:
        table.add_row(f"{result.folder.name}/{output.name}",
                      "" if output.pages is None else str(output.pages), output.what)
    console().print(table)
    for note in result.notes:
        warn(note)
    if result.preview:
        warn("Ini CONTOH (--contoh): hanya sebagian butir, bertanda CONTOH, nomor surat tidak dicatat.")
    success(f"{len(result.outputs)} berkas ditulis ke {result.folder}")


def copied(path: Path) -> None:
    success(f"Templat disalin ke {path}")
    console().print("Ubah berkas itu; bursa cetak memakainya mendahului templat bawaan. "
                    "Untuk mengganti satu blok saja, tulis {% extends \"bawaan/NAMA\" %} di templat Anda.")


def templates(names: list[str]) -> None:
    for name in names:
        console().print(name)


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
