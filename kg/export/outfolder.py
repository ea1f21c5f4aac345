"""The output folder of a build: held by one build at a time, and all old or all new whatever ends the build.

A build writes its outputs into a staging folder beside OUT (``.OUT.kg-staging``) and puts them in
place in one step: on Linux the two folders are exchanged by renameat2(RENAME_EXCHANGE), so a
reader of OUT sees the old outputs until the new ones are all there. Where that cannot be done (OUT
holds other files than kg's, is another user's, a mount point, or the system has no such call),
the files are renamed into OUT one by one under a journal: a file ``committing`` in the staging
folder lists what the step does, so whoever finds it (a watcher process the build leaves behind,
else the next build into OUT) completes the step or undoes it before anything else. Ctrl-C and
SIGTERM wait until the step is over.

The watcher is a small forked process that outlives the build only to clean up after it: when the
build ends in any way, kill -9 included, it removes the staging folder or completes its journal.
"""

from __future__ import annotations

import errno
import fcntl
import glob
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

_STAGING = ".{}.kg-staging"  # beside OUT, so it is on OUT's file system
_INSIDE = ".kg-staging"  # in OUT, when OUT's parent cannot take a folder
_JOURNAL = "committing"  # in the staging folder while its files are renamed into OUT one by one
_OLD = ".old"  # in the staging folder: the old outputs the journal may have to put back
_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


class OutFolder:
    """An output folder held for one build, and the staging folder where the build writes its outputs."""

    def __init__(self, folder: Path, real: Path, staging: Path, owned: Iterable[str]) -> None:
        self.folder = folder  # OUT as the user named it, for messages and the paths returned
        self.real = real  # OUT with links resolved: what is swapped
        self.staging = staging
        self.owned = frozenset(owned)
        self.committed = False

    def commit(self, names: Sequence[str], remove: Iterable[str] = ()) -> dict[str, Path]:
        """Put the staged files ``names`` in OUT in one step, with ``remove`` gone; return their paths in OUT.

        Raise OSError, saying which outputs OUT holds, when they cannot be put there. Ctrl-C or
        SIGTERM during the step is handled after it, its KeyboardInterrupt (or the handler's
        error) marked with ``out_state``: "new" once the new outputs were in OUT, else "old".
        """
        came: list[int] = []
        try:
            with _signals_held(came):
                if not self._swap(names):
                    self._rename(names, remove)
                self.committed = True
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            if came:
                try:
                    signal.raise_signal(came[0])  # to the handler it was held back from
                except BaseException as stop:
                    stop.out_state = "new" if self.committed else "old"  # type: ignore[attr-defined]
                    raise
        return {name: self.folder / name for name in names}

    def _swap(self, names: Sequence[str]) -> bool:
        """Return whether the staging folder could be exchanged with OUT (then holding the old outputs).

        Only an OUT of kg's files (``owned`` or ``names``) is exchanged: one that holds the
        user's files or folders keeps them, the outputs renamed into it, and so does the
        folder kg runs in.
        """
        if self.staging.parent != self.real.parent or not sys.platform.startswith("linux"):
            return False
        try:
            here = os.stat(self.real)
            with os.scandir(self.real) as entries:
                foreign = any(e.name not in self.owned and e.name not in names or e.is_dir(follow_symlinks=False)
                              for e in entries)
            if foreign or here.st_uid != os.geteuid() or _within(Path.cwd(), self.real):
                # another user's folder, one with files or folders of its own, or the one kg runs in
                # (-o .: the shell that started kg would be left in the old folder): rename into it
                return False
            os.chmod(self.staging, here.st_mode & 0o7777)
            exchange(self.staging, self.real)
        except OSError as error:
            if error.errno in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.EBUSY, errno.ENOTSUP, errno.EPERM,
                               errno.EACCES):
                return False  # not on this file system, or OUT is a mount point
            raise _failed(self.folder, error) from error
        _sync_folder(self.real.parent)
        return True

    def _rename(self, names: Sequence[str], remove: Iterable[str]) -> None:
        """Rename the staged files into OUT one by one under the journal; undo them all if one fails."""
        gone = [name for name in remove if name not in names]
        kept = self.staging / _OLD
        kept.mkdir()
        had: list[str] = []
        try:
            for name in [*names, *gone]:  # every old file gets a second name first, so each can go back
                if os.path.lexists(self.real / name):
                    _keep(self.real / name, kept / name)
                    had.append(name)
        except OSError as error:
            raise _failed(self.folder, error) from error  # nothing in OUT has changed
        _write_journal(self.staging, "forward", names, gone, had)
        try:
            _forward(self.staging, self.real)
        except OSError as error:
            _write_journal(self.staging, "back", names, gone, had)
            try:
                _back(self.staging, self.real)
            except OSError as worse:
                raise _error(error.errno, f"cannot put the new outputs in {self.folder} ({_reason(error)}), nor "
                                           f"the old ones back ({_reason(worse)}); the next kg build into "
                                           f"{self.folder} puts the old ones back") from error
            raise _failed(self.folder, error) from error


