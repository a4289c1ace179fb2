"""Worker processes end with the command that started them, even after `kill -9`.

Why: a killed `bursa cetak sertifikat --jobs N` cannot clean up. Its forkserver
and workers would go on (a worker blocks forever on a task queue whose other
end it holds itself), and keep the terminal's pipes open. On Linux each helper
asks the kernel for SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG);
elsewhere a thread watches the parent and ends the process when it is gone.
The resource tracker then sees its last writer go and ends too.

The forkserver is started by multiprocessing, not by us: it imports this
module first (see `start_forkserver`), and the import sets the lifeline when
`PARENT_ENV` names the process that started it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

PARENT_ENV = "BURSA_PID_INDUK"
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int | None = None) -> str:
    """End this process when its parent ends; returns how ("prctl" or "pantau").

    `parent_pid` is the parent this process must still have; a pool worker
    gives none, and its pipe to the command is checked instead.
    """
    import multiprocessing

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None) if parent is not None else None
    expected = parent_pid if parent_pid is not None else os.getppid()
    how = "pantau"
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
            how = "prctl"
    if how == "pantau":
        _watch(expected, sentinel)
    # Asked after the request, so a parent that died just before it is not missed.
    if os.getppid() != expected or (sentinel is not None and _gone(sentinel)):
        os._exit(1)
    return how


def _gone(sentinel) -> bool:
    from multiprocessing.connection import wait

    return bool(wait([sentinel], timeout=0))


def _watch(parent_pid: int, sentinel) -> None:
    """A daemon thread that ends the process once its parent is gone (the parent's pipe, or its pid)."""

    def watch() -> None:
        if sentinel is not None:
            from multiprocessing.connection import wait

            wait([sentinel])  # ready when the parent's end of the pipe closes: the parent is gone
        else:
            import time

            while os.getppid() == parent_pid:
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="bursa-lifeline", daemon=True).start()


def start_forkserver(context, preload: list[str]) -> None:
    """Start `context`'s forkserver now, tied to this process, preloading `preload`."""
    from multiprocessing import forkserver

    context.set_forkserver_preload([__name__, *preload])
    os.environ[PARENT_ENV] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(PARENT_ENV, None)


if PARENT_ENV in os.environ:  # imported first thing in our forkserver
    # Popped so the workers it forks set their own lifeline; a server whose
    # command is already gone ends at once.
    die_with_parent(int(os.environ.pop(PARENT_ENV)))
