"""Whether an output folder already holds what a build would write: the build's key against the stamp in OUT.

A build's outputs follow from what it reads (the notes, the corrections, alias, stop and predicate
files), what it is asked (the options), where it reads and writes (links in the page point from
OUT to the notes) and what it runs (kg's code and data, Python and the installed packages, the
model among them). The key is a digest of all of these. A build leaves it in OUT as ``STAMP``, with
the size and modification time of each output, so a later build with the same key whose outputs
are all still as written has nothing to do. An output edited, removed or replaced since, or any
change to the key's parts, and the build runs in full.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.pipeline import Options

STAMP = ".kg-build.json"
_PACKAGE = Path(__file__).resolve().parent


def build_key(paths: Iterable[str | Path], out: Path, options: Options) -> str:
    """Return the digest of everything a build's outputs follow from (see the module's docstring)."""
    from kg.notes.files import input_files
    from kg.resolve.corrections import vault_corrections

    # how NER is run (progress bar, workers, a cluster, the cache) changes no output
    extract = replace(options.extract, progress=False, jobs=0, scheduler=None, cache=True)
    digest = hashlib.blake2b(digest_size=20)
    for part in (_code_digest(), _environment(), repr(replace(options, extract=extract)), os.path.realpath(out)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    paths = list(paths)
    # the outputs of an OUT inside the vault are this build's to write, not its input (kg leaves report.md out)
    inside_out = os.path.realpath(out) + os.sep
    notes = [p for p in input_files(paths, options.notes.follow_symlinks) if not os.path.realpath(p).startswith(inside_out)]
    read = [*notes, *vault_corrections(paths),
            *options.resolve.aliases, *options.resolve.stop,
            *(c for c in options.resolve.corrections if not isinstance(c, Mapping)), *options.relate.predicates]
    for path in read:
        digest.update(os.fsencode(os.path.realpath(path)) + b"\0" + _file_digest(Path(path)) + b"\0")
    return digest.hexdigest()


def unchanged(out: Path, key: str) -> dict[str, Path] | None:
    """Return OUT's outputs by name if the stamp in out has ``key`` and every output is as it was written, else None."""
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
        if stamp.get("key") != key:
            return None
        for name, (size, mtime) in stamp["files"].items():
            found = (out / name).stat()
            if (found.st_size, found.st_mtime_ns) != (size, mtime):
                return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no stamp, or one that does not read as kg writes it: build
    return {name: out / name for name in stamp["files"]}


def stamp_text(key: str, folder: Path, names: Iterable[str]) -> str:
    """Return the stamp of a build with ``key`` whose outputs ``names`` are in folder, as they will be in OUT
    (a rename keeps a file's size and modification time)."""
    files = {}
    for name in names:
        found = (folder / name).stat()
        files[name] = [found.st_size, found.st_mtime_ns]
    return json.dumps({"key": key, "files": files}, ensure_ascii=False, indent=1) + "\n"


@cache
def _code_digest() -> str:
    """Return a digest of kg's own files: its code, knowledge files, page templates and theme."""
    found = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [Path(folder, name) for name in files]
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(found):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + _file_digest(path))
    return digest.hexdigest()


@cache
def _environment() -> str:
    """Return Python's version and the version of every package kg runs on, its requirements' requirements too
    (ja_ginza, the model, and SudachiDict among them); listing every installed package took a third of a second."""
    versions, todo = {}, ["kg"]
    while todo:
        name = todo.pop()
        try:
            versions[name] = metadata.version(name)
            needs = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
            continue
        for need in needs:
            found = _REQUIREMENT.match(need)
            if found and "extra ==" not in need and found.group().lower().replace("_", "-") not in versions:
                todo.append(found.group().lower().replace("_", "-"))
    return "\n".join([sys.version, *(f"{name}=={version}" for name, version in sorted(versions.items()))])


# A requirement's distribution name, before its version, extras or markers (spacy<4,>=3.7; dask[distributed]).
_REQUIREMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _file_digest(path: Path) -> bytes:
    """Return a digest of a file's bytes, or of why it cannot be read (the build says so too)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # reading a named pipe or a device never ends
            return b"not a regular file"
        return hashlib.blake2b(path.read_bytes(), digest_size=20).digest()
    except OSError as error:
        return f"unreadable: {type(error).__name__}".encode()
