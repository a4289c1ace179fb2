"""One `bursa cetak JENIS` run: gather first, write afterwards.

The stages follow MkDocs: load the event (refusing if it has errors), let the
document's `build(job)` check what it needs and queue its outputs, stop with
ALL missing items if anything is missing, then render every output into a
temporary file and move them all into `keluaran/` at the end.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from ..errors import DataError, Problem, UsageError
from .kinds import KIND_BY_NAME, KINDS, KORESPONDENSI, Kind, builder
from ..fsutil import Staging
from ..day.area import area_of
from ..paths import OUTPUT_DIR

WORK_DIR = ".sebagian"  # inside keluaran/: finished batches of an output not yet merged
from .origin import Provenance
from .pdf import Renderer


@dataclass
class Options:
    """What the user asked for on the command line."""

    contoh: int | None = None  # render only the first N items, as a preview
    rapat: str | None = None  # one meeting (kode tahapan or "hari-h") instead of all
    today: date | None = None  # the date of printing (fixed in tests)
    jobs: int | None = None  # worker processes for long outputs (bawaan: the cores)
    batch: int | None = None  # items per batch of a long output (bawaan: the document's own)
    ulang: bool = False  # render every batch of a resumable output again
    gabung: bool = False  # a resumable output also as one merged file
    desa: list[str] = field(default_factory=list)  # only these villages (kode or name)
    kecamatan: list[str] = field(default_factory=list)  # only these kecamatan (kode or name)
    lewati_belum_lengkap: bool = False  # print the others when some items cannot be printed yet
    bidang: str | None = None  # only one bidang (the recap)
    keluaran: Path | None = None  # write the one output here instead of keluaran/ (`rekap --keluaran`)
    gladi: bool = False  # the rehearsal: entries from gladi/log/, outputs in gladi/keluaran/, marked CONTOH
    hanya_hari_acara: bool = False  # the recap leaves out entries of log/ dated outside the event day
    folder_lain: list[Path] = field(default_factory=list)  # further events in one follow-up report
    per: date | None = None  # the follow-up report's reference date (bawaan: today)
    batas: date | None = None  # the date the follow-up letters ask the data back by


@dataclass
class Output:
    name: str  # file name inside keluaran/
    make: Callable[[], bytes | str]
    what: str  # one line for the terminal: what is in it
    pages: int | None = None  # filled for PDFs after rendering
    parts: list[tuple[str, dict[str, Any]]] | None = None  # for PDFs: (template, context), in order
    title: str = ""
    split: str = ""  # for a long PDF: the list of its context rendered in batches (render/batches.py)
    size: int = 0  # items per batch
    apart: Any = None  # a `batches.Apart`: the batches stay files of their own, resumable
    numbered: bool = False  # the page numbers stamped after the batches are joined (`batches.numbered`)
    kept: Any = None  # for an output kept apart: the `batches.Kept` it left, after rendering


@dataclass
class Job:
    """What a document's `build` gets: the event, a renderer and where to report."""

    event: Any
    options: Options
    renderer: Renderer
    problems: list[Problem] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    omitted: list[Problem] = field(default_factory=list)  # items left out of this print, with the reason
    omitted_heading: str = ""
    on_batch: Callable[[int, int, str], None] | None = None  # (batches done, batches, file name)
    kind: Kind | None = None  # the registry entry being printed
    _before_commit: list[Callable[[], None]] = field(default_factory=list)
    _work: list[Path] = field(default_factory=list)
    _finally: list[Callable[[], None]] = field(default_factory=list)

    @property
    def acara(self):
        return self.event.acara

    @property
    def today(self) -> date:
        return self.renderer.today

    @property
    def preview(self) -> bool:
        return self.options.contoh is not None

    def signatory(self, pejabat):
        """`pejabat` as this kind of naskah dinas writes him (Permendagri 1/2023 Pasal 44)."""
        from .ttd import signatory

        return signatory(pejabat, self.kind.naskah if self.kind else KORESPONDENSI)

    def output_name(self, stem: str, suffix: str = ".pdf") -> str:
        """'poster.pdf', or 'poster-contoh.pdf' under --contoh so a preview never replaces the real file."""
        return f"{stem}-contoh{suffix}" if self.preview else f"{stem}{suffix}"

    def sample(self, items: list) -> list:
        """The first N items under `--contoh N`, all of them otherwise."""
        return items if self.options.contoh is None else items[: self.options.contoh]

    def left_out(self, problems: list[Problem], heading: str) -> None:
        """Items this print leaves out on purpose (the user asked to skip them), shown after it."""
        self.omitted.extend(problems)
        self.omitted_heading = heading if problems else self.omitted_heading

    def pdf(self, name: str, template: str, context: dict[str, Any], title: str, what: str = "",
            parts: list[tuple[str, dict[str, Any]]] | None = None, split: str = "", size: int = 0,
            apart=None, numbered: bool = False) -> None:
        """Queue a PDF: one template, or several `parts` joined into one file.

        `split` names the long list of `context` (one page or sheet per item):
        the pipeline then renders it in batches of `size` (or `--batch`), in
        parallel, into this one file. With `apart` (a `batches.Apart`) the
        batches stay files of their own beside a manifest, and a killed run
        resumes where it stopped. With `numbered` the template's block
        `nomor_halaman` is stamped on every page once the batches are joined.
        """
        from .batches import BATCH

        output = Output(name, lambda: b"", what or title, parts=[(template, context), *(parts or [])],
                        title=title, split=split, size=size or BATCH, apart=apart, numbered=numbered)
        if split and self.options.batch:
            output.size = self.options.batch

        def make() -> bytes:
            if output.split:  # in batches kept in a work folder until merged, so a killed run resumes
                from .batches import render_resumable

                work = self.work_folder(output.name)
                self._work.append(work)
                data, output.pages = render_resumable(self.renderer, output.parts, title, output.split,
                                                      output.size, self.jobs, work, self.options.ulang,
                                                      self._report(output.name), warm=output.numbered)
            else:
                data, output.pages = self.renderer.pdf_joined(output.parts, title)
            if output.numbered:
                from .batches import numbered as stamped

                data = stamped(self.renderer, data, output.parts[0], title)
            return data

        output.make = make
        self.outputs.append(output)

    @property
    def jobs(self) -> int:
        from .batches import default_jobs

        return self.options.jobs or default_jobs()

    def _report(self, name: str):
        return self.on_batch and (lambda done, total: self.on_batch(done, total, name))

    def work_folder(self, name: str) -> Path:
        """Where the finished batches of output `name` wait until it is merged (`keluaran/.sebagian/`)."""
        return area_of(Path(self.event.root), self.options.gladi).base / OUTPUT_DIR / WORK_DIR / name.replace("/", "_")

    def drop_work(self) -> None:
        """Remove the batches' work folders: once merged, or after a refusal (nothing is left behind).

        Kept only when the run is interrupted (Ctrl-C, `kill -9`, power loss), so it resumes.
        """
        for work in self._work:
            shutil.rmtree(work, ignore_errors=True)
            with contextlib.suppress(OSError):  # another output's batches still wait there
                work.parent.rmdir()  # keluaran/.sebagian/, once empty
        self._work.clear()

    def keep_apart(self, output: Output, out_dir: Path) -> None:
        """Render an output whose batches stay apart, into its folder (each batch written when done)."""
        from .batches import render_apart

        output.kept = render_apart(self.renderer, output.parts, output.title, output.split, output.size,
                                   self.jobs, out_dir / output.name, output.apart, self._report(output.name))
        output.pages = output.kept.pages

    def file(self, name: str, make: Callable[[], bytes | str], what: str) -> None:
        """Queue any other file (DOCX, CSV)."""
        self.outputs.append(Output(name, make, what))

    def before_commit(self, action: Callable[[], None]) -> None:
        """Run `action` after every output rendered, before any is moved into place."""
        self._before_commit.append(action)

    def finish(self) -> None:
        """Run the cleanup actions once (release locks)."""
        actions, self._finally = self._finally, []
        for action in reversed(actions):
            action()

    def cleanup(self, action: Callable[[], None]) -> None:
        """Run `action` at the end of the run, whatever happened (e.g. release a lock)."""
        self._finally.append(action)


