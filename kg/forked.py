"""A function run in a forked child process, so that this process goes on meanwhile.

A build is one Python process after NER. Forked, a child shares everything built so far
copy-on-write, runs one function of it on the other core, and sends back what it returns
(pickled, through a pipe); an error it raises is raised again in the parent by ``result``, as if
the parent had run the function. Without fork (Windows) the function runs at once, in this process.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any, NoReturn

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
FORKS = hasattr(os, "fork")
_PENDING = object()


class Forked:
    """A call of ``function(*args)`` running in a child process."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        """Start the child (or, without fork, make the call now)."""
        self._pid: int | None = None
        self._pipe = -1
        self._value: Any = _PENDING
        self._error: BaseException | None = None
        if not FORKS:
            try:
                self._value = function(*args)
            except Exception as error:  # raised by result, where a forked call's would be
                self._error = error
            return
        reader, writer = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except BaseException:
            os.close(reader)
            os.close(writer)
            raise
        if pid == 0:
            os.close(reader)
            _child(parent, function, args, writer)
        os.close(writer)
        self._pid, self._pipe = pid, reader

    def result(self) -> Any:
        """Return what the call returned, once the child has ended; raise its error if it raised one."""
        if self._pid is not None:
            with os.fdopen(self._pipe, "rb") as pipe:
                self._pipe = -1
                said = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            code = os.waitstatus_to_exitcode(status)
            if said:
                failed, self._value = pickle.loads(said)
                if failed:
                    self._error, self._value = self._value, None
            elif code:
                ended = f"was killed by signal {-code}" if code < 0 else f"ended with exit code {code}"
                self._error = OSError(f"a child process of kg {ended}")
        if self._error is not None:
            raise self._error
        return self._value

    def stop(self) -> None:
        """End the child now if it still runs (its answer is lost)."""
        if self._pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
            self._error = self._error or OSError("a child process of kg was stopped")
        if self._pipe >= 0:
            os.close(self._pipe)
            self._pipe = -1


def _child(parent: int, function: Callable[..., Any], args: tuple, said: int) -> NoReturn:
    """Run the call, send (failed, value or error) through the pipe, and exit without Python's cleanup.

    The child dies with its parent, even by SIGKILL (PR_SET_PDEATHSIG, as kg's NER workers do).
    Ctrl-C reaches the whole process group: the parent reports it and ends its children, so they
    ignore it; SIGTERM ends a child at once. The collector stays off: a full collection would
    visit, and so copy, every object the parent made.
    """
    code = 1
    try:
        gc.disable()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if sys.platform == "linux":
            import ctypes

            with suppress(OSError, AttributeError):
                ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)
        try:
            answer = pickle.dumps((False, function(*args)))
        except BaseException as error:  # noqa: BLE001 -- every error goes to the parent, which raises it
            try:
                answer = pickle.dumps((True, error))
            except Exception:  # an error that does not pickle is told by its text
                answer = pickle.dumps((True, RuntimeError(f"{type(error).__name__}: {error}")))
        with open(said, "wb") as pipe:
            pipe.write(answer)
        code = 0
    finally:
        os._exit(code)
