"""The kg command line: thin wrappers that parse options and call the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.graph import MEASURES, UNITS
from kg.records import ENTITY_TYPES


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Turn Japanese Markdown and Obsidian notes into a knowledge graph.

    kg finds the countries, organisations, agreements, regions, laws, plans, events and people
    your notes name (GiNZA plus a gazetteer), links those that appear in the same section, and
    writes GraphML, JSON, CSV and an interactive HTML view.

    Example:

        kg build data -o out
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for graph.graphml, graph.json, nodes.csv, edges.csv, mentions.csv and graph.html.")
@click.option("--types", default=",".join(ENTITY_TYPES), show_default=True,
              help="Comma-separated entity types the graph keeps.")
@click.option("--unit", type=click.Choice(UNITS), default="section", show_default=True,
              help="Co-occurrence unit: entities are linked when they appear in the same one.")
@click.option("--measure", type=click.Choice(MEASURES), default="jaccard", show_default=True,
              help="Association measure stored as each edge's weight.")
@click.option("--callouts/--no-callouts", default=True, show_default=True,
              help="Read Obsidian callouts (> [!note] ...) as text.")
@click.option("--aliases", "aliases", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TSV of canonical<TAB>type<TAB>alias... rows that add or merge entities (repeatable).")
@click.option("--stop", "stop", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File of surface forms, one per line, that never become entities (repeatable).")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for NER; 0 means one per core.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse NER results from the cache ($KG_CACHE_DIR or the user cache folder).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(paths: tuple[Path, ...], out: Path, quiet: bool, **options) -> None:
    """Build the graph of PATHS (Markdown files or vault folders; default: data/).

    Example:

        kg build ~/Obsidian/Policy -o out --unit paragraph --types Country,Organization,Agreement
    """
    from kg.pipeline import DEFAULT_INPUT, make_options, run

    try:
        result, files = run(paths or (Path(DEFAULT_INPUT),), out, make_options(progress=not quiet, **options))
    except (ValueError, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from error
    graph = result.graph
    for skipped in result.vault.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(
        f"{len(result.vault.notes)} notes, {result.mention_count} mentions, "
        f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} edges -> {files['graph.html']}"
    )


if __name__ == "__main__":
    sys.exit(main())