@dataclass
class Produced:
    kind: str
    folder: Path
    outputs: list[Output]
    notes: list[str]
    preview: bool
    omitted: list[Problem] = field(default_factory=list)
    omitted_heading: str = ""


def produce(kind: str, folder: Path, options: Options | None = None,
            origin: Provenance | None = None,
            on_batch: Callable[[int, int, str], None] | None = None) -> Produced:
    """Print one kind of document of the event in `folder` into `folder/keluaran/`.

    `on_batch(done, total, name)` hears of each batch of a long output.
    """
    from .pango import require_pango

    require_pango()  # before anything is planned or numbered: WeasyPrint cannot start without it
    job = plan(kind, folder, options, origin)
    job.on_batch = on_batch
    out_dir = area_of(Path(folder), job.options.gladi).base / OUTPUT_DIR
    try:
        staging = Staging()
        try:
            for output in job.outputs:
                if output.apart is not None:  # written batch by batch, so a killed run resumes
                    job.keep_apart(output, out_dir)
                else:
                    staging.add(_target(job, out_dir, output), output.make())
            if not (out_dir / ".gitignore").exists():  # outputs never go into git
                staging.add(out_dir / ".gitignore", "# Dibuat bursa cetak: hasil cetak tidak disimpan di git.\n*\n")
            for action in job._before_commit:
                action()
        except BaseException as exc:
            staging.discard()
            if not isinstance(exc, KeyboardInterrupt):
                job.drop_work()
            raise
        staging.commit()
        job.drop_work()
    finally:
        job.finish()
    return Produced(kind, out_dir, job.outputs, job.notes, job.preview, job.omitted, job.omitted_heading)


def _target(job: Job, out_dir: Path, output: Output) -> Path:
    """Where an output goes: `keluaran/NAME`, or the file the user named for a single output."""
    if job.options.keluaran is None:
        return out_dir / output.name
    if len(job.outputs) != 1:
        raise UsageError.coded("BUR-C117")
    return Path(job.options.keluaran)


def plan(kind: str, folder: Path, options: Options | None = None,
         origin: Provenance | None = None) -> Job:
    """Load the event and let the document check its data and queue its outputs; nothing is written.

    The caller must call `job.finish()` (it releases the letter-number register).
    """
    from ..check.gate import gate

    options = options or Options()
    spec = KIND_BY_NAME.get(kind)
    if spec is None:
        names = ", ".join(k.name for k in KINDS)
        raise UsageError.coded("BUR-C118", jenis=kind, daftar=names)
    if options.contoh is not None and options.contoh < 1:
        raise UsageError.coded("BUR-C119")
    if options.jobs is not None and options.jobs < 1:
        raise UsageError.coded("BUR-C120")
    folder = Path(folder)
    passed = gate(folder, spec.need or f"cetak:{kind}", rapat=options.rapat, logs=area_of(folder, options.gladi).logs)
    job = Job(passed.event, options, Renderer(passed.event, today=options.today, origin=origin), kind=spec)
    job.notes.extend(note.message for note in passed.notes)
    try:
        builder(spec)(job)
        if job.problems:
            raise DataError.coded("BUR-C103", problems=job.problems, jenis=kind)
    except BaseException:
        job.finish()
        raise
    return job
