"""`bursa init`: write a complete, valid event skeleton with Indonesian comments.

Everything is gathered first (the region list read, every file's text built,
every target checked), and only then written, so a refused or failed init
leaves nothing behind. An existing file is never overwritten.
"""

from __future__ import annotations

import csv
import io
import difflib
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from string import Template

from .certify.codes import KEY_FILE, key_text
from .errors import UsageError
from .paths import ASSETS
from .schema.skema import modeline, schema_files
from .fsutil import Staging
from .schema.types import kecamatan_of
from .schema.zona import PROVINCES, zone_of

SKELETON = ASSETS / "kerangka"
GITIGNORE = """\
# Hasil cetak dan berkas sementara bursa (dibuat ulang kapan saja)
keluaran/
*.tmp
# Kunci penulisan log pada hari-H
log/**/.*.lock
*.lock
# Perangkat yang dipasangkan ke `bursa layani` (hanya sidik token) dan sertifikat HTTPS-nya
.layani/
# Gladi bersih (`bursa layani --gladi`): data latihan, tidak pernah masuk log/ hari-H
gladi/
"""
# Logs and the register are append-only, one entry a line: a merge keeps both sides' lines,
# and `bursa validasi` then names any number or seat issued twice.
GITATTRIBUTES = """\
# Log hari-H dan register nomor hanya ditambah di akhir: gabungan git menyimpan baris kedua sisi.
log/**/*.yaml merge=union
register-nomor.yaml merge=union
"""
# The hook calls the interpreter that installed it (a venv need not be on PATH when git
# runs hooks) and checks what is staged, since that is what the commit records.
HOOK = """\
#!/bin/sh
# Dipasang oleh `bursa init --pasang-hook`: tolak commit bila data acara yang akan di-commit bermasalah.
FOLDER="$(git rev-parse --show-toplevel)/$REL"
if [ -x "$PYTHON" ]; then
    exec "$PYTHON" -m bursa_cli validasi --pra-commit "$FOLDER"
fi
exec bursa validasi --pra-commit "$FOLDER"
"""


@dataclass
class InitOptions:
    folder: Path
    kabupaten: str | None = None
    tanggal: date | None = None
    wilayah_csv: Path | None = None
    kode: str | None = None
    kecamatan: list[str] = field(default_factory=list)
    git: bool = True
    hook: bool = False
    today: date = field(default_factory=date.today)
    dari: Path | None = None  # the earlier event this one starts from (`--dari`)


@dataclass
class InitResult:
    folder: Path
    created: list[str]
    notes: list[str]
    warnings: list[str] = field(default_factory=list)


# What `init` writes where it cannot know the answer: `bursa validasi` flags it (BUR-T060).
IBU_KOTA_BLANK = "(isi ibu kota kabupaten: tempat penulisan surat)"


@dataclass
class Region:
    """A kabupaten/kota from the official list, with its kecamatan and desa."""

    kode: str
    nama: str
    kecamatan: list[tuple[str, str]]
    desa: list[tuple[str, str]]


def read_region(csv_path: Path, kode: str, only: list[str]) -> Region:
    """Read one kabupaten from a Kemendagri `kode,nama` list; kelurahan are left out."""
    if not csv_path.is_file():
        raise UsageError.coded("BUR-U018", berkas=csv_path)
    kode = kode.strip()
    nama = None
    kecamatan: list[tuple[str, str]] = []
    desa: list[tuple[str, str]] = []
    prefix = kode + "."
    raw = csv_path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved by Excel on Windows in the ANSI code page
        text = raw.decode("cp1252", errors="replace")
    for row in csv.reader(io.StringIO(text)):
        if len(row) < 2:
            continue
        code, name = row[0].strip(), row[1].strip()
        if code == kode:
            nama = name
        elif code.startswith(prefix):
            depth = code.count(".")
            if depth == 2:
                kecamatan.append((code, name))
            elif depth == 3 and code.rsplit(".", 1)[1][:1] in ("2", "3"):
                desa.append((code, name))
    if nama is None:
        raise UsageError.coded("BUR-U019", kode=kode, berkas=csv_path.name)
    if only:
        chosen = []
        by_name = {n.lower(): c for c, n in kecamatan}
        codes = {c for c, _ in kecamatan}
        for wanted in only:
            key = wanted.strip()
            if key in codes:
                chosen.append(key)
            elif key.lower() in by_name:
                chosen.append(by_name[key.lower()])
            else:
                close = difflib.get_close_matches(key.lower(), list(by_name), n=3)
                hint = f" Mungkin maksudnya: {', '.join(close)}." if close else ""
                raise UsageError.coded("BUR-U020", kecamatan=wanted, wilayah=nama, saran=hint)
        kecamatan = [k for k in kecamatan if k[0] in chosen]
        desa = [d for d in desa if kecamatan_of(d[0]) in chosen]
    return Region(kode, nama, kecamatan, desa)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def letter_town(nama_wilayah: str) -> str:
    """The town letters are written in: a kota's own name; for a kabupaten, a blank to fill in.

    Why no guess: a kabupaten's capital often has another name (Manggarai: Ruteng, Kupang:
    Oelamasi, Jayapura: Sentani), and no official list of capitals ships with bursa.
    """
    if nama_wilayah.startswith("Kota "):
        return nama_wilayah[len("Kota "):]
    return IBU_KOTA_BLANK


