"""Build event folders for tests from plain Python data.

`make_event(tmp_path)` writes a small event that passes `bursa validasi`;
`changes` replaces whole files: a `str` is written as-is (so a test controls
every line number), a list/dict is dumped as YAML, and a list under `log/`
is written one entry per line in the log format.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from bursa_cli.cli.app import app
from bursa_cli.schema.logfile import format_entry

REPO = Path(__file__).resolve().parents[1]
CONTOH = REPO / "contoh-kabupaten"
WILAYAH_CSV = REPO.parent / "shared" / "data" / "wilayah" / "wilayah.csv"  # the whole country, when present

# A few rows of the official list, for tests of behaviour that must run without the whole list.
WILAYAH_KECIL = """kode,nama
33,Jawa Tengah
33.23,Kabupaten Temanggung
33.23.01,Bulu
33.23.01.2001,Bulu
33.23.01.2002,Tegalurung
33.23.01.2003,Campursari
33.23.02,Tembarak
33.23.02.2001,Tembarak
33.23.02.2002,Menggoro
"""


def small_region_list(folder: Path) -> Path:
    """Write `WILAYAH_KECIL` into `folder` and return its path."""
    path = Path(folder) / "wilayah-kecil.csv"
    path.write_text(WILAYAH_KECIL, encoding="utf-8")
    return path

NIP_KADIN = "196805121990031005"

MINIMAL: dict[str, Any] = {
    "acara.yaml": {
        "nama": "Bursa Inovasi Desa Kabupaten Contoh Tahun 2026",
        "tanggal": "2026-11-12",
        "jam_mulai": "08.00",
        "zona_waktu": "WIB",
        "tahun_apbdes": 2027,
        "wilayah": {
            "kode": "33.23",
            "nama": "Kabupaten Temanggung",
            "ibu_kota": "Temanggung",
            "kecamatan": [{"kode": "33.23.01", "nama": "Bulu"}],
        },
        "penyelenggara": {
            "pemerintah": "PEMERINTAH KABUPATEN TEMANGGUNG",
            "nama": "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
            "singkatan": "DPMD",
            "alamat": "Jl. Pahlawan No. 1, Temanggung",
            "kepala": {
                "nama": "Drs. Bambang Sutrisno, M.Si.",
                "jabatan": "KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                "pangkat": "Pembina Utama Muda",
                "golongan": "IV/c",
                "nip": NIP_KADIN,
            },
        },
        "penomoran": {"unit": "DPMD"},
        "tempat": {
            "nama": "Gedung Pemuda",
            "alamat": "Jl. Jenderal Sudirman No. 5, Temanggung",
            "ruang": [
                {"kode": "J1", "nama": "Ruang Pleno", "jenis": "pleno", "kapasitas": 20},
                {"kode": "A", "nama": "Bursa A", "jenis": "bursa", "kapasitas": 20,
                 "bidang": ["kewirausahaan", "psdm", "infrastruktur"], "meja": ["A-01", "A-02"]},
                {"kode": "J3", "nama": "Jendela 3", "jenis": "jendela3", "kapasitas": 10},
                {"kode": "REG", "nama": "Registrasi", "jenis": "registrasi", "kapasitas": 10},
            ],
        },
        "bursa_kit": ["Kartu ID", "Kartu Komitmen", "Kartu Ide", "Katalog"],
        "materi": {"kartu_komitmen": 5, "kartu_id": 10, "kartu_ide": 10, "stempel": 2,
                   "poster": 2, "spanduk": 1, "katalog": 10},
        # Last, so the lines above stay where the cases under kasus/ expect them.
        # The minimal event carries no emblem file, on purpose; its certificates point to a page.
        "dokumen": {"kop_tanpa_lambang": True, "alamat_verifikasi": "https://dpmd.temanggungkab.go.id/verifikasi/"},
    },
    "tahapan.yaml": [{"kode": kode, "status": "belum"} for kode in (
        "konsultasi-agenda", "tempat", "rapat-pembukaan", "sk", "pembekalan", "sortir",
        "rapat-bursa", "survei-lokasi", "materi", "gladi-bersih")],
    "opd.yaml": [{"id": "DINKES", "nama": "Dinas Kesehatan", "kepala": "Kepala Dinas Kesehatan",
                  "bidang": ["psdm"]}],
    "panitia.yaml": [
        {"id": "TIK-01", "nama": "dr. Sri Wahyuni", "nip": "197501012000032001",
         "pangkat": "Pembina", "golongan": "IV/a", "jabatan": "Kepala Bidang Kesehatan Masyarakat",
         "opd": "DINKES", "tim": "TIK", "kedudukan": "Ketua", "jendela": 2, "ruang": "A", "meja": "A-01"},
        {"id": "TIK-02", "nama": "Agus Santoso, S.T.", "nip": "198003032005011002",
         "pangkat": "Penata", "golongan": "III/c", "jabatan": "Kepala Seksi Prasarana Desa",
         "opd": "DINKES", "tim": "TIK", "kedudukan": "Anggota", "jendela": 2, "ruang": "A", "meja": "A-02"},
        {"id": "PAN-01", "nama": "Siti Aminah, S.Sos.", "nip": "198505052010012003",
         "pangkat": "Penata Muda Tingkat I", "golongan": "III/b", "jabatan": "Kepala Seksi Kelembagaan",
         "tim": "Panitia", "kedudukan": "Ketua"},
    ],
    "p2ktd.yaml": [{"id": "P2KTD-01", "nama": "Universitas Tidar", "jenis": "Perguruan tinggi",
                    "bidang": ["kewirausahaan", "psdm", "infrastruktur"]}],
    "inovasi.yaml": [
        {"id": "INO-001", "judul": "Posyandu Remaja", "bidang": "psdm",
         "desa_asal": "Desa Ketapanrame, Kab. Mojokerto", "opd_pengkaji": "DINKES",
         "ringkasan": "Posyandu khusus remaja.", "biaya": 15000000, "p2ktd": ["P2KTD-01"],
         "sortir": {"keputusan": "dipertahankan", "opd": "DINKES"}, "ruang": "A", "meja": "A-01"},
        {"id": "INO-002", "judul": "Jalan Rabat Beton Swadaya", "bidang": "infrastruktur",
         "desa_asal": "Desa Ponggok, Kab. Klaten", "opd_pengkaji": "DINKES",
         "ringkasan": "Jalan desa dengan swadaya warga.", "biaya": 90000000,
         "sortir": {"keputusan": "dipertahankan", "opd": "DINKES"}, "ruang": "A", "meja": "A-02"},
    ],
    "desa.yaml": [{"kode": "33.23.01.2001", "nama": "Bulu"}, {"kode": "33.23.01.2002", "nama": "Tegalurung"}],
    "peserta.yaml": [
        {"id": "P-0001", "nama": "Suparman", "peran": "kepala-desa", "desa": "33.23.01.2001", "konfirmasi": "ya"},
        {"id": "P-0002", "nama": "Mulyono", "peran": "ketua-bpd", "desa": "33.23.01.2001", "konfirmasi": "ya"},
        {"id": "P-0003", "nama": "Sri Lestari", "peran": "kepala-desa", "desa": "33.23.01.2002", "konfirmasi": "ya"},
        {"id": "P-0004", "nama": "Widodo", "peran": "ketua-bpd", "desa": "33.23.01.2002", "konfirmasi": "ya"},
    ],
}


# An event made by `bursa init` has its certificate key from the start; tests use a fixed one.
MINIMAL["kunci-sertifikat.txt"] = "# kunci sertifikat untuk uji\n" + "5e" * 32 + "\n"


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def make_event(root: Path, changes: dict[str, Any] | None = None, base: str = "minimal") -> Path:
    """Write an event folder at `root` (created) and return it.

    `base` is "minimal" (the small event above) or "contoh" (a copy of
    contoh-kabupaten). A `None` value in `changes` deletes that file.
    """
    root = Path(root)
    if base == "contoh":
        shutil.copytree(CONTOH, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("keluaran", ".git"))
        files: dict[str, Any] = {}
    else:
        root.mkdir(parents=True, exist_ok=True)
        files = copy.deepcopy(MINIMAL)
    files.update(changes or {})
    for name, content in files.items():
        path = root / name
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif name.startswith("log/"):
            path.write_text("# log\n" + "".join(format_entry(e) for e in content), encoding="utf-8")
        else:
            path.write_text(dump_yaml(content), encoding="utf-8")
    return root


def minimal_data(name: str) -> Any:
    """A fresh copy of one file of the minimal event, to modify in a test."""
    return copy.deepcopy(MINIMAL[name])


def edited(name: str, changes: dict[str, Any]) -> Any:
    """One file of the minimal event with each dotted path of `changes` set (a number is a list
    index); a `None` value removes the key."""
    data = minimal_data(name)
    for path, value in changes.items():
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = data
        for part in parents:
            target = target[part]
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return data


_BOX = str.maketrans({c: " " for c in "│╭╮╰╯─┃┏┓┗┛━┡┩┠┨╇┼┳┻╋┃┣┫┬┴├┤└┘┌┐"})


def plain(output: str) -> str:
    """Terminal output with panel borders removed and all white space folded,
    so a test can look for a sentence that rich wrapped across lines."""
    return " ".join(output.translate(_BOX).split())


def bursa(*args: Any, input: str | None = None):
    """Run `bursa ARGS` in-process, 200 columns wide; each argument is str()-ed, so paths can be passed."""
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env={"COLUMNS": "200"})


def session_processes(sid: int) -> list[int]:
    """Live processes of session `sid` (Linux /proc): a command started with start_new_session
    and everything it started, zombies left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def forked_workers(pid: int) -> list[int]:
    """The processes of session `pid` forked from the command itself (the same command line).

    Why not every process of the session: importing WeasyPrint runs short-lived helpers
    (gcc and ld, looking for the Pango and HarfBuzz libraries) in the same session.
    """
    def command_line(of: int) -> bytes:
        try:
            return Path(f"/proc/{of}/cmdline").read_bytes()
        except OSError:
            return b""

    line = command_line(pid)
    return [other for other in session_processes(pid) if other != pid and command_line(other) == line]


