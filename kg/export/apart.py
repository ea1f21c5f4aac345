"""Output files written by child processes, so that the biggest files are written while this process goes on.

Writing a graph of 400,000 edges as GraphML and as JSON takes seconds of one core each. Forked
once the graph is complete (kg.forked), a child writes one file into a temporary file that this
process made; the parent renames it with the others (kg.export.files.write_files), so a failed or
interrupted build still leaves the old outputs as they were, and a child's error (a full disk)
is raised in the parent as if the parent had written the file.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from kg.export.files import Output, fill_temporary, new_temporary
from kg.forked import FORKS, Forked


class Apart:
    """One output file that a child process is writing into a temporary file beside it."""

    def __init__(self, path: Path, data: Output) -> None:
        """Start a child that writes data into a new temporary file beside path."""
        self.name = path.name
        handle, tmp = new_temporary(path)
        self._tmp: str | None = tmp
        try:
            self._child = Forked(fill_temporary, handle, tmp, data, path)
        except BaseException:
            with suppress(OSError):
                os.close(handle)
            self.stop()
            raise
        if FORKS:  # the child holds its own copy; without fork, fill_temporary closed it
            os.close(handle)

    def wait(self) -> str:
        """Return the temporary file once the child has written it; raise the child's error if it failed."""
        self._child.result()
        tmp, self._tmp = self._tmp, None
        if tmp is None:
            raise ValueError(f"{self.name} was already handed on")
        return tmp

    def stop(self) -> None:
        """End the child if it still runs and remove its temporary file, unless wait handed it on."""
        if hasattr(self, "_child"):
            self._child.stop()
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None