def is_blank(value: str) -> bool:
    """A value `init` left for the user to fill in: "(isi ...)"."""
    return value.strip().startswith("(isi")


def build_files(options: InitOptions, told: InitResult | None = None) -> dict[str, str | bytes]:
    """The text of every skeleton file, keyed by its path in the event folder; what the user should
    know about the guesses made (zone, letter town, villages) goes into `told`."""
    if options.dari is not None:
        return _files_from(options)
    told = told if told is not None else InitResult(Path(options.folder), [], [])
    region = None
    if options.wilayah_csv:
        if not options.kode:
            raise UsageError.coded("BUR-U021")
        region = read_region(options.wilayah_csv, options.kode, options.kecamatan)
    elif options.kecamatan:
        raise UsageError.coded("BUR-U022")
    nama_wilayah = region.nama if region else (
        f"Kabupaten {options.kabupaten}" if options.kabupaten else "Kabupaten Contoh")
    if options.kabupaten and region is None and options.kabupaten.startswith(("Kabupaten ", "Kota ")):
        nama_wilayah = options.kabupaten
    ibu_kota = letter_town(nama_wilayah)
    kode = region.kode if region else (options.kode or "")
    tanggal = options.tanggal or options.today + timedelta(days=90)
    kecamatan_yaml = "\n".join(
        f"    - kode: {_quote(code)}\n      nama: {_quote(name)}" for code, name in (region.kecamatan if region else [])
    ) or "    []  # contoh: - {kode: \"33.23.01\", nama: \"Bulu\"}"
    values = {
        "nama_acara": _quote(f"Bursa Inovasi Desa {nama_wilayah} Tahun {tanggal.year}"),
        "tanggal": tanggal.isoformat(),
        "gladi": (tanggal - timedelta(days=1)).isoformat(),
        "tahun_apbdes": str(tanggal.year + 1),
        "kode_wilayah": _quote(region.kode if region else (options.kode or "00.00")),
        "nama_wilayah": _quote(nama_wilayah),
        "ibu_kota": _quote(ibu_kota),
        "zona_waktu": zone_of(kode) or "WIB",
        "pemerintah": _quote(f"PEMERINTAH {nama_wilayah.upper()}"),
        "kecamatan": kecamatan_yaml,
        "cakupan": "klaster" if options.kecamatan else "kabupaten",
    }
    _tell(told, options, region, kode, ibu_kota)
    files = {}
    for source in sorted(SKELETON.glob("*.yaml")):
        files[source.name] = Template(source.read_text(encoding="utf-8")).substitute(values)
    files["desa.yaml"] = _desa_yaml(region)
    for name in [n for n in files if n.endswith(".yaml")]:  # the editor checks each file as it is typed
        files[name] = modeline(name) + files[name]
    files.update(schema_files())
    files[".gitignore"] = GITIGNORE
    files[".gitattributes"] = GITATTRIBUTES
    files[KEY_FILE] = key_text()  # one key for the whole event, shared through git from the start
    return files


def _tell(told: InitResult, options: InitOptions, region: Region | None, kode: str, ibu_kota: str) -> None:
    """The notes and warnings of what init filled in from the region code, and what it could not."""
    province = PROVINCES.get(kode.strip()[:2])
    if province:
        told.notes.append(f"zona_waktu: {province[1]} (Provinsi {province[0]}, kode {kode.strip()[:2]}).")
    else:
        told.warnings.append("zona_waktu ditulis WIB karena provinsinya tidak diketahui (tanpa --kode); "
                             "ubah di acara.yaml bila acara di wilayah WITA atau WIT.")
    if is_blank(ibu_kota):
        told.warnings.append("wilayah.ibu_kota belum diisi: tulis ibu kota kabupaten (tempat surat ditulis, "
                             "mis. Ruteng untuk Manggarai) di acara.yaml; bursa validasi mengingatkannya.")
    if region is None:
        return
    if not region.desa:
        where = "di kecamatan yang dipilih" if options.kecamatan else "sama sekali"
        told.warnings.append(
            f"{region.nama} ({region.kode}) tidak memiliki desa {where} menurut daftar wilayah: semuanya "
            "kelurahan, yang tidak memiliki APBDes dan tidak ikut Bursa. desa.yaml dibiarkan kosong; "
            "isi desa pesertanya sendiri, atau pilih kabupaten/kecamatan lain.")
    with_villages = {kecamatan_of(code) for code, _ in region.desa}
    for code, name in region.kecamatan:
        if code not in with_villages and options.kecamatan:
            told.warnings.append(f"Kecamatan {name} ({code}) tidak memiliki desa (hanya kelurahan); "
                                 "tidak ada desanya di desa.yaml.")