@contextmanager
def claimed(folder: Path, names: Iterable[str], say: Callable[[str], object] | None = None) -> Iterator[OutFolder]:
    """Hold an output folder for one build: made, checked writable, locked, rid of what killed builds left.

    Checked first, so a folder that cannot take the outputs fails before any NER, by its own name.
    The lock (flock on the folder itself, so no lock file) makes a second build into the same
    folder wait, as ``say`` tells; it goes with the process, so a killed build never leaves it
    held. Once held, what an earlier build left is cleaned up (its staging folder removed or its
    journal completed), and a staging folder is made for this one. ``names`` are the files kg
    writes into OUT. A folder made here is removed again if the build fails before writing into it.
    """
    owned = tuple(names)
    made = _ready(folder)
    real = Path(os.path.realpath(folder))
    handles = [_lock(real, folder, say)]
    watcher: tuple[int, int] | None = None
    out: OutFolder | None = None
    try:
        for leftover in (real.parent / _STAGING.format(real.name), real / _INSIDE):
            recover(leftover, real)
        for name in owned:  # the temporary files earlier versions of kg wrote into OUT itself
            for stale in real.glob(f".{glob.escape(name)}.*.tmp"):
                stale.unlink(missing_ok=True)
        out = OutFolder(folder, real, _make_staging(real), (*owned, _INSIDE))
        handles.append(os.open(out.staging, os.O_RDONLY))
        fcntl.flock(handles[-1], fcntl.LOCK_EX)  # held through the swap, so the next build waits for the watcher
        watcher = _watch(out, handles)
        yield out
    except BaseException as error:
        if out is not None and not out.committed:
            with suppress(OSError):  # else the staging folder keeps the journal for the next build
                recover(out.staging, real)
        if made:
            with suppress(OSError):  # not empty: another build wrote into it meanwhile
                folder.rmdir()
        if out is not None and isinstance(error, OSError) and _in(error, out.staging):
            raise _failed(folder, error, Path(error.filename).name) from error
        raise
    finally:
        if watcher is not None:
            # a byte, not only the pipe's end: a child the build forked meanwhile may hold the pipe too
            with suppress(OSError):  # the watcher is gone (killed with the build's process group)
                os.write(watcher[1], b"\0")
            os.close(watcher[1])  # the watcher finds nothing left to do, and ends
            with suppress(ChildProcessError):
                os.waitpid(watcher[0], 0)
        for handle in handles:
            os.close(handle)


def recover(staging: Path, out: Path) -> None:
    """Complete or undo the journal a build left in its staging folder, then remove the folder."""
    if not staging.is_dir() or staging.is_symlink():
        return
    try:
        state = (staging / _JOURNAL).read_text(encoding="utf-8").split("\n", 1)[0]
    except OSError:
        state = ""
    if state == "forward":
        try:
            _forward(staging, out)
        except OSError:
            names, gone, had = _journal(staging)
            _write_journal(staging, "back", names, gone, sorted(had))
            state = "back"
    if state == "back":
        _back(staging, out)
    shutil.rmtree(staging, ignore_errors=True)


def exchange(first: Path, second: Path) -> None:
    """Exchange two paths in one step (Linux renameat2 with RENAME_EXCHANGE); raise OSError if it cannot."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    try:
        renameat2 = libc.renameat2
    except AttributeError:  # a C library older than glibc 2.28
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def _ready(folder: Path) -> bool:
    """Return whether folder had to be made; raise OSError, naming it, when it cannot take files."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"cannot write to {folder}: it is a file, not a folder")
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OSError(f"cannot create the folder {folder}: {error.strerror or error}") from error
    if not os.access(folder, os.W_OK | os.X_OK):
        read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
        raise PermissionError(f"cannot write to {folder}: {'it is on a read-only file system' if read_only else 'permission denied'}")
    return made


def _lock(real: Path, folder: Path, say: Callable[[str], object] | None) -> int:
    """Return a handle on OUT that holds its lock, once no other build holds it.

    A build that waited may find OUT exchanged meanwhile: its lock is then on the old folder,
    so it takes the lock of the new one.
    """
    while True:
        handle = os.open(real, os.O_RDONLY)
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if say is not None:
                    say(f"kg: waiting for the other kg build writing to {folder}")
                    say = None
                fcntl.flock(handle, fcntl.LOCK_EX)
            held, now = os.fstat(handle), os.stat(real)
        except BaseException:
            os.close(handle)
            raise
        if (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino):
            return handle
        os.close(handle)


def _make_staging(real: Path) -> Path:
    """Return a new, empty staging folder beside OUT, or in it when OUT's parent takes no folder or is on
    another file system (OUT is a mount point), where no file can be renamed into OUT."""
    with suppress(OSError):
        (beside := real.parent / _STAGING.format(real.name)).mkdir()
        if os.stat(beside).st_dev == os.stat(real).st_dev:
            return beside
        beside.rmdir()
    try:
        (inside := real / _INSIDE).mkdir()
    except OSError as error:
        raise _error(error.errno, f"cannot write to {real}: {error.strerror}") from error
    return inside


