"""Atomic writes: every output goes to a temporary file first, and the renames start only when all are written.

So a failed or interrupted build never leaves a half-written or empty output behind.
"""

from __future__ import annotations

import fcntl
import glob
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kg.export.apart import Apart

# What an output can be: its text or bytes, or a function that writes its text to a file, so a
# large output streams to disk without being held in memory whole.
Output = str | bytes | Callable[[TextIO], None]


@contextmanager
def claimed(folder: Path, names: Iterable[str], say: Callable[[str], object] | None = None) -> Iterator[Path]:
    """Hold an output folder for one build: made, checked writable, locked, rid of old temporary files.

    Checked first, so a folder that cannot take the outputs fails before any NER, by its own name.
    The lock (flock on the folder itself, so no lock file) makes a second build into the same
    folder wait, as ``say`` tells; it goes with the process, so a killed build never leaves it
    held. Once held, the temporary files of ``names`` that killed builds left are removed. A
    folder made here is removed again if the build fails before writing into it.
    """
    made = _ready(folder)
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if say is not None:
                say(f"kg: waiting for the other kg build writing to {folder}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        for name in names:
            for stale in folder.glob(f".{glob.escape(name)}.*.tmp"):
                stale.unlink(missing_ok=True)
        yield folder
    except BaseException:
        if made:
            with suppress(OSError):  # not empty: another build wrote into it meanwhile
                folder.rmdir()
        raise
    finally:
        os.close(handle)


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


def write_atomic(path: Path, data: Output) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    write_files(path.parent, {path.name: data})


def write_files(folder: Path, files: Mapping[str, Output], remove: Iterable[str] = (),
                apart: Sequence[Apart] = ()) -> dict[str, Path]:
    """Write files into folder, all or none, and return their paths by name (``apart``'s first).

    Every file goes to a temporary file beside its target first; the renames start only once all
    are written, so a failure or Ctrl-C before then leaves every old file as it was. ``apart`` are
    files that child processes are writing meanwhile (kg.export.apart): they are waited for once
    the others are written, and a child's error is raised here; on any error the children are
    ended. The files named in ``remove`` (an earlier build's outputs this one does not make) go
    once the renames are done, so the folder never mixes two builds.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staged: dict[str, str] = {}
    try:
        for name, data in files.items():
            staged[name] = _write_temporary(folder / name, data)
        staged = {**{child.name: child.wait() for child in apart}, **staged}
        for name, tmp in staged.items():
            os.replace(tmp, folder / name)
    except BaseException:
        for child in apart:
            child.stop()
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    for name in remove:
        if name not in staged:
            (folder / name).unlink(missing_ok=True)
    return {name: folder / name for name in staged}


def _write_temporary(path: Path, data: Output) -> str:
    """Return the name of a new temporary file beside path that holds data, synced to disk."""
    handle, tmp = new_temporary(path)
    fill_temporary(handle, tmp, data)
    return tmp


def new_temporary(path: Path) -> tuple[int, str]:
    """Return the open handle and the name of a new, empty temporary file beside path."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    except BaseException:
        os.close(handle)
        Path(tmp).unlink(missing_ok=True)
        raise
    return handle, tmp


def fill_temporary(handle: int, tmp: str, data: Output) -> None:
    """Write data into the temporary file open as handle, sync it and close it (and remove it on failure)."""
    try:
        if callable(data):
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as text:
                data(text)
                text.flush()
                os.fsync(text.fileno())
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(data.encode("utf-8") if isinstance(data, str) else data)
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """Return the process umask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
