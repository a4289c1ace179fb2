"""`bursa cetak sertifikat`: certificates in numbered batches, resumable and in parallel.

Why batches: WeasyPrint's cost per document (parsing the CSS, loading the
fonts, starting the layout) is paid once per batch instead of once per
certificate, which is what makes 852 certificates fast. Each batch is one
PDF, `sertifikat-001.pdf` ..., written atomically by the process that renders it.

Why a manifest: `manifest.json` in the output folder records, per batch, a
hash of everything that batch is made of (its certificates, the event's
header data, the templates, the logo and photos). A batch whose hash is
unchanged and whose PDF exists is skipped; the manifest is rewritten
atomically after each batch, so a run killed at any moment (even kill -9)
leaves only whole PDFs and the next run finishes the rest.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from ..errors import DataError, Problem, UsageError
from ..fsutil import write_atomic
from ..check.gate import gate
from ..render.output import OUTPUT_DIR
from .codes import KEY_FILE
from .data import Sertifikat, collect, refuse_unsigned

TEMPLATE = "sertifikat.html"
TEMPLATES_USED = ("sertifikat.html", "sertifikat.css", "base.html", "base.css", "surat.html")
FOLDER = "sertifikat"
SELECTION = "pilihan"  # subfolder for --desa / --kecamatan runs
PREVIEW = "contoh"  # subfolder for --contoh runs
MANIFEST = "manifest.json"
MERGED = "sertifikat-semua.pdf"
FULL_FONTS_FROM = 10  # certificates in a batch from which its PDF embeds whole fonts
FORMAT_VERSION = 1


@dataclass
class Options:
    batch: int = 50
    jobs: int = 1
    gabung: bool = False
    ulang: bool = False
    desa: list[str] = field(default_factory=list)
    kecamatan: list[str] = field(default_factory=list)
    contoh: int | None = None
    today: date | None = None
    lewati_belum_lengkap: bool = False  # print the others when a card in force lacks a signature


@dataclass
class Batch:
    index: int
    name: str
    certificates: list[Sertifikat]
    digest: str


@dataclass
class BatchDone:
    name: str
    pages: int
    certificates: int
    skipped: bool
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the rendering process for this batch
    worker: int = 0  # process id of the process that rendered it
    peak_mb: float = 0.0  # peak resident memory of the process that rendered it


@dataclass
class Plan:
    """What a run will do, known before anything is rendered (for the progress bar)."""

    folder: Path
    batches: list[Batch]
    todo: list[Batch]
    certificates: int


@dataclass
class Printed:
    folder: Path
    done: list[BatchDone]
    merged: Path | None
    certificates: int
    key_created: bool
    removed: list[str]
    preview: bool
    seconds: float
    setup_seconds: float = 0.0  # loading, checking and planning, before the first batch starts
    left_out: list[Problem] = field(default_factory=list)  # villages whose card lacks a signature


def print_certificates(root: Path, options: Options | None = None,
                       on_plan: Callable[[Plan], None] | None = None,
                       on_batch: Callable[[BatchDone], None] | None = None) -> Printed:
    """Render the certificates of the event at `root` into `keluaran/sertifikat/`."""
    options = options or Options()
    if options.batch < 1:
        raise UsageError("--batch harus paling sedikit 1.")
    if options.jobs < 1:
        raise UsageError("--jobs harus paling sedikit 1.")
    if options.contoh is not None and options.contoh < 1:
        raise UsageError("--contoh harus paling sedikit 1.")
    started = time.perf_counter()
    root = Path(root)
    pool_context = _start_workers() if options.jobs > 1 else None
    event = gate(root, "cetak:sertifikat").event  # refuses on every requirement of the certificates
    key_created = not (root / KEY_FILE).exists()
    gathered = collect(event, desa=options.desa, kecamatan=options.kecamatan)
    left_out = refuse_unsigned(gathered, options.lewati_belum_lengkap)
    problems = list(gathered.problems)
    signer = _signer(event, problems)
    if problems:
        raise DataError("Data untuk sertifikat belum lengkap; belum ada sertifikat yang dicetak.", problems,
                        hint="Lengkapi data di atas lalu jalankan lagi.")
    certificates = gathered.certificates
    if not certificates:
        raise UsageError("Belum ada Kartu Komitmen yang tercatat, jadi belum ada sertifikat untuk dicetak.",
                         hint="Kartu Komitmen dicatat di Jendela 3 dengan `bursa komitmen`.")
    preview = options.contoh is not None
    out = root / OUTPUT_DIR / FOLDER
    if preview:
        out, certificates = out / PREVIEW, certificates[: options.contoh]
        size = len(certificates)
    elif options.desa or options.kecamatan:
        out, size = out / SELECTION, options.batch
    else:
        size = options.batch
    out.mkdir(parents=True, exist_ok=True)
    _clean_temporaries(out)

    shared = _shared_digest(root, event, signer, preview)
    batches = []
    for start in range(0, len(certificates), size):
        chunk = certificates[start:start + size]
        digest = hashlib.sha256((shared + _chunk_digest(root, chunk)).encode()).hexdigest()
        name = "sertifikat-contoh.pdf" if preview else f"sertifikat-{start // size + 1:03d}.pdf"
        batches.append(Batch(start // size + 1, name, chunk, digest))

    manifest = _read_manifest(out)
    held = manifest.get("berkas", {})
    todo = [b for b in batches
            if options.ulang or held.get(b.name, {}).get("hash") != b.digest or not (out / b.name).is_file()]
    if on_plan:
        on_plan(Plan(out, batches, todo, len(certificates)))

    done: list[BatchDone] = []
    current = {b.name for b in batches}
    # Entries of batches that no longer exist are dropped before rendering, so
    # the manifest never vouches for a file about to be removed.
    manifest = {"versi": FORMAT_VERSION, "berkas": {n: v for n, v in held.items() if n in current}}

    def record(batch: Batch, result: BatchDone, write: bool = True) -> None:
        manifest["berkas"][batch.name] = {
            "hash": batch.digest, "halaman": result.pages,
            "desa": [c.desa_kode for c in batch.certificates]}
        if write:
            _write_manifest(out, manifest)
        done.append(result)
        if on_batch:
            on_batch(result)

    todo_names = {b.name for b in todo}
    skipped = [b for b in batches if b.name not in todo_names]
    for batch in skipped:
        record(batch, BatchDone(batch.name, held[batch.name].get("halaman", len(batch.certificates)),
                                len(batch.certificates), skipped=True), write=False)
    if skipped:
        _write_manifest(out, manifest)  # once for all the skipped batches
    context = _worker_context(event, signer, options, preview)
    setup = time.perf_counter() - started
    if pool_context is None or len(todo) <= 1:
        _init_worker(*context)
        for batch in todo:
            record(batch, _render_batch(batch, str(out)))
    else:
        with ProcessPoolExecutor(max_workers=min(options.jobs, len(todo)), mp_context=pool_context,
                                 initializer=_init_worker, initargs=context) as pool:
            pending = {pool.submit(_render_batch, batch, str(out)): batch for batch in todo}
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    record(pending.pop(future), future.result())

    removed = _remove_stale(out, current, held)
    merged = None
    if options.gabung and not preview:
        merged = _merge(out, batches, manifest, force=options.ulang or any(not d.skipped for d in done))
    done.sort(key=lambda d: d.name)
    return Printed(out, done, merged, len(certificates), key_created, removed, preview,
                   time.perf_counter() - started, setup, left_out)


def _start_workers():
    """Start the forkserver now, so it imports WeasyPrint while this process loads the event.

    Workers fork from that small clean server, not from this process (which may
    hold a large event, and a progress-bar thread that fork must not copy).
    Windows has no fork: there each worker is spawned and imports for itself.
    The server and every worker die with this process (`render.lifeline`).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from ..render.lifeline import start_forkserver

    context = multiprocessing.get_context("forkserver")
    start_forkserver(context, ["bursa_cli.certify.batch", "weasyprint"])
    return context