def _watch(out: OutFolder, keep: Sequence[int]) -> tuple[int, int] | None:
    """Return the pid of a watcher process and the pipe that keeps it waiting (None without fork).

    The watcher waits for a byte on the pipe, which the build sends as it ends, or for the pipe
    to close, which happens when the build is killed, and then cleans up what it left (recover).
    It holds the locks meanwhile, so a next build waits for it.
    """
    if not hasattr(os, "fork"):
        return None
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(reader)
        return pid, writer
    try:  # the watcher: nothing but the pipe and the locks, so it holds no terminal or pipe of the build
        for signum in (*_SIGNALS, signal.SIGHUP):  # a closed terminal ends the build, not its cleanup
            signal.signal(signum, signal.SIG_IGN)
        mine = sorted({reader, *keep})
        os.closerange(0, mine[0])
        for low, high in zip(mine, [*mine[1:], os.sysconf("SC_OPEN_MAX")]):
            os.closerange(low + 1, high)
        os.read(reader, 1)  # a byte when the build ends, the pipe's end when it was killed
        recover(out.staging, out.real)
    finally:
        os._exit(0)


def _forward(staging: Path, out: Path) -> None:
    """Rename each staged file the journal names into OUT, and remove the old files it says are gone."""
    names, gone, _ = _journal(staging)
    for name in names:
        if (staging / name).exists():  # else renamed already, before a build was killed
            os.replace(staging / name, out / name)
    for name in gone:
        (out / name).unlink(missing_ok=True)
    _sync_folder(out)


def _back(staging: Path, out: Path) -> None:
    """Put back the old file of each output the journal names, and remove the new ones that had none."""
    names, gone, had = _journal(staging)
    for name in [*names, *gone]:
        if name in had:
            if os.path.lexists(staging / _OLD / name):  # else put back already
                os.replace(staging / _OLD / name, out / name)
        else:
            (out / name).unlink(missing_ok=True)
    _sync_folder(out)


def _keep(target: Path, kept: Path) -> None:
    """Give the old file at target a second name, kept (else copy it there), before target is replaced."""
    if target.is_dir() and not target.is_symlink():
        raise IsADirectoryError(errno.EISDIR, f"{target.name} is a folder, not a file", str(target))
    try:
        os.link(target, kept, follow_symlinks=False)
    except OSError:  # a file system without hard links
        shutil.copy2(target, kept, follow_symlinks=False)


def _write_journal(staging: Path, state: str, names: Sequence[str], gone: Sequence[str], had: Sequence[str]) -> None:
    """Write the journal: its state ("forward" or "back"), then, a blank line after each list, the
    names renamed into OUT, those removed from it and those that had an old file."""
    text = "\n".join([state, *names, "", *gone, "", *had, ""])
    tmp = staging / f"{_JOURNAL}.new"
    with open(tmp, "w", encoding="utf-8") as journal:
        journal.write(text)
        journal.flush()
        os.fsync(journal.fileno())
    os.replace(tmp, staging / _JOURNAL)
    _sync_folder(staging)


def _journal(staging: Path) -> tuple[list[str], list[str], set[str]]:
    """Return the names the journal renames into OUT, those it removes and those that had an old file."""
    lines = (staging / _JOURNAL).read_text(encoding="utf-8").split("\n")[1:]
    first = lines.index("")
    second = lines.index("", first + 1)
    third = lines.index("", second + 1)
    return lines[:first], lines[first + 1 : second], set(lines[second + 1 : third])


@contextmanager
def _signals_held(came: list[int]) -> Iterator[None]:
    """Run the block with Ctrl-C and SIGTERM held back: each that comes is added to ``came``.

    Python handles a signal in the main thread whichever thread the system gives it to, so the
    handlers, not the signal mask, are what must wait. Outside the main thread, where no handler
    can be set, the block runs as it is.
    """
    try:
        previous = {signum: signal.signal(signum, lambda signum, frame: came.append(signum)) for signum in _SIGNALS}
    except ValueError:  # not the main thread
        previous = {}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _sync_folder(folder: Path) -> None:
    """Make a folder's renames durable (a no-op where folders cannot be opened)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _within(path: Path, folder: Path) -> bool:
    """Return whether path is folder or inside it, links resolved."""
    real = Path(os.path.realpath(path))
    return real == folder or folder in real.parents


def _in(error: OSError, folder: Path) -> bool:
    """Return whether an error is about a file in folder."""
    return bool(error.filename) and Path(error.filename).parent == folder


def _reason(error: OSError) -> str:
    """Return an error's reason without its file names."""
    return (error.strerror or str(error)).rstrip(".")


def _failed(folder: Path, error: OSError, name: str | None = None) -> OSError:
    """Return the error that tells that OUT kept its old outputs: named folder and file, and why."""
    what = f"cannot write {name} into {folder}" if name else f"cannot put the new outputs in {folder}"
    if not name and error.filename:
        what += f" ({Path(error.filename).name})"
    return _error(error.errno, f"{what}: {_reason(error)}; the outputs in {folder} are as they were")


def _error(code: int | None, message: str) -> OSError:
    """Return an OSError whose text is the message alone (no "[Errno 28]") that keeps the error number."""
    error = OSError(message)
    error.errno = code
    return error
