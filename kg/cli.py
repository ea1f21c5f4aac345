"""The kg command line: thin wrappers that parse options and call the library."""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from pathlib import Path

import click

from kg.errors import OptionError
from kg.graph.cooccurrence import UNITS
from kg.graph.measures import MEASURES
from kg.records import ENTITY_TYPES

# Exit codes besides click's 0, 1 (error) and 2 (usage); `kg build --help` and docs/reference/bad-input.md list them.
EXIT_STRICT = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class _Terminated(BaseException):
    """SIGTERM arrived. A BaseException, like KeyboardInterrupt, so no handler of errors catches it."""


def _terminate(signum: int, frame: object) -> None:
    """Raise _Terminated in the main thread, where the build runs."""
    raise _Terminated


def _period_bound(context: click.Context, parameter: click.Parameter, value: str | None):
    """Return the first (--since) or last (--until) day of the period a flag names."""
    if value is None:
        return None
    from kg.notes.dates import parse_bound

    try:
        return parse_bound(value, end=parameter.name == "until")
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Turn Japanese Markdown and Obsidian notes into a knowledge graph.

    kg finds the countries, organisations, agreements, regions, laws, plans, events and people
    your notes name (GiNZA plus a gazetteer), links those that appear in the same section, and
    writes GraphML, JSON, CSV and an interactive HTML view.

    \b
    Example:
      kg build data -o out
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for graph.graphml, graph.json, nodes.csv, edges.csv, sentences.csv, mentions.csv, "
                   "graph.html, report.json, communities.json, communities.csv and report.md.")
@click.option("--types", default=",".join(ENTITY_TYPES), show_default=True,
              help="Comma-separated entity types the graph keeps.")
@click.option("--unit", type=click.Choice(UNITS), default="section", show_default=True,
              help="Co-occurrence unit: entities are linked when they appear in the same one.")
@click.option("--measure", type=click.Choice(MEASURES), default="jaccard", show_default=True,
              help="Association measure stored as each edge's weight.")
@click.option("--callouts/--no-callouts", default=True, show_default=True,
              help="Read Obsidian callouts (> [!note] ...) as text.")
@click.option("--follow-symlinks", is_flag=True,
              help="Also read what links in a folder point to outside it (skipped and reported by default).")
