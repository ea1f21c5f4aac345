"""Stage 5: write the graph as GraphML, JSON and CSV (formats.py), atomically (files.py), with report.json."""

from kg.export.files import write_atomic, write_files
from kg.export.formats import graphml_text, json_text, write_outputs

__all__ = ["graphml_text", "json_text", "write_atomic", "write_files", "write_outputs"]