def _files_from(options: InitOptions) -> dict[str, str]:
    """The next Bursa from an earlier one (`--dari`): its region, kop, venue, OPD, P2KTD, committee,
    villages and catalogue; fresh stages, participants and logs (see `carryover`)."""
    from dataclasses import replace

    from .carryover import carry_over, next_acara

    if options.wilayah_csv or options.kode or options.kecamatan or options.kabupaten:
        raise UsageError.coded("BUR-U023")
    carried = carry_over(options.dari, options.today)  # refuses an old event whose data does not load
    acara, tanggal = next_acara(options.dari, options.tanggal)
    files = build_files(replace(options, dari=None, tanggal=tanggal))
    carried["acara.yaml"] = acara
    for name, text in carried.items():
        if isinstance(text, str) and name.endswith(".yaml") and not text.startswith("# yaml-language-server"):
            text = modeline(name) + text
        files[name] = text
    return files


def _desa_yaml(region: Region | None) -> str:
    lines = [
        "# Desa peserta Bursa Inovasi Desa: kode Kemendagri (PP.KK.CC.NNNN) dan nama.",
        "# Kelurahan (NNNN diawali 1) tidak memiliki APBDes, jadi tidak ikut.",
    ]
    if region is None or not region.desa:
        lines.append("[]  # contoh butir: - {kode: \"33.23.01.2001\", nama: \"Bulu\"}")
        return "\n".join(lines) + "\n"
    names = dict(region.kecamatan)
    current = None
    for code, name in region.desa:
        kecamatan = kecamatan_of(code)
        if kecamatan != current:
            current = kecamatan
            lines.append(f"\n# Kecamatan {names.get(kecamatan, kecamatan)} ({kecamatan})")
        lines.append(f"- kode: {_quote(code)}\n  nama: {_quote(name)}")
    return "\n".join(lines) + "\n"


def _inside_git(folder: Path) -> Path | None:
    probe = folder
    while not probe.exists():
        probe = probe.parent
    try:
        out = subprocess.run(["git", "-C", str(probe), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 else None


def create_event(options: InitOptions) -> InitResult:
    """Create the event folder; refuse, writing nothing, if any target file exists."""
    folder = Path(options.folder)
    told = InitResult(folder, [], [])
    files = build_files(options, told)
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        raise UsageError.coded("BUR-U024", folder=folder, daftar=', '.join(existing))
    notes = told.notes
    git_root = _inside_git(folder)
    git = shutil.which("git")
    with Staging() as staging:
        for name, text in files.items():
            staging.add(folder / name, text)
    created = list(files)
    if options.git and git_root is None:
        if git is None:
            notes.append("git tidak ditemukan; folder dibuat tanpa repositori git.")
        else:
            made = subprocess.run(["git", "init", "-q", str(folder)], capture_output=True, text=True)
            if made.returncode == 0:
                # `git init -b` needs Git 2.28; naming the branch afterwards works everywhere.
                subprocess.run(["git", "-C", str(folder), "symbolic-ref", "HEAD", "refs/heads/main"],
                               capture_output=True)
                git_root = folder.resolve()
                notes.append("Repositori git baru dibuat; simpan perubahan dengan git commit.")
            else:
                notes.append(f"git init gagal ({made.stderr.strip()[:120]}); folder dibuat tanpa repositori git.")
    elif git_root is not None:
        notes.append(f"Folder berada di dalam repositori git {git_root}.")
    if options.hook:
        if git_root is None:
            notes.append("Hook tidak dipasang: folder bukan repositori git.")
        else:
            hook = git_root / ".git" / "hooks" / "pre-commit"
            if hook.exists():
                notes.append(f"Hook {hook} sudah ada; tidak ditimpa.")
            else:
                relative = folder.resolve().relative_to(git_root.resolve()).as_posix()
                with Staging() as staging:
                    staging.add(hook, HOOK.replace("$REL", relative if relative != "." else "").replace(
                        '"$PYTHON"', shlex.quote(sys.executable)))
                hook.chmod(0o755)
                notes.append("Pre-commit hook dipasang: setiap commit menjalankan bursa validasi.")
    elif git_root is not None:
        notes.append("Tambahkan --pasang-hook agar setiap commit menjalankan bursa validasi.")
    return InitResult(folder, created, notes, told.warnings)