# --------------------------------------------------------------------------- the signer


def _signer(event, problems: list) -> object:
    """The Kepala Dinas or the Bupati, as `acara.dokumen.penanda_tangan_sk` says."""
    acara = event.acara
    if acara.dokumen.penanda_tangan_sk == "bupati":
        if acara.bupati is None:
            source = event.sources.get("acara.yaml")
            message = ("dokumen.penanda_tangan_sk adalah bupati, tetapi data bupati belum diisi "
                       "(nama, jabatan) di acara.yaml.")
            problems.append(source.problem(("dokumen", "penanda_tangan_sk"), message) if source
                            else Problem(message, file="acara.yaml"))
        return acara.bupati
    return acara.penyelenggara.kepala


# --------------------------------------------------------------------------- hashes and manifest


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


def _shared_digest(root: Path, event, signer, preview: bool) -> str:
    """What every batch depends on: templates, the event's header data, the logo."""
    from ..render.env import make_env

    env = make_env(root)
    parts = [str(FORMAT_VERSION), str(preview), event.acara.model_dump_json(), signer.model_dump_json()]
    for name in TEMPLATES_USED:
        parts.append(env.loader.get_source(env, name)[0])
    logo = event.acara.penyelenggara.logo
    if logo:
        parts.append(_file_digest(root / logo))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _chunk_digest(root: Path, chunk: list[Sertifikat]) -> str:
    data = [c.as_dict() for c in chunk]
    photos = [_file_digest(root / c.foto) for c in chunk if c.foto]
    return json.dumps([data, photos], sort_keys=True, ensure_ascii=False)


