"""An event template is data from a shared repository: it runs in a sandbox and reads no outside file.

Each case is the event templates it writes (text, or `("link", target)` for a
symlink), then what `bursa cetak kartu-ide` must say: exit code, file:line and
words. Nothing is rendered and nothing in the event folder changes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile_support import run_refused
from support import make_event, plain

PASSWD = Path("/etc/passwd")

CASES = {
    "cycler-globals-os-popen": (
        {"kartu-ide.html": "<p>aman</p>\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n"},
        2, "templates/kartu-ide.html", "bagian dalam Python yang tidak diizinkan"),
    "lipsum-builtins-open": (
        {"kartu-ide.html": "{{ lipsum.__globals__['__builtins__'].open('/etc/passwd').read() }}\n"},
        1, "templates/kartu-ide.html", "bagian dalam Python yang tidak diizinkan"),
    "include-symlink-ke-etc-passwd": (
        {"kartu-ide.html": "<pre>\n{% include 'rahasia.txt' %}\n</pre>\n", "rahasia.txt": ("link", PASSWD)},
        None, "templates/rahasia.txt", "di luar folder acara"),
    "templat-itu-sendiri-symlink": (
        {"kartu-ide.html": ("link", PASSWD)}, None, "templates/kartu-ide.html", "di luar folder acara"),
    "kelas-dasar-lewat-mro": (
        {"kartu-ide.html": "{{ ''.__class__.__mro__[1].__subclasses__() }}\n"},
        1, "templates/kartu-ide.html", "bagian dalam Python yang tidak diizinkan"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_template_is_refused(name: str, tmp_path: Path):
    files, line, where, words = CASES[name]
    root = make_event(tmp_path / "acara")
    for file, content in files.items():
        path = root / "templates" / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            os.symlink(content[1], path)
        else:
            path.write_text(content, encoding="utf-8")
    output = plain(run_refused(root, "cetak", "kartu-ide", root, code=(1, 2)))
    assert (f"{where}:{line}:1" if line else where) in output, output
    assert words in output
    assert "root:" not in output and "uid=" not in output  # nothing of what the attack reached
    assert not (root / "keluaran").exists()


def test_builtin_templates_still_render_in_the_sandbox(tmp_path: Path):
    """The sandbox blocks Python's insides, not what the shipped templates use."""
    from support import bursa

    root = make_event(tmp_path / "acara")
    result = bursa("cetak", "kartu-ide", root)
    assert result.exit_code == 0, plain(result.output)
    assert list((root / "keluaran").rglob("kartu-ide*.pdf"))
