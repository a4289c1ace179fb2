#!/usr/bin/env python3
"""Siapkan lingkungan dan jalankan pekerjaan utama bursa, hanya dengan Python 3.11+.

    python3 tugas.py demo   # siapkan .venv, lalu validasi, status, dokumen dan rekap contoh-kabupaten
    python3 tugas.py uji    # siapkan .venv dengan alat uji, lalu jalankan seluruh uji (pytest)

Tidak ada yang dipasang di luar folder .venv. Bila pustaka sistem Pango (yang
dibutuhkan WeasyPrint untuk membuat PDF) belum ada, skrip ini berhenti dan
menyebutkan persis apa yang harus dipasang.
"""

from __future__ import annotations

import ctypes.util
import os
import platform
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONTOH = ROOT / "contoh-kabupaten"
KELUARAN = CONTOH / "keluaran"

# Dokumen contoh yang dibuat oleh `demo`, berurutan seperti tahapan persiapan.
DEMO_DOKUMEN = [
    "undangan", "sk", "susunan-acara", "daftar-hadir", "poster", "katalog", "denah",
    "kartu-id", "kartu-cadangan", "kartu-komitmen", "kartu-ide", "sertifikat", "halaman-verifikasi",
]

PANGO_HELP = """\
Pustaka sistem Pango belum terpasang; WeasyPrint membutuhkannya untuk membuat PDF.
Pasang dulu, lalu ulangi perintah ini:
  Debian/Ubuntu : sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  Fedora        : sudo dnf install -y pango
  macOS (brew)  : brew install pango
  Windows 11    : pasang GTK3 runtime 64-bit; bila foldernya bukan C:\\Program Files\\GTK3-Runtime Win64,
                  isi WEASYPRINT_DLL_DIRECTORIES dengan folder bin-nya (lihat README, "Memasang di Windows")
  Windows 10    : WeasyPrint hanya mendukung Windows 11; jalankan bursa di dalam WSL2 (lihat README)
"""
# Where WeasyPrint looks for GTK's DLLs on Windows when WEASYPRINT_DLL_DIRECTORIES is not set.
WINDOWS_DLL_DIRECTORIES = r"C:\msys64\ucrt64\bin;C:\msys64\mingw64\bin;C:\Program Files\GTK3-Runtime Win64\bin"


def say(text: str) -> None:
    print(f"[tugas] {text}", flush=True)


def venv_python() -> Path:
    if platform.system() == "Windows":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def check_python() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"bursa membutuhkan Python 3.11 atau lebih baru (yang ada: {platform.python_version()}).")


def check_pango() -> None:
    """Stop early, with exact instructions, when Pango is missing."""
    if platform.system() == "Windows":
        folders = os.environ.get("WEASYPRINT_DLL_DIRECTORIES", WINDOWS_DLL_DIRECTORIES).split(";")
        folders += os.environ.get("PATH", "").split(os.pathsep)
        if any((Path(folder) / "libpango-1.0-0.dll").is_file() for folder in folders if folder):
            return
        sys.exit(PANGO_HELP)
    if ctypes.util.find_library("pango-1.0") or ctypes.util.find_library("pango-1.0-0"):
        return
    sys.exit(PANGO_HELP)


def setup(extras: str = "") -> Path:
    """Create .venv (once) and install bursa into it, editable."""
    check_python()
    check_pango()
    python = venv_python()
    if not python.exists():
        say(f"membuat lingkungan Python di {VENV.relative_to(ROOT)}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    target = f".{extras}" if extras else "."
    say(f"memasang bursa{extras} beserta dependensinya")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target])
    probe = subprocess.run([python, "-c", "import weasyprint"], capture_output=True, text=True)
    if probe.returncode != 0:
        sys.stderr.write(probe.stderr[-800:] + "\n")
        sys.exit(PANGO_HELP)
    return python


def run(command: list, check: bool = True) -> int:
    result = subprocess.run([str(c) for c in command], cwd=ROOT)
    if check and result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


def bursa(python: Path, *args: str) -> int:
    return run([python, "-m", "bursa_cli", *args])


def demo() -> int:
    python = setup()
    say("memeriksa data contoh-kabupaten")
    bursa(python, "validasi", str(CONTOH), "--tahap", "gladi-bersih")
    bursa(python, "status", str(CONTOH))
    for jenis in DEMO_DOKUMEN:
        say(f"mencetak {jenis}")
        bursa(python, "cetak", jenis, str(CONTOH))
    say("merekap komitmen")
    bursa(python, "rekap", str(CONTOH))
    for fmt in ("xlsx", "pdf"):
        bursa(python, "rekap", str(CONTOH), "--format", fmt)
    say(f"selesai; semua dokumen ada di {KELUARAN.relative_to(ROOT)}/")
    return 0


CHROMIUM_HELP = """\
[tugas] chromium tidak terpasang: uji halaman `bursa layani` di browser sungguhan akan dilewati.
        Pasang dulu agar ikut diuji, misalnya di Debian/Ubuntu: sudo apt-get install -y chromium
"""


def ensure_chromium() -> None:
    """The browser tests drive Debian's chromium; as root with apt-get, install it, else say how."""
    if shutil.which("chromium") or shutil.which("chromium-browser") or os.environ.get("BURSA_CHROMIUM"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("memasang chromium untuk uji browser (apt-get)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        sys.stderr.write(CHROMIUM_HELP)


HALL_TOOLS = {"ip": "iproute2", "iptables": "iptables"}  # command: Debian package


def ensure_hall_tools() -> None:
    """The hall tests build network namespaces (`ip netns`, iproute2) and drop packets in them
    (iptables); as root with apt-get, install what is missing, else the tests say why they skip."""
    missing = [package for command, package in HALL_TOOLS.items() if not shutil.which(command)]
    if missing and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"memasang {', '.join(missing)} untuk uji jaringan aula (apt-get)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


SOFFICE_HELP = """\
[tugas] LibreOffice (soffice) tidak terpasang: uji DOCX SK dan undangan di LibreOffice akan dilewati.
        Pasang dulu agar ikut diuji, misalnya di Debian/Ubuntu: sudo apt-get install -y libreoffice-writer-nogui
"""


def ensure_soffice() -> None:
    """The DOCX tests open each DOCX in LibreOffice headless; as root with apt-get, install it, else say how."""
    if shutil.which("soffice") or os.environ.get("BURSA_SOFFICE"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("memasang LibreOffice Writer untuk uji DOCX (apt-get)")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                        "libreoffice-writer-nogui", "libreoffice-calc-nogui", "fonts-liberation"],
                       check=False, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not shutil.which("soffice"):
        sys.stderr.write(SOFFICE_HELP)


def uji(extra: list[str]) -> int:
    python = setup("[test]")
    ensure_chromium()
    ensure_hall_tools()
    ensure_soffice()
    if not any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in extra):
        # Every core: one pytest worker per core; the tests of one file stay on one worker,
        # so a file's fixtures are built once.
        extra = ["-n", "auto", "--dist", "loadscope", *extra]
    say("menjalankan seluruh uji")
    return run([python, "-m", "pytest", *extra], check=False)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "uji"):
        print(__doc__)
        return 2
    if argv[0] == "demo":
        return demo()
    return uji(argv[1:])


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    sys.exit(main(sys.argv[1:]))
