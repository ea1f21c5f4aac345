"""MkDocs hooks: parts of pages read from kg itself when the site is built (kg/data's files, the API)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "kg" / "data"
MARKER = "<!-- kg/data files -->"
API_MARKER = "<!-- kg API -->"


def data_files_table() -> str:
    """Return a Markdown table of kg/data's files: path, what its opening comment says, entries."""
    rows = ["| file | what it holds | lines of data |", "| --- | --- | ---: |"]
    for path in sorted(DATA.rglob("*")):
        if not path.is_file() or path.suffix not in (".tsv", ".txt") or path.stem.isupper():
            continue  # NOTICE.txt and the like say where data comes from; they are no data
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[:1] if lines and not lines[0].startswith("#") and "\t" in lines[0] else []
        comment = []
        for line in lines[len(header):]:
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("# ").strip())
        about = " ".join(comment).split(". ")[0].rstrip(".").replace("|", "\\|")
        entries = sum(1 for line in lines[len(header):] if line.strip() and not line.startswith("#"))
        rows.append(f"| `{path.relative_to(DATA.parent.parent).as_posix()}` | {about}. | {entries:,} |")
    return "\n".join(rows)


def api_blocks() -> str:
    """Return a mkdocstrings block for each public function of kg (kg.__all__), as kg.NAME."""
    import kg

    return "\n".join(f"::: {getattr(kg, name).__module__}.{name}\n    options:\n      heading: kg.{name}\n"
                     for name in kg.__all__)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Return the page's Markdown with the generated parts its markers ask for."""
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, data_files_table())
    if API_MARKER in markdown:
        markdown = markdown.replace(API_MARKER, api_blocks())
    return markdown