@click.option("--aliases", "aliases", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TSV of canonical<TAB>type<TAB>alias... rows that add or merge entities (repeatable).")
@click.option("--stop", "stop", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File of surface forms, one per line, that never become entities (repeatable).")
@click.option("--corrections", "corrections", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A corrections file (TOML: merges, renames, types, not-entities, not-this-mention; the page's "
                   "Save writes one). Default: kg-corrections.toml at the root of a vault folder (repeatable).")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help="Filter 1: keep entities seen in at least N units.")
@click.option("--min-edge", type=click.IntRange(min=1), default=1, show_default=True,
              help="Filter 2: keep edges whose two entities share at least N units.")
@click.option("--backbone", type=click.FloatRange(0, 1, min_open=True), default=None, metavar="ALPHA",
              help="Filter 3: the disparity filter (Serrano et al. 2009). Keep an edge when, at either end "
                   "i with k>1 edges and strength s_i, (1 - weight/s_i)^(k-1) < ALPHA, or when it is an "
                   "entity's only edge. The paper uses 0.05; dense section graphs need more, e.g. 0.2. "
                   "Not with --measure npmi.")
@click.option("--threshold", type=float, default=None, metavar="X",
              help="Filter 4: keep edges whose weight is at least X.")
@click.option("--top-edges", type=click.IntRange(min=0), default=None, metavar="N",
              help="Filter 5: keep the N edges of greatest weight (ties: more shared units, then ids).")
@click.option("--keep-isolates/--drop-isolates", default=True, show_default=True,
              help="Filter 6: keep or drop entities without any edge after the filters above.")
@click.option("--mst", is_flag=True,
              help="Mark the maximum spanning forest of the weights (mst=true on its edges, false on the "
                   "others); the view draws it darker.")
@click.option("--with-notes", is_flag=True,
              help="Add a node per note (id note:PATH), linked to the entities it mentions and to the notes "
                   "its [[wikilinks]] point to.")
@click.option("--date-field", metavar="NAME", default=None,
              help="Front-matter field that gives a note's date (default: the first of date, created, published); "
                   "a note without it takes the date in its file name (2025-12-23-news.md), else has none.")
@click.option("--since", metavar="DATE", default=None, callback=_period_bound,
              help="Read only the notes dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY); undated notes are left out.")
@click.option("--until", metavar="DATE", default=None, callback=_period_bound,
              help="Read only the notes dated on or before DATE (YYYY-MM-DD; YYYY-MM or YYYY mean its last day).")
@click.option("--relations/--no-relations", default=True, show_default=True,
              help="Read typed relations (署名, 加盟, 出資, ...) from GiNZA's dependency parse of the sentences that "
                   "name two entities; writes relations.csv, relations.graphml and relations.json.")
@click.option("--predicates", "predicates", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TSV of predicate words and their groups that extends kg/data/predicates.tsv (repeatable).")
@click.option("--community-min-size", type=click.IntRange(min=1), default=5, show_default=True, metavar="N",
              help="Write a report (communities.json, communities.csv, report.md, the page's list) for every "
                   "community of at least N entities.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for NER; 0 means one per core.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run NER on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker "
                   "processes on this machine. Needs pip install 'kg[dask]'; replaces --jobs.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse NER results from the cache ($KG_CACHE_DIR or the user cache folder).")
@click.option("--force", is_flag=True,
              help="Build even when OUT already holds the outputs of these notes, options and kg (then nothing is done).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True,
              help=f"Exit with code {EXIT_STRICT} when any input file was skipped or no note was read (the outputs "
                   "are still written).")
def build(paths: tuple[Path, ...], out: Path, force: bool, quiet: bool, strict: bool, **options) -> None:
    """Build the graph of PATHS (Markdown files or vault folders; default: data/).

    \b
    Examples:
      kg build ~/Obsidian/Policy -o out --unit paragraph --types Country,Organization,Agreement
      kg build data -o out --min-count 2 --backbone 0.05 --mst --with-notes
      kg build ~/Obsidian/Clippings -o out --since 2025-01 --until 2025-06

    A file that cannot be read as a note (binary, not text, not Markdown) is skipped with one line
    on stderr; OUT/report.json lists the skipped files, the warnings and the counts. When OUT holds
    the outputs of the same notes, options and version of kg, as they were written, nothing is
    built: the summary says so (--force builds anyway).

    \b
    Exit codes:
      0    built (files may have been skipped: see report.json)
      1    error: no such PATH, a bad --types list, OUT cannot be written,
           a --scheduler that cannot be reached, a --since after --until
      2    usage: an unknown option, a --unit or --measure not offered,
           a --since or --until that is not a date
      3    --strict, and some file or folder was skipped or no note was read,
           the period included (outputs still written)
      130  interrupted (Ctrl-C): OUT holds all the old outputs, or all the new
           ones if they were being put in place; the message says which
      143  terminated (SIGTERM): the same as Ctrl-C
    """
    # SIGTERM (kill, a service manager, a CI timeout) ends a build as Ctrl-C does: one line, old outputs kept
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        from kg.pipeline import DEFAULT_INPUT, make_options, run

        result, files = run(paths or (Path(DEFAULT_INPUT),), out, make_options(progress=not quiet, **options),
                            say=lambda line: click.echo(line, err=True), reuse=not force)
    except OptionError as error:
        raise click.ClickException(error.spelled(_flag)) from error
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from error
    except (KeyboardInterrupt, _Terminated) as stop:
        how = "interrupted" if isinstance(stop, KeyboardInterrupt) else "terminated"
        if getattr(stop, "out_state", "old") == "new":  # it came while the outputs were put in place
            click.echo(f"kg: {how}; the new outputs were already all in {out}", err=True)
        else:
            click.echo(f"kg: {how}; the outputs in {out} are as they were", err=True)
        sys.exit(EXIT_INTERRUPTED if isinstance(stop, KeyboardInterrupt) else EXIT_TERMINATED)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if result is not None:
        for problem in result.problems:
            click.echo(f"kg: {problem}", err=True)
    # what the build found, as report.json holds it: also when nothing was to be done and an earlier build wrote it
    found = json.loads(files["report.json"].read_text(encoding="utf-8"))
    for skipped in found["skipped"]:
        click.echo(f"skipped {skipped['path']}: {skipped['reason']}", err=True)
    if found["warnings"]:
        click.echo(f"{len(found['warnings'])} warnings: see {files['report.json']}", err=True)
    unmatched = len(found["corrections_unmatched"])
    if unmatched:
        click.echo(f"{unmatched} correction{'s' * (unmatched > 1)} matched nothing: see {files['report.json']}", err=True)
    found = found["counts"]
    left_out = found["left_out_by_period"]
    _summary(
        f"{found['notes']} notes, {found['mentions']} mentions, "
        f"{found['entities']} entities, {found['edges']} edges -> {files['graph.html']}"
        + (f" ({left_out} note{'s' * (left_out > 1)} outside the period left out)" if left_out else "")
        + (" (unchanged since the last build into this folder: nothing to do; --force builds anyway)"
           if result is None else ""),
        out,
    )
    if strict and not found["notes"]:
        click.echo(f"--strict: the period left out all {left_out} notes read" if left_out else
                   "--strict: no notes were read", err=True)
        sys.exit(EXIT_STRICT)
    if strict and found["skipped"]:
        click.echo(f"--strict: {found['skipped']} skipped file{'s' * (found['skipped'] > 1)}", err=True)
        sys.exit(EXIT_STRICT)


def _summary(line: str, out: Path) -> None:
    """Print the summary line; if standard output takes no text (> /dev/full, a closed pipe), say so and exit 1."""
    try:
        click.echo(line)
    except OSError as error:
        # nothing more may reach stdout, or Python's own flush at exit would print a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        click.echo(f"kg: cannot write to standard output ({error.strerror or error}); the outputs are in {out}",
                   err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--into", "folder", required=True, type=click.Path(path_type=Path),
              help="Folder inside the vault for the entity notes and kg.canvas (made if missing).")
@click.option("--min-count", type=click.IntRange(min=1), default=2, show_default=True,
              help="Write a note for each entity seen in at least N units.")
@click.option("--canvas-nodes", type=click.IntRange(min=0), default=None,
              help="How many of the most central entities kg.canvas shows (default: 40).")
@click.option("--force", is_flag=True, help="Write into FOLDER even when it is outside the vault.")
def obsidian(paths: tuple[Path, ...], folder: Path, canvas_nodes: int, force: bool, quiet: bool, **options) -> None:
    """Write a note per entity of PATHS, and a canvas of the most central ones, into FOLDER of the vault.

    Each note has the entity's aliases, type tag, id, mention count and first and last dates as
    properties, its mentions grouped by note as [[note#heading]] links with their sentences, the
    related entities with their weights and the relations. kg.canvas (JSON Canvas) shows the most
    central entities as cards that open their notes, grouped by community.

    kg writes over or removes only the notes it wrote (front matter kg_export), keeps what you
    write below the line "%% kg: …" of each, and never touches any other file. kg build leaves
    these notes out. The build options below are those of kg build.

    \b
    Example:
      kg obsidian ~/Obsidian/Policy --into ~/Obsidian/Policy/kg --min-count 3
    """
    from kg.api import to_obsidian

    try:
        done = to_obsidian(paths, folder, canvas_nodes=canvas_nodes, force=force, progress=not quiet, **options)
    except OptionError as error:
        raise click.ClickException(error.spelled(_flag)) from error
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from error
    for name, why in done.left:
        click.echo(f"left {done.folder / name}: {why}", err=True)
    canvas = f"; {done.folder / done.canvas}" if done.canvas else ""
    notes = [name for name in done.written if name.endswith(".md")]
    click.echo(f"{len(notes)} notes written, {len(done.unchanged)} unchanged, {len(done.removed)} removed, "
               f"{len(done.left)} left alone -> {done.folder}{canvas}")


# kg obsidian builds as kg build does: the same options, but those of the build's output folder
obsidian.params += [p for p in build.params if p.name not in {"paths", "out", "strict", "min_count", "force"}]


@main.command()
@click.argument("name")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain(name: str, paths: tuple[Path, ...], as_json: bool, quiet: bool, **options) -> None:
    """Tell why kg made, or did not make, a node of NAME in PATHS (default: data/).

    For every place the notes write NAME or name its entity: the candidates there, the rule that
    kept or dropped each with its reason, and the entity a kept one joined and why (the gazetteer,
    a parenthesis, an entity note, a link, your aliases or corrections). The spans come from the
    NER cache when it holds the notes, so the model does not run again. The options below are
    those of kg build.

    \b
    Examples:
      kg explain 石破 ~/Obsidian/Clippings
      kg explain WTO data --corrections kg-corrections.toml --json
    """
    import json

    from kg.api import explain as explained
    from kg.pipeline import DEFAULT_INPUT

    try:
        found = explained(name, paths or (Path(DEFAULT_INPUT),), progress=not quiet, **options)
    except OptionError as error:
        raise click.ClickException(error.spelled(_flag)) from error
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=1) if as_json else str(found))


# kg explain reads and resolves as kg build does, with the options that steer those stages
explain.params += [p for p in build.params if p.name in {"types", "aliases", "stop", "corrections", "callouts",
                                                         "follow_symlinks", "date_field", "since", "until", "cache",
                                                         "jobs", "quiet"}]


def _flag(name: str) -> str:
    """Return the flag of the build option whose parameter is called name (the name itself if none)."""
    for param in build.params:
        if param.name == name and isinstance(param, click.Option):
            return max(param.opts, key=len)
    return name


def entry() -> None:
    """Run the kg command, and spare its exit a last collection over what the command made.

    At exit Python's cycle collector looks once more at every object still alive: after a build
    of a big vault, millions of them, which took 3 s of a 20 s rebuild (benchmarks/scale.py,
    long-58). gc.freeze() takes them out of the collector's view for the rest of the process,
    which is ending; the files are written by then.
    """
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    entry()
