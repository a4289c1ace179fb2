"""Helper processes end with their parent: PR_SET_PDEATHSIG on Linux, a pipe watch elsewhere."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

PARENT = textwrap.dedent("""
    import multiprocessing, sys, time

    def child(platform):
        sys.platform = platform  # "darwin": the watch thread instead of prctl
        from bursa_cli.render.lifeline import die_with_parent
        print(die_with_parent(), flush=True)
        time.sleep(600)

    if __name__ == "__main__":
        worker = multiprocessing.get_context("spawn").Process(target=child, args=(sys.argv[1],))
        worker.start()
        print(worker.pid, flush=True)
        time.sleep(600)
""")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("platform, how", [("linux", "prctl"), ("darwin", "pantau")])
def test_child_dies_with_its_parent_after_kill_9(tmp_path, platform, how):
    script = tmp_path / "induk.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), platform], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        lines = sorted(parent.stdout.readline().strip() for _ in range(2))  # the pid sorts first
        child = int(lines[0])
        assert lines[1] == how
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        parent.kill()
        with contextlib.suppress(ProcessLookupError):  # the group is already gone
            os.killpg(parent.pid, signal.SIGKILL)
