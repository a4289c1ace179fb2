"""Pango and its companions are checked before WeasyPrint is imported, and explained in Indonesian.

Why: WeasyPrint loads GObject, Pango, HarfBuzz and Fontconfig with cffi's
`dlopen` when it is imported. Where they are missing it prints an English
banner and the import ends in a long OSError traceback. The same `dlopen`,
tried here first with the names WeasyPrint tries, turns that into one short
panel that says what to install on this very system. Commands that print no
PDF never come here.
"""

from __future__ import annotations

import os
import platform
import sys
from contextlib import suppress
from functools import lru_cache

from ..errors import UsageError

# The libraries WeasyPrint cannot do without, under the names it tries (weasyprint/text/ffi.py).
LIBRARIES = (
    ("GObject", ("libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libgobject-2.0.so.0",
                 "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll")),
    ("Pango", ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0", "libpango-1.0.dylib",
               "libpango-1.0-0.dll")),
    ("HarfBuzz", ("libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.so.0", "libharfbuzz.0.dylib",
                  "libharfbuzz-0.dll")),
    ("Fontconfig", ("libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig.so.1",
                    "libfontconfig.1.dylib", "libfontconfig-1.dll")),
    ("PangoFT2", ("libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0", "libpangoft2-1.0.so.0",
                  "libpangoft2-1.0.dylib", "libpangoft2-1.0-0.dll")),
)
# Where WeasyPrint looks on Windows when WEASYPRINT_DLL_DIRECTORIES is not set.
WINDOWS_DLL_DIRECTORIES = r"C:\msys64\ucrt64\bin;C:\msys64\mingw64\bin;C:\Program Files\GTK3-Runtime Win64\bin"

INSTALL = {
    "debian": "Debian/Ubuntu: sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
    "fedora": "Fedora: sudo dnf install -y pango",
    "macos": "macOS (Homebrew): brew install pango",
    "windows11": (
        "Windows 11 (64-bit): pasang GTK3 runtime 64-bit (\"GTK for Windows Runtime Environment "
        "Installer\", berkas gtk3-runtime-...-win64.exe), lalu tutup dan buka lagi terminal. Bila "
        "GTK dipasang di folder lain daripada C:\\Program Files\\GTK3-Runtime Win64, beri tahu "
        "letak folder bin-nya: setx WEASYPRINT_DLL_DIRECTORIES \"D:\\GTK3\\bin\" lalu buka terminal baru."),
    "windows10": (
        "Windows 10: WeasyPrint (pembuat PDF bursa) hanya mendukung Windows 11 64-bit. Jalankan bursa "
        "di dalam WSL2: buka PowerShell sebagai Administrator, ketik wsl --install -d Ubuntu, "
        "mulai ulang laptop, lalu di Ubuntu: sudo apt-get install -y python3-venv libpango-1.0-0 "
        "libpangoft2-1.0-0 libharfbuzz-subset0 dan pasang bursa di sana."),
}


def system_kind() -> str:
    """Which instructions fit this computer: debian, fedora, macos, windows11 or windows10."""
    if sys.platform == "win32":
        build = sys.getwindowsversion().build
        return "windows11" if build >= 22000 else "windows10"
    if sys.platform == "darwin":
        return "macos"
    with suppress(OSError):
        release = platform.freedesktop_os_release()
        family = " ".join([release.get("ID", ""), release.get("ID_LIKE", "")]).lower()
        if any(name in family for name in ("fedora", "rhel", "centos")):
            return "fedora"
    return "debian"


def dlopen(name: str):
    """cffi's dlopen, with the flags WeasyPrint uses (raises OSError when the library is missing)."""
    from cffi import FFI

    ffi = FFI()
    flags = 0x00001000 if os.name == "nt" else ffi.RTLD_NOW  # LOAD_LIBRARY_SEARCH_DEFAULT_DIRS
    return ffi.dlopen(name, flags)


def _windows_dll_directories() -> None:
    """The folders WeasyPrint adds for its DLLs on Windows, added here first as it does."""
    if not hasattr(os, "add_dll_directory") or hasattr(sys, "frozen"):
        return
    for folder in os.environ.get("WEASYPRINT_DLL_DIRECTORIES", WINDOWS_DLL_DIRECTORIES).split(";"):
        with suppress(OSError):
            os.add_dll_directory(folder)


@lru_cache(maxsize=1)
def missing_libraries() -> tuple[str, ...]:
    """The libraries WeasyPrint needs that this system cannot load (none when all is well)."""
    _windows_dll_directories()
    missing = []
    for label, names in LIBRARIES:
        for name in names:
            try:
                dlopen(name)
                break
            except OSError:
                continue
        else:
            missing.append(label)
    return tuple(missing)


def require_pango() -> None:
    """Stop with what to install when WeasyPrint's system libraries cannot be loaded."""
    missing = missing_libraries()
    if not missing:
        return
    kind = system_kind()
    lines = [INSTALL[kind]] if kind not in ("debian", "fedora") else [INSTALL["debian"], INSTALL["fedora"]]
    raise UsageError.coded("BUR-C122", daftar=', '.join(missing),
                           perintah="\n".join(f"  {line}" for line in lines))
