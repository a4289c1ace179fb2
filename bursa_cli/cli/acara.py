"""Commands on the event folder itself: init, validasi, status, skema."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import FOLDER, complete_tahap, parse_date


class Format(str, Enum):
    rich = "rich"
    json = "json"
    parsable = "parsable"


def init(
    folder: Path = typer.Argument(..., help="Folder acara baru."),
    kabupaten: Optional[str] = typer.Option(None, "--kabupaten", help="Nama kabupaten, mis. \"Temanggung\"."),
    tanggal: Optional[str] = typer.Option(None, "--tanggal", help="Tanggal acara, TTTT-BB-HH."),
    wilayah: Optional[Path] = typer.Option(None, "--wilayah", help="Daftar kode wilayah Kemendagri (CSV kode,nama)."),
    kode: Optional[str] = typer.Option(None, "--kode", help="Kode kabupaten, mis. 33.23 (bersama --wilayah)."),
    kecamatan: Optional[list[str]] = typer.Option(
        None, "--kecamatan", help="Batasi ke kecamatan ini (kode atau nama); boleh diulang."),
    git: bool = typer.Option(True, "--git/--tanpa-git", help="Mulai repositori git bila belum ada."),
    hook: bool = typer.Option(False, "--pasang-hook", help="Pasang pre-commit hook yang menjalankan bursa validasi."),
    dari: Optional[Path] = typer.Option(
        None, "--dari", help="Folder acara Bursa sebelumnya: OPD, P2KTD, panitia, desa dan menu inovasi dibawa "
                             "(sortir dikosongkan), dengan bukti tindak lanjutnya."),
) -> None:
    """Membuka acara baru: kerangka folder YAML yang lengkap dan sah."""
    from ..present.acara import show_init
    from ..scaffold import InitOptions, create_event

    parsed = parse_date(tanggal) if tanggal else None
    result = create_event(InitOptions(
        folder=folder, kabupaten=kabupaten, tanggal=parsed, wilayah_csv=wilayah, kode=kode,
        kecamatan=kecamatan or [], git=git, hook=hook, dari=dari))
    show_init(result)


def validasi(
    folder: Path = FOLDER,
    tahap: Optional[str] = typer.Option(
        None, "--tahap", autocompletion=complete_tahap,
        help="Periksa kesiapan semua tahapan sampai tahap ini, mis. gladi-bersih."),
    format: Format = typer.Option(Format.rich, "--format", help="rich, json atau parsable (berkas:baris:kolom)."),
    strict: bool = typer.Option(False, "--ketat", "--strict", help="Peringatan dihitung sebagai galat."),
    jelaskan: Optional[str] = typer.Option(
        None, "--jelaskan", metavar="KODE",
        help="Jelaskan satu kode masalah (mis. BUR-K002), atau 'semua' untuk daftar kode; tidak memeriksa folder."),
    pra_commit: bool = typer.Option(
        False, "--pra-commit",
        help="Periksa berkas seperti yang akan di-commit (indeks git), bukan isi folder; dipakai pre-commit hook."),
) -> None:
    """Memeriksa data, kaitan antarberkas dan kesiapan setiap tahapan."""
    from ..check import validate_event
    from ..present.acara import show_report
    from ..errors import ExitCode

    if jelaskan is not None:
        _explain(jelaskan)
        return
    if pra_commit:
        from ..check.staged import staged_event

        with staged_event(folder) as staged:
            report = validate_event(staged, up_to_stage=tahap, strict=strict)
            report.root = folder
            show_report(report, format.value)
    else:
        report = validate_event(folder, up_to_stage=tahap, strict=strict)
        show_report(report, format.value)
    raise typer.Exit(int(ExitCode.DATA if report.errors else ExitCode.OK))


def skema(folder: Path = FOLDER) -> None:
    """Menulis JSON Schema setiap berkas acara ke folder skema/, untuk penyunting seperti VS Code."""
    from ..errors import UsageError
    from ..present.acara import show_schemas
    from ..schema.skema import write_schemas

    if not (folder / "acara.yaml").is_file():
        raise UsageError.coded("BUR-U004", folder=folder)
    show_schemas(folder, write_schemas(folder))


def _explain(code: str) -> None:
    from ..codes import CODES, explain
    from ..errors import UsageError
    from ..present.acara import show_code, show_codes

    if code.strip().lower() == "semua":
        show_codes(CODES.values())
        return
    entry = explain(code)
    if entry is None:
        raise UsageError.coded("BUR-U001", kode=code)
    show_code(entry)


def status(folder: Path = FOLDER) -> None:
    """Ringkasan persiapan: sepuluh tahapan, angka-angka dan sisa hari."""
    from ..check.summary import summarize
    from ..present.acara import show_status

    show_status(summarize(folder, today=date.today()))
