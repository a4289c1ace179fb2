"""What Windows lacks, emulated here: no fork (the `spawn` start method only), no O_NOFOLLOW, no
folder fsync, no prctl(PR_SET_PDEATHSIG), no sched_getaffinity, no hard links. Each code path that
uses one of them runs with it taken away and must still do its job. (cp1252 streams:
tests/test_cli_keluaran.py.)"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import time

import pytest
from pypdf import PdfReader

from render_helpers import run, written


@pytest.fixture
def spawn_only(monkeypatch):
    """A platform whose only start method is `spawn`, as on Windows; forking fails loudly."""
    real = multiprocessing.get_context

    def get_context(method=None):
        if method == "fork":
            raise AssertionError("fork dipakai di platform tanpa fork")
        return real("spawn" if method is None else method)

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", get_context)


def test_batch_printer_with_the_spawn_start_method(spawn_only, contoh_event):
    """Without fork the batches are laid out one after another, and the output is the same."""
    done: list[tuple[int, int]] = []
    produced = run("kartu-komitmen", contoh_event, jobs=4, on_batch=lambda i, n, name: done.append((i, n)))
    [output] = [o for o in produced.outputs if o.name.endswith(".pdf")]
    pages = len(PdfReader(contoh_event / "keluaran" / output.name).pages)
    assert pages == output.pages >= 2 and done and done[-1][0] == done[-1][1]
    assert not [n for n in written(contoh_event) if n.endswith(".tmp")]


def test_a_log_is_appended_without_o_nofollow_and_folder_fsync(monkeypatch, tmp_path):
    from bursa_cli import fsutil
    from bursa_cli.day.logwrite import append_entry

    monkeypatch.delattr(os, "O_NOFOLLOW", raising=False)
    opened_folders = []
    real_open = os.open

    def windows_open(path, flags, *args):
        if os.path.isdir(path):  # Windows: a folder cannot be opened
            opened_folders.append(path)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", windows_open)
    log = tmp_path / "log" / "stempel" / "A-01.yaml"
    append_entry(log, {"waktu": "2027-03-11T09:00:00+07:00", "peserta": "P-0001"}, header="# log\n")
    append_entry(log, {"waktu": "2027-03-11T09:01:00+07:00", "peserta": "P-0002"})
    assert log.read_text(encoding="utf-8").count("P-000") == 2
    assert opened_folders  # the folder sync was tried, refused as on Windows, and did no harm
    monkeypatch.setattr(fsutil, "FOLDERS_SYNC", False)
    opened_folders.clear()
    fsutil.write_atomic(tmp_path / "berkas.txt", "isi\n")
    assert (tmp_path / "berkas.txt").read_text() == "isi\n" and not opened_folders


def test_default_jobs_without_sched_getaffinity(monkeypatch):
    from bursa_cli.render.batches import default_jobs

    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    assert default_jobs() == (os.cpu_count() or 1)


def test_certificate_key_without_hard_links(monkeypatch, tmp_path):
    from bursa_cli.certify import codes

    def no_link(source, target):
        raise OSError(1, "Incorrect function")  # what Windows says on a FAT32 stick

    monkeypatch.setattr(os, "link", no_link)
    path = tmp_path / codes.KEY_FILE
    codes._create_key(path)
    assert path.is_file() and len(path.read_text(encoding="utf-8")) > 64
    assert [p.name for p in tmp_path.iterdir()] == [codes.KEY_FILE]


LIFELINE = textwrap.dedent("""
    import os, subprocess, sys, time
    if sys.argv[1] == "induk":
        child = subprocess.Popen([sys.executable, __file__, "anak", str(os.getpid())])
        deadline = time.monotonic() + float(sys.argv[2])
        while not os.path.exists(__file__ + ".cara") and time.monotonic() < deadline:
            time.sleep(0.1)  # until the child has set its lifeline
        print(child.pid, flush=True)
        os._exit(0)  # the parent dies without cleaning up
    import multiprocessing.connection  # loaded as on this system, before it looks like Windows
    from bursa_cli.render.lifeline import die_with_parent
    sys.platform = "win32"  # no prctl: the lifeline must watch the parent itself
    how = die_with_parent(int(sys.argv[2]))
    open(__file__ + ".cara", "w").write(how)
    time.sleep(60)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_without_prctl_ends_with_its_parent(tmp_path):
    script = tmp_path / "lifeline.py"
    script.write_text(LIFELINE, encoding="utf-8")
    parent = subprocess.run([sys.executable, str(script), "induk", "20"], capture_output=True, text=True,
                            timeout=30)
    child = int(parent.stdout.strip())
    deadline = time.monotonic() + 10
    while os.path.exists(f"/proc/{child}") and time.monotonic() < deadline:
        state = open(f"/proc/{child}/stat").read().split()[2] if os.path.exists(f"/proc/{child}/stat") else "X"
        if state == "Z":
            break
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{child}") or open(f"/proc/{child}/stat").read().split()[2] == "Z"
    assert (tmp_path / "lifeline.py.cara").read_text() == "pantau"  # it watched, and ended with its parent


def test_spawned_entry_point_does_not_run_bursa_again(tmp_path):
    """A `spawn` worker imports the main module again: `python -m bursa_cli` must not run then."""
    code = ("import multiprocessing as mp, runpy, sys\n"
            "sys.argv = ['bursa']\n"
            "runpy.run_module('bursa_cli', run_name='__mp_main__')\n"
            "print('tidak dijalankan')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "tidak dijalankan", result.stderr
