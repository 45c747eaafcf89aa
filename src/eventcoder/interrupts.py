"""Stopping a run cleanly: Ctrl-C and SIGTERM in the main process, a killed parent in workers.

In the main process, SIGINT and SIGTERM both raise :class:`Interrupted` (a ``KeyboardInterrupt``,
so every ``finally`` and the store's rollback run), and the CLI turns it into one line saying what
was kept and exit code ``128 + signal`` (130, 143), as shells report a process killed by a signal.

A worker process must never outlive its parent: when the parent is killed with ``kill -9`` it cannot
stop them, so each worker watches for itself (:func:`die_with_parent`). docs/reliability.md,
"Interrupts, workers and Dask".
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from types import FrameType

# prctl(2) option: the signal the kernel sends this process when its parent dies (Linux only).
PR_SET_PDEATHSIG = 1
# How often the portable fallback looks at its parent, in seconds.
PARENT_POLL = 0.5


class _Signalled:
    """What a signal that stopped a run says: its name and the exit code to end with."""

    signum: int

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        """``128 + signum``: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


class Interrupted(_Signalled, KeyboardInterrupt):
    """The run was stopped by ``signum`` (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Stopped(_Signalled, BaseException):
    """Any other command was stopped by ``signum``. Not a ``KeyboardInterrupt``: click turns that
    into "Aborted!" and exit code 1, which here means rejected records."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def interruptible(raising: type[Interrupted | Stopped] = Interrupted) -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise ``raising`` (:class:`Interrupted`, or
    :class:`Stopped` around a whole command).

    A signal a caller chose to ignore (``nohup``, a background job) stays ignored. The handlers
    in force before are restored on leaving. Outside the main thread, where Python allows no
    handler, the block runs as it is."""
    previous = {}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if handler is not signal.SIG_IGN:
            previous[signum] = handler
            signal.signal(signum, partial(_raise, raising))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise(raising: type[Interrupted | Stopped], signum: int, frame: FrameType | None) -> None:
    raise raising(signum)


@contextmanager
def deferred() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM are ignored: for the short clean-up after a first
    interrupt (loading finished Dask parts, closing files), which a second Ctrl-C must not cut
    into a traceback. Outside the main thread the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for signum in previous:
        signal.signal(signum, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def worker_init(parent: int) -> None:
    """Initializer of a ``--workers`` process: leave Ctrl-C to the parent, which stops the
    workers itself, take the default SIGTERM (a forked worker inherits the parent's handler),
    and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Make this process exit when ``parent`` dies, even by ``kill -9``.

    On Linux the kernel sends SIGKILL (``prctl(PR_SET_PDEATHSIG)``); everywhere a daemon thread
    also looks every :data:`PARENT_POLL` seconds whether this process was handed to another
    parent. If the parent is already gone, exit at once."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the thread below still watches
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="watch-parent", daemon=True).start()


def _watch(parent: int) -> None:
    """Exit this process (with no clean-up: its parent, the only user of its work, is gone) once
    it is no longer ``parent``'s child."""
    stop = threading.Event()
    while not stop.wait(PARENT_POLL):
        if os.getppid() != parent:
            os._exit(1)