def kill_9_with_workers(args: list[str], ready=lambda: True) -> list[int]:
    """Start `bursa ARGS` in its own session and kill -9 it once two forked workers are seen and
    `ready()` holds; assert that the command died of it and that no process of its session
    outlives it. Returns the workers seen, for the test to count."""
    import os
    import signal
    import subprocess
    import sys
    import time

    process = subprocess.Popen([sys.executable, "-m", "bursa_cli", *args], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        seen: list[int] = []
        while time.monotonic() < deadline and process.poll() is None:
            workers = forked_workers(process.pid)  # the command's two workers, seen in one look
            if len(workers) >= 2 and ready():
                seen = workers
                break
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL, "the run finished before it could be interrupted"
        deadline = time.monotonic() + 15
        while session_processes(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert session_processes(process.pid) == [], "a worker outlived kill -9 of its command"
        return seen
    finally:
        for pid in session_processes(process.pid):
            os.kill(pid, signal.SIGKILL)


def print_certificates(root: Path, options=None, **changes):
    """`bursa cetak sertifikat` through the pipeline: what its batches left (`render.batches.Kept`)."""
    import dataclasses

    from bursa_cli.render.job import Options, produce

    options = dataclasses.replace(options or Options(), **changes)
    return produce("sertifikat", root, options).outputs[0].kept
