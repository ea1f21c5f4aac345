"""Tests for notebooks/explore.ipynb: committed clean, and it runs top to bottom on a fresh kernel."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
KERNEL = "python3"
LIMIT = 300  # seconds; the issue allows five minutes for the whole notebook


def execute(notebook: nbformat.NotebookNode, timeout: int = LIMIT) -> nbformat.NotebookNode:
    """Return notebook run top to bottom on a fresh python3 kernel, working folder notebooks/."""
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name=KERNEL, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    return notebook


def test_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], cell.source[:60]
        assert cell.execution_count is None, cell.source[:60]
    assert notebook.metadata.kernelspec.name == KERNEL


def test_notebook_explains_every_question():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for number in range(1, 10):
        assert f"## {number}. " in markdown
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds[0] == "markdown"
    for i, kind in enumerate(kinds):
        if kind == "code":  # some explanation comes at most three cells before each code cell
            assert "markdown" in kinds[max(0, i - 3) : i], notebook.cells[i].source[:60]


def test_kernel_runs_this_environments_python():
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    [output] = execute(probe, timeout=120).cells[0].outputs
    assert output.text.strip() == sys.prefix


@pytest.mark.ginza
def test_notebook_runs_top_to_bottom():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    started = time.monotonic()
    execute(notebook)
    took = time.monotonic() - started
    assert took < LIMIT
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    data = [o.data for o in outputs if o.output_type in ("display_data", "execute_result")]
    assert sum("image/png" in d for d in data) >= 6
    frames = [d["text/html"] for d in data if "<iframe srcdoc=" in d.get("text/html", "")]
    assert len(frames) == 2
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    # matplotlib warns "Glyph ... missing from font" when Japanese text falls back to a Latin font
    assert "Glyph" not in stderr
    assert "Warning" not in stderr
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "海外通信・放送・郵便事業支援機構" in text
    assert "'aliases': [" in text  # read back from GraphML as a list
    assert "shared neighbours" in text and "members named" in text  # section 9's community reports