def _read_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("versi") == FORMAT_VERSION else {}


def _write_manifest(out: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(out / MANIFEST, text + "\n")


def _clean_temporaries(out: Path) -> None:
    """Temporary files left by a run that was killed mid-write (never a finished PDF)."""
    for temp in out.glob(".*.tmp"):
        temp.unlink(missing_ok=True)


def _remove_stale(out: Path, current: set[str], held: dict) -> list[str]:
    """Batch files of an earlier run that this run no longer produces (fewer villages)."""
    removed = []
    for name in sorted(held):
        if name not in current and name.startswith("sertifikat-") and (out / name).is_file():
            (out / name).unlink()
            removed.append(name)
    return removed


def _merge(out: Path, batches: list[Batch], manifest: dict, force: bool) -> Path:
    """All batches as one PDF (pypdf), rebuilt only when a batch changed."""
    from pypdf import PdfWriter

    target = out / MERGED
    joined = hashlib.sha256("".join(b.digest for b in batches).encode()).hexdigest()
    if not force and target.is_file() and manifest.get("gabungan") == joined:
        return target
    writer = PdfWriter()
    for batch in batches:
        writer.append(str(out / batch.name))
    writer.add_metadata({"/Title": "Sertifikat Komitmen Replikasi Inovasi Desa (semua)"})
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(target, buffer.getvalue())
    manifest["gabungan"] = joined
    _write_manifest(out, manifest)
    return target


# --------------------------------------------------------------------------- rendering (in workers)

_WORKER: dict = {}


def _worker_context(event, signer, options: Options, preview: bool) -> tuple:
    """Small, picklable data each worker needs: no whole event crosses the process boundary."""
    from ..render.origin import provenance

    acara = event.acara
    return (str(event.root), acara, signer, acara.dokumen.alamat_verifikasi or "", preview,
            options.today, provenance(Path(event.root)))


def _init_worker(root: str, acara, signer, alamat: str, preview: bool, today, origin) -> None:
    """Set up once per process: the Jinja environment, the fetcher, the compiled template."""
    from ..render.pdf import Renderer

    if multiprocessing.parent_process() is not None:  # a worker: it ends when its parent ends
        from ..render.lifeline import die_with_parent

        die_with_parent()

    stand_in = SimpleNamespace(root=Path(root), acara=acara)
    _WORKER.update(renderer=Renderer(stand_in, today=today, origin=origin), signer=signer,
                   alamat=alamat, preview=preview)


def _peak_memory_kb() -> float:
    """This process's peak resident memory in KiB (0 where the OS does not say, e.g. Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _render_batch(batch: Batch, out: str) -> BatchDone:
    """One batch as ONE WeasyPrint document, written atomically to `out/batch.name`."""
    from ..render.qr import qr_svg

    started, cpu = time.perf_counter(), time.process_time()
    renderer = _WORKER["renderer"]
    certificates = []
    for cert in batch.certificates:
        item = cert.as_dict()
        item["qr"] = qr_svg(cert.tautan)
        certificates.append(item)
    title = "Sertifikat Komitmen Replikasi Inovasi Desa"
    html = renderer.html(TEMPLATE, {"sertifikat": certificates, "penanda": _WORKER["signer"],
                                    "alamat_verifikasi": _WORKER["alamat"],
                                    "contoh": _WORKER["preview"]}, title)
    document = renderer.document(html, share_style=True)
    # Whole fonts pay off in a long batch (no subsetting per file); for the one certificate
    # printed on demand at Jendela 3 they cost more: measured on the largest event, 2.25 s
    # against 1.2 s to render and 879 KB against 19 KB.
    data = renderer.write(document, batch=len(batch.certificates) >= FULL_FONTS_FROM)
    write_atomic(Path(out) / batch.name, data)
    peak_kb = _peak_memory_kb()
    return BatchDone(batch.name, len(document.pages), len(batch.certificates), skipped=False,
                     seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu,
                     worker=os.getpid(), peak_mb=peak_kb / 1024)
