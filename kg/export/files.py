"""Atomic writes: every output goes to a temporary file first, and the renames start only when all are written.

So a failed or interrupted build never leaves a half-written or empty output behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kg.export.apart import Apart

# What an output can be: its text or bytes, or a function that writes its text to a file, so a
# large output streams to disk without being held in memory whole.
Output = str | bytes | Callable[[TextIO], None]


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
    fill_temporary(handle, tmp, data, path)
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


def fill_temporary(handle: int, tmp: str, data: Output, path: Path) -> None:
    """Write data into the temporary file open as handle, sync it and close it (and remove it on failure).

    An OSError (a full disk) is raised naming path, the file the temporary one is for.
    """
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
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError) and not error.filename:
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        raise


def _umask() -> int:
    """Return the process umask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
